# Production: the table and user pool refuse deletion (environment = "prod"), longer retention,
# the Bedrock coach with its offline fallback.
environment                = "prod"
aws_region                 = "eu-west-1"
log_retention_days         = 90
log_level                  = "INFO"
coach_engine               = "bedrock"
bedrock_model_id           = "anthropic.claude-3-haiku-20240307-v1:0"
api_throttling_rate_limit  = 50
api_throttling_burst_limit = 100
