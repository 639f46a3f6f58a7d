provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project   = "TuCoachAi"
      Stack     = "account"
      ManagedBy = "terraform"
    }
  }
}

data "aws_partition" "current" {}

# API Gateway writes access and execution logs through one role per account and region. It lives
# here, not in an environment: destroying dev must not take prod's logging with it.
resource "aws_api_gateway_account" "main" {
  cloudwatch_role_arn = aws_iam_role.api_gateway_logs.arn
}

resource "aws_iam_role" "api_gateway_logs" {
  name               = "tucoach-api-gateway-logs-${var.aws_region}"
  description        = "Lets API Gateway write access and execution logs to CloudWatch Logs (account-wide)"
  assume_role_policy = data.aws_iam_policy_document.api_gateway_assume_role.json
}

data "aws_iam_policy_document" "api_gateway_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

# AWS's managed policy for exactly this role; API Gateway names the execution log groups itself.
resource "aws_iam_role_policy_attachment" "api_gateway_logs" {
  role       = aws_iam_role.api_gateway_logs.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}
