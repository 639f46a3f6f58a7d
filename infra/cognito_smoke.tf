# What build-support/smoke.sh needs to run a whole interview as a real signed-in user after each
# apply: an app client that signs in with a password through Cognito's admin API. The web app's
# client cannot serve: it allows the hosted UI's code flow only (cognito.tf), and scripting the
# hosted UI's login page would break on any change to it. ADMIN_USER_PASSWORD_AUTH needs IAM
# credentials (cognito-idp:AdminInitiateAuth, the smoke role of infra/iam), so this client opens
# no password sign-in to the internet. Outside prod by default: the smoke test creates and
# deletes a user in the pool, which prod's users should never share.
variable "smoke_test_client" {
  type        = bool
  description = "Create the smoke test's app client (ADMIN_USER_PASSWORD_AUTH only); null means every environment but prod."
  default     = null
  nullable    = true
}

locals {
  smoke_test_client = coalesce(var.smoke_test_client, !local.is_production)
}

resource "aws_cognito_user_pool_client" "smoke" {
  count = local.smoke_test_client ? 1 : 0

  name         = "${local.name}-smoke"
  user_pool_id = aws_cognito_user_pool.main.id

  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = false
  explicit_auth_flows                  = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true

  # As short as Cognito allows: a smoke run lasts seconds.
  access_token_validity  = 5
  id_token_validity      = 5
  refresh_token_validity = 60
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "minutes"
  }
}

output "cognito_smoke_client_id" {
  description = "Id of the smoke test's app client (build-support/smoke.sh); null where there is none (prod by default)."
  value       = one(aws_cognito_user_pool_client.smoke[*].id)
}

output "coach_engine" {
  description = "The coach engine the function is configured with; the smoke test expects it on every feedback."
  value       = var.coach_engine
}

output "aws_region" {
  description = "Region of the stack's regional resources (the user pool, the API)."
  value       = var.aws_region
}
