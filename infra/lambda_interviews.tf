# The interviews function (services/interviews) and its own role.
resource "aws_lambda_function" "interviews" {
  #checkov:skip=CKV_AWS_116:Invoked synchronously by API Gateway only; there are no asynchronous events to send to a dead-letter queue.
  #checkov:skip=CKV_AWS_117:The function talks only to AWS public endpoints (DynamoDB, Bedrock, X-Ray); a VPC would add NAT cost and cold-start time for no isolation gain.
  #checkov:skip=CKV_AWS_173:The environment holds names and settings, no secrets; the default service key encrypts it at rest.
  #checkov:skip=CKV_AWS_272:Artifacts are built reproducibly by Pants in CI and deployed by the same pipeline; code signing is not set up yet.
  #checkov:skip=CKV_AWS_115:API Gateway stage throttling bounds concurrency; reserving it would take from small accounts' shared pool of 10.
  function_name    = "${local.name}-interviews"
  description      = "TuCoach AI interviews API (services/interviews)"
  role             = aws_iam_role.interviews.arn
  filename         = "${local.artifacts_dir}/functions/interviews.zip"
  source_code_hash = filebase64sha256("${local.artifacts_dir}/functions/interviews.zip")
  handler          = "lambda_function.handler"
  runtime          = var.lambda_runtime
  architectures    = ["x86_64"] # the layers' native wheels are built for x86_64
  memory_size      = var.lambda_memory_mb
  timeout          = var.lambda_timeout_seconds

  layers = [
    aws_lambda_layer_version.tucoach_packages.arn,
    aws_lambda_layer_version.interviews_dependencies.arn,
  ]

  environment {
    variables = merge(
      {
        TABLE_NAME                   = aws_dynamodb_table.main.name
        COACH_ENGINE                 = var.coach_engine
        POWERTOOLS_SERVICE_NAME      = "interviews"
        POWERTOOLS_LOG_LEVEL         = var.log_level
        POWERTOOLS_METRICS_NAMESPACE = "TuCoachAi"
        DAILY_INTERVIEW_LIMIT        = tostring(var.daily_interview_limit)
        DAILY_ANSWER_LIMIT           = tostring(var.daily_answer_limit)
        # The function uses no pydantic plugin. Without this, pydantic looks for plugins in
        # every installed package's metadata at the first schema it builds, in every cold start.
        PYDANTIC_DISABLE_PLUGINS = "__all__"
        # No CORS_ALLOW_ORIGIN: the app calls the API on its own origin (frontend_hosting.tf).
      },
      local.bedrock_enabled ? {
        # The coach passes it to Converse as modelId: an inference profile id is accepted there.
        BEDROCK_MODEL_ID        = var.bedrock_inference_profile_id
        BEDROCK_REGION          = local.bedrock_region
        BEDROCK_TIMEOUT_SECONDS = tostring(var.bedrock_timeout_seconds)
      } : {},
    )
  }

  tracing_config {
    mode = "Active"
  }

  # The log group must exist first, with its retention, or Lambda creates one that keeps forever.
  depends_on = [aws_cloudwatch_log_group.interviews, aws_iam_role_policy.interviews]
}

resource "aws_cloudwatch_log_group" "interviews" {
  #checkov:skip=CKV_AWS_158:Logs hold no secrets and the default CloudWatch Logs encryption applies; a customer-managed key is not required.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days by default) to keep cost down; raise log_retention_days where a year is required.
  name              = "/aws/lambda/${local.name}-interviews"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "interviews" {
  name               = "${local.name}-interviews"
  description        = "Execution role of the interviews function: its table, its logs, X-Ray and (when enabled) one Bedrock inference profile"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "interviews" {
  name   = "interviews"
  role   = aws_iam_role.interviews.id
  policy = data.aws_iam_policy_document.interviews.json
}

data "aws_iam_policy_document" "interviews" {
  # Exactly what tucoach-repository calls: PutItem, GetItem, Query, TransactWriteItems (IAM
  # authorises a transaction by its parts: conditional Update and Put) and BatchWriteItem (the
  # deletes). Query also on the user_interviews index, named, not index/*.
  statement {
    sid = "Table"
    actions = [
      "dynamodb:BatchWriteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]
    resources = [aws_dynamodb_table.main.arn]
  }

  statement {
    sid       = "UserInterviewsIndex"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.main.arn}/index/user_interviews"]
  }

  # Its own log group only; stream names are chosen by Lambda at run time.
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.interviews.arn}:log-stream:*"]
  }

  # X-Ray has no resource-level permissions: these two actions only accept "*".
  statement {
    sid       = "XRay"
    actions   = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]
    resources = ["*"]
  }

  # The Converse API is authorised as InvokeModel. A cross-Region inference profile needs it on
  # the profile (in the source region) and on its foundation model in every region the profile
  # routes to; the condition keeps the foundation model reachable through this profile only.
  dynamic "statement" {
    for_each = local.bedrock_enabled ? [local.bedrock_profile_arn] : []
    content {
      sid       = "BedrockInferenceProfile"
      actions   = ["bedrock:InvokeModel"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = local.bedrock_enabled ? [local.bedrock_profile_arn] : []
    content {
      sid       = "BedrockFoundationModel"
      actions   = ["bedrock:InvokeModel"]
      resources = local.bedrock_foundation_model_arns
      condition {
        test     = "StringEquals"
        variable = "bedrock:InferenceProfileArn"
        values   = [statement.value]
      }
    }
  }
}

locals {
  # "eu.anthropic.claude-haiku-4-5-20251001-v1:0" -> "anthropic.claude-haiku-4-5-20251001-v1:0"
  bedrock_foundation_model_id = join(".", slice(split(".", var.bedrock_inference_profile_id), 1, length(split(".", var.bedrock_inference_profile_id))))
  # The account is AWS's to tell: taken from the role's ARN, so the plan needs no STS call.
  account_id          = split(":", aws_iam_role.interviews.arn)[4]
  bedrock_profile_arn = "arn:${data.aws_partition.current.partition}:bedrock:${local.bedrock_region}:${local.account_id}:inference-profile/${var.bedrock_inference_profile_id}"
  bedrock_foundation_model_arns = [
    for region in sort(var.bedrock_destination_regions) :
    "arn:${data.aws_partition.current.partition}:bedrock:${region}::foundation-model/${local.bedrock_foundation_model_id}"
  ]
}
