# Sign-in: a user pool with Cognito's hosted UI, and one public app client for the web app
# (authorization code flow with PKCE; a browser cannot keep a client secret).
resource "aws_cognito_user_pool" "main" {
  name                     = "${local.name}-users"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = local.is_production ? "ACTIVE" : "INACTIVE"
  mfa_configuration        = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  admin_create_user_config {
    allow_admin_create_user_only = false
  }

  # Cognito's own sender (COGNITO_DEFAULT) sends 50 emails a day (an AWS quota), enough
  # for dev; a verified SES identity lifts that to SES's quota:
  # https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
  email_configuration {
    email_sending_account = var.cognito_ses_identity_arn != "" ? "DEVELOPER" : "COGNITO_DEFAULT"
    source_arn            = var.cognito_ses_identity_arn != "" ? var.cognito_ses_identity_arn : null
    from_email_address    = var.cognito_ses_identity_arn != "" && var.cognito_email_from != "" ? var.cognito_email_from : null
  }
}

resource "aws_cognito_user_pool_domain" "main" {
  domain       = "${var.cognito_domain_prefix}-${var.environment}"
  user_pool_id = aws_cognito_user_pool.main.id
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "${local.name}-web"
  user_pool_id = aws_cognito_user_pool.main.id

  # Public client: no secret, so the SPA must send a PKCE code_challenge with the code flow.
  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "profile"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = local.callback_urls
  logout_urls                          = local.logout_urls

  # Only refresh through the API; sign-in happens in the hosted UI.
  explicit_auth_flows           = ["ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true

  access_token_validity  = 60
  id_token_validity      = 60
  refresh_token_validity = 30
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}
