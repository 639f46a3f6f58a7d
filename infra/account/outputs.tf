output "api_gateway_cloudwatch_role_arn" {
  description = "Role API Gateway writes logs with, in this account and region."
  value       = aws_iam_role.api_gateway_logs.arn
}
