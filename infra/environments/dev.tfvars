# Development: small limits, short log retention, the offline coach.
environment                = "dev"
aws_region                 = "eu-west-1"
log_retention_days         = 14
log_level                  = "DEBUG"
coach_engine               = "offline"
api_throttling_rate_limit  = 10
api_throttling_burst_limit = 20
cognito_callback_urls      = [] # the CloudFront origin; add "http://localhost:5173/" to sign in from `npm run dev`
