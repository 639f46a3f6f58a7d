# Alarms on what users feel (API 5xx rate, failing or slow function, the coach falling back) and
# on capacity (throttles, DynamoDB errors), all notifying the environment's SNS topic, and one
# dashboard with the same metrics and the app's own.
locals {
  function_name = aws_lambda_function.interviews.function_name
  api_name      = aws_api_gateway_rest_api.main.name
  alarm_actions = [aws_sns_topic.alarms.arn]

  # Powertools' metrics (services/interviews observability.py): namespace TuCoachAi, and the
  # service name as the one dimension.
  app_metrics_namespace  = "TuCoachAi"
  app_metrics_dimensions = { service = "interviews" }

  # The operations tucoach-repository calls: DynamoDB reports SystemErrors per operation only.
  dynamodb_operations = ["BatchWriteItem", "GetItem", "PutItem", "Query", "TransactWriteItems"]

  alarms = {
    lambda-errors = {
      description = "The interviews function raised errors"
      namespace   = "AWS/Lambda"
      metric      = "Errors"
      dimensions  = { FunctionName = local.function_name }
    }
    lambda-throttles = {
      description = "The interviews function was throttled (concurrency limit reached)"
      namespace   = "AWS/Lambda"
      metric      = "Throttles"
      dimensions  = { FunctionName = local.function_name }
    }
    dynamodb-read-throttles = {
      description = "DynamoDB throttled reads of the table"
      namespace   = "AWS/DynamoDB"
      metric      = "ReadThrottleEvents"
      dimensions  = { TableName = aws_dynamodb_table.main.name }
    }
    dynamodb-write-throttles = {
      description = "DynamoDB throttled writes to the table"
      namespace   = "AWS/DynamoDB"
      metric      = "WriteThrottleEvents"
      dimensions  = { TableName = aws_dynamodb_table.main.name }
    }
  }
}

resource "aws_sns_topic" "alarms" {
  #checkov:skip=CKV_AWS_26:Alarm notifications carry alarm names and states, no data; CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer-managed key per environment is not worth its cost here.
  name         = "${local.name}-alarms"
  display_name = "TuCoach AI ${var.environment} alarms"
}

# Email subscriptions stay pending until the address confirms them (AWS sends the link).
resource "aws_sns_topic_subscription" "alarm_email" {
  count     = var.alarm_email != "" ? 1 : 0
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

# Anything above zero in 5 minutes: each of these is a fault, not noise.
resource "aws_cloudwatch_metric_alarm" "sum" {
  for_each = local.alarms

  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  statistic           = "Sum"
  dimensions          = each.value.dimensions
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching" # no traffic is not an outage
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Percentiles need extended_statistic, hence its own block.
resource "aws_cloudwatch_metric_alarm" "lambda_p99_duration" {
  alarm_name          = "${local.name}-lambda-p99-duration"
  alarm_description   = "p99 duration of the interviews function above ${var.alarm_lambda_p99_duration_ms} ms for 15 minutes"
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  extended_statistic  = "p99"
  dimensions          = { FunctionName = local.function_name }
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_lambda_p99_duration_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# The 5xx *rate*, so that a low-traffic outage trips it too: with fewer than
# alarm_api_5xx_min_requests requests in 5 minutes a rate means little (2 of 3 is 67 %, 1 of 200
# is 0.5 %) and any 5xx counts as 100 %; above that, the share of requests answered 5xx.
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${local.name}-api-5xx-rate"
  alarm_description   = "API Gateway answered 5xx to more than ${var.alarm_api_5xx_rate_percent} % of requests in 5 minutes, or to any request while there were fewer than ${var.alarm_api_5xx_min_requests}"
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_api_5xx_rate_percent
  treat_missing_data  = "notBreaching" # no traffic is not an outage
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id = "server_errors"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5XXError"
      dimensions  = { ApiName = local.api_name, Stage = var.api_stage_name }
      period      = 300
      stat        = "Sum"
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "Count"
      dimensions  = { ApiName = local.api_name, Stage = var.api_stage_name }
      period      = 300
      stat        = "Sum"
    }
  }

  metric_query {
    id          = "rate"
    label       = "5xx share of requests (%), 100 for any 5xx at low traffic"
    expression  = "IF(FILL(requests, 0) < ${var.alarm_api_5xx_min_requests}, IF(FILL(server_errors, 0) > 0, 100, 0), 100 * FILL(server_errors, 0) / requests)"
    return_data = true
  }
}

# DynamoDB's own failures (HTTP 500s), summed over the operations the repository calls.
resource "aws_cloudwatch_metric_alarm" "dynamodb_system_errors" {
  alarm_name          = "${local.name}-dynamodb-system-errors"
  alarm_description   = "DynamoDB answered requests to the table with system errors (HTTP 500)"
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  dynamic "metric_query" {
    for_each = local.dynamodb_operations
    content {
      id = lower(metric_query.value)
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = "SystemErrors"
        dimensions  = { TableName = aws_dynamodb_table.main.name, Operation = metric_query.value }
        period      = 300
        stat        = "Sum"
      }
    }
  }

  metric_query {
    id          = "system_errors"
    label       = "SystemErrors, all operations"
    expression  = "SUM([${join(", ", [for operation in local.dynamodb_operations : lower(operation)])}])"
    return_data = true
  }
}

# The Bedrock coach falls back to the offline one on any failure and users still get a 200, so
# only this metric tells that the model is unreachable (retired, throttled, denied).
resource "aws_cloudwatch_metric_alarm" "coach_fallbacks" {
  count = local.bedrock_enabled ? 1 : 0

  alarm_name          = "${local.name}-coach-fallbacks"
  alarm_description   = "The Bedrock coach fell back to the offline engine in the last 15 minutes (model ${var.bedrock_inference_profile_id} failing)"
  namespace           = local.app_metrics_namespace
  metric_name         = "CoachFallbacks"
  dimensions          = local.app_metrics_dimensions
  statistic           = "Sum"
  period              = 900
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.name
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "metric", x = 0, y = 0, width = 12, height = 6
        properties = {
          title  = "API requests and errors"
          region = var.aws_region
          stat   = "Sum"
          period = 60
          metrics = [
            ["AWS/ApiGateway", "Count", "ApiName", local.api_name, "Stage", var.api_stage_name],
            [".", "4XXError", ".", ".", ".", "."],
            [".", "5XXError", ".", ".", ".", "."],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 0, width = 12, height = 6
        properties = {
          title  = "API latency (p50, p99)"
          region = var.aws_region
          period = 60
          metrics = [
            ["AWS/ApiGateway", "Latency", "ApiName", local.api_name, "Stage", var.api_stage_name, { stat = "p50" }],
            ["...", { stat = "p99" }],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 12, height = 6
        properties = {
          title  = "Function invocations, errors, throttles"
          region = var.aws_region
          stat   = "Sum"
          period = 60
          metrics = [
            ["AWS/Lambda", "Invocations", "FunctionName", local.function_name],
            [".", "Errors", ".", "."],
            [".", "Throttles", ".", "."],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 6, width = 12, height = 6
        properties = {
          title  = "Function duration (p50, p99)"
          region = var.aws_region
          period = 60
          metrics = [
            ["AWS/Lambda", "Duration", "FunctionName", local.function_name, { stat = "p50" }],
            ["...", { stat = "p99" }],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 12, width = 24, height = 6
        properties = {
          title  = "DynamoDB capacity and throttles"
          region = var.aws_region
          stat   = "Sum"
          period = 60
          metrics = [
            ["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", aws_dynamodb_table.main.name],
            [".", "ConsumedWriteCapacityUnits", ".", "."],
            [".", "ReadThrottleEvents", ".", "."],
            [".", "WriteThrottleEvents", ".", "."],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 18, width = 24, height = 6
        properties = {
          title  = "Interviews and the coach (the app's metrics)"
          region = var.aws_region
          stat   = "Sum"
          period = 300
          metrics = [
            for metric in ["InterviewsStarted", "AnswersScored", "InterviewsCompleted", "BedrockFeedback", "CoachFallbacks"] :
            [local.app_metrics_namespace, metric, "service", local.app_metrics_dimensions.service]
          ]
        }
      },
    ]
  })
}
