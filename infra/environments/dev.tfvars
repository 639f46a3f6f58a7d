# Development: small limits, short log retention, the offline coach.
environment                  = "dev"
aws_region                   = "eu-west-1"
log_retention_days           = 14
log_level                    = "DEBUG"
coach_engine                 = "offline"
bedrock_inference_profile_id = "eu.anthropic.claude-haiku-4-5-20251001-v1:0" # used once coach_engine = "bedrock"
bedrock_destination_regions  = ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"]
api_throttling_rate_limit    = 10
api_throttling_burst_limit   = 20
api_waf_enabled              = false # ~$10 a month; prod has it (infra/waf.tf)
cognito_extra_app_origins    = []    # add "http://localhost:5173" to sign in from `npm run dev`
alarm_email                  = ""    # set to subscribe someone to dev's alarms
xray_sampling_rate           = 1     # every request: dev is where a developer follows their own (docs/cost.md)
