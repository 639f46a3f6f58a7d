output "api_url" {
  description = "Base URL of the API as browsers reach it, on the web app's origin through CloudFront (append /catalog, /interviews, ...)."
  value       = "${local.frontend_origin}${local.api_base_path}"
}

output "api_stage_url" {
  description = "The stage's own URL; with the WAF on (api_waf_enabled) it refuses every request that did not come through CloudFront."
  value       = aws_api_gateway_stage.main.invoke_url
}

output "rest_api_id" {
  description = "Id of the REST API."
  value       = aws_api_gateway_rest_api.main.id
}

output "table_name" {
  description = "Name of the DynamoDB table."
  value       = aws_dynamodb_table.main.name
}

output "interviews_function_name" {
  description = "Name of the interviews Lambda function."
  value       = aws_lambda_function.interviews.function_name
}

output "cognito_user_pool_id" {
  description = "Id of the Cognito user pool."
  value       = aws_cognito_user_pool.main.id
}

output "cognito_user_pool_client_id" {
  description = "Id of the web app's (public, PKCE) Cognito app client."
  value       = aws_cognito_user_pool_client.web.id
}

output "cognito_issuer_url" {
  description = "OpenID Connect issuer of the user pool (the web app's oidcAuthority in config.json)."
  value       = local.cognito_issuer_url
}

output "app_callback_url" {
  description = "The web app's OIDC redirect_uri (its origin and the callback path of sign_in_paths.json)."
  value       = local.app_callback_url
}

output "app_signed_out_url" {
  description = "Where the web app lands after sign-out (its origin and the signed_out path of sign_in_paths.json)."
  value       = local.app_signed_out_url
}

output "cognito_hosted_ui_url" {
  description = "Base URL of the Cognito hosted UI (authorize, token, logout endpoints live under it)."
  value       = local.cognito_hosted_ui_url
}

output "frontend_bucket" {
  description = "Bucket the built web app is uploaded to (its config.json is this stack's: aws_s3_object.frontend_config)."
  value       = aws_s3_bucket.frontend.bucket
}

output "cloudfront_distribution_id" {
  description = "Id of the CloudFront distribution (for invalidations after an upload)."
  value       = aws_cloudfront_distribution.frontend.id
}

output "frontend_url" {
  description = "URL of the web app."
  value       = local.frontend_origin
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.main.dashboard_name
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm of the environment notifies (subscribe people or a pager to it)."
  value       = aws_sns_topic.alarms.arn
}
