provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge(var.tags, {
      Project     = "TuCoachAi"
      Environment = var.environment
      ManagedBy   = "terraform"
    })
  }
}

# Both are answered from the provider's configuration, with no API call, so `terraform plan`
# works offline in the checks.
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  name = "tucoach-${var.environment}"

  # The repository package's TABLE_NAME_FORMAT; infra/tests compares the two.
  table_name = "TuCoachAi-${var.environment}"

  is_production = var.environment == "prod"

  # Where the built artifacts are: `./pants package ::` writes them to dist/ at stable paths.
  artifacts_dir = var.artifacts_dir != "" ? var.artifacts_dir : "${path.module}/../dist"

  # The web app's origin: an explicit one (a custom domain) or the CloudFront distribution's.
  frontend_origin = var.frontend_origin != "" ? var.frontend_origin : "https://${aws_cloudfront_distribution.frontend.domain_name}"

  callback_urls = length(var.cognito_callback_urls) > 0 ? var.cognito_callback_urls : ["${local.frontend_origin}/"]
  logout_urls   = length(var.cognito_logout_urls) > 0 ? var.cognito_logout_urls : ["${local.frontend_origin}/"]

  bedrock_enabled = var.coach_engine == "bedrock"
  bedrock_region  = var.bedrock_region != "" ? var.bedrock_region : var.aws_region
}
