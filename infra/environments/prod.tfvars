# Production: the table and user pool refuse deletion (environment = "prod"), longer retention,
# the Bedrock coach with its offline fallback (docs/adr/0002-bedrock-model.md), a WAF on the API.
environment                  = "prod"
aws_region                   = "eu-west-1"
log_retention_days           = 90
log_level                    = "INFO"
coach_engine                 = "bedrock"
bedrock_inference_profile_id = "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
bedrock_destination_regions  = ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"]
api_throttling_rate_limit    = 50
api_throttling_burst_limit   = 100
api_waf_enabled              = true # infra/waf.tf: CloudFront only, a rate limit per viewer IP, AWS common rules
alarm_email                  = ""   # set to the on-call address before the first apply (docs/deploy.md)
