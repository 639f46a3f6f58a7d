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

  # The web app's origin: an explicit one, the custom domain, or the CloudFront distribution's.
  frontend_origin = (
    var.frontend_origin != "" ? var.frontend_origin :
    var.cloudfront_custom_domain != "" ? "https://${var.cloudfront_custom_domain}" :
    "https://${aws_cloudfront_distribution.frontend.domain_name}"
  )

  # The API on the web app's origin: CloudFront sends /<stage>/* to the stage as it is
  # (frontend_hosting.tf), so the app calls it with a relative base and no CORS.
  api_base_path = "/${var.api_stage_name}"

  # Where Cognito sends the browser after sign-in and sign-out: one file read by this stack, the
  # web app's build (frontend/vite.config.ts) and the local sign-in (services/local), so the
  # redirect_uri the app sends is always one Cognito allows.
  sign_in_paths      = jsondecode(file("${path.module}/sign_in_paths.json"))
  app_origins        = distinct(concat([local.frontend_origin], var.cognito_extra_app_origins))
  app_callback_url   = "${local.frontend_origin}${local.sign_in_paths.callback}"
  app_signed_out_url = "${local.frontend_origin}${local.sign_in_paths.signed_out}"
  callback_urls      = [for origin in local.app_origins : "${origin}${local.sign_in_paths.callback}"]
  logout_urls        = [for origin in local.app_origins : "${origin}${local.sign_in_paths.signed_out}"]

  bedrock_enabled = var.coach_engine == "bedrock"
  bedrock_region  = var.bedrock_region != "" ? var.bedrock_region : var.aws_region
}
