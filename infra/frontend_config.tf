# The web app's deployment settings, read by the app at start-up from /config.json
# (frontend/src/lib/config.ts): one build of frontend/ serves every environment, and this stack,
# not the deploy job, says where its API and sign-in are. build-support/publish-frontend.sh
# uploads the build next to it and leaves this object alone.
locals {
  cognito_issuer_url    = "https://${aws_cognito_user_pool.main.endpoint}"
  cognito_hosted_ui_url = "https://${aws_cognito_user_pool_domain.main.domain}.auth.${var.aws_region}.amazoncognito.com"
}

resource "aws_s3_object" "frontend_config" {
  #checkov:skip=CKV_AWS_186:Public settings (URLs and a public client id) served to every browser; the bucket's SSE-S3 default is enough.
  bucket = aws_s3_bucket.frontend.id
  key    = "config.json"
  content = jsonencode({
    # Relative: the API is on the app's own origin (frontend_hosting.tf), so no CORS.
    apiBaseUrl    = local.api_base_path
    oidcAuthority = local.cognito_issuer_url
    oidcClientId  = aws_cognito_user_pool_client.web.id
    # Cognito's discovery document has no end_session_endpoint: its hosted UI logs out with the
    # client id and a sign-out URL that client allows.
    oidcLogoutUrl = "${local.cognito_hosted_ui_url}/logout?client_id=${aws_cognito_user_pool_client.web.id}&logout_uri=${urlencode(local.app_signed_out_url)}"
  })
  content_type = "application/json"
  # Fetched fresh on every start, so a changed setting reaches every browser at once.
  cache_control = "no-cache"
}
