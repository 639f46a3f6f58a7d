# Alarms on what users feel (API 5xx, slow or failing function) and on capacity (throttles),
# and one dashboard with the same metrics side by side.
locals {
  function_name = aws_lambda_function.interviews.function_name
  api_name      = aws_api_gateway_rest_api.main.name

  alarms = {
    api-5xx = {
      description = "API Gateway answered 5xx more than ${var.alarm_api_5xx_threshold} times in 5 minutes"
      namespace   = "AWS/ApiGateway"
      metric      = "5XXError"
      statistic   = "Sum"
      dimensions  = { ApiName = local.api_name, Stage = var.api_stage_name }
      threshold   = var.alarm_api_5xx_threshold
    }
    lambda-errors = {
      description = "The interviews function raised errors"
      namespace   = "AWS/Lambda"
      metric      = "Errors"
      statistic   = "Sum"
      dimensions  = { FunctionName = local.function_name }
      threshold   = 0
    }
    lambda-throttles = {
      description = "The interviews function was throttled (concurrency limit reached)"
      namespace   = "AWS/Lambda"
      metric      = "Throttles"
      statistic   = "Sum"
      dimensions  = { FunctionName = local.function_name }
      threshold   = 0
    }
    dynamodb-read-throttles = {
      description = "DynamoDB throttled reads of the table"
      namespace   = "AWS/DynamoDB"
      metric      = "ReadThrottleEvents"
      statistic   = "Sum"
      dimensions  = { TableName = aws_dynamodb_table.main.name }
      threshold   = 0
    }
    dynamodb-write-throttles = {
      description = "DynamoDB throttled writes to the table"
      namespace   = "AWS/DynamoDB"
      metric      = "WriteThrottleEvents"
      statistic   = "Sum"
      dimensions  = { TableName = aws_dynamodb_table.main.name }
      threshold   = 0
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "sum" {
  for_each = local.alarms

  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  statistic           = each.value.statistic
  dimensions          = each.value.dimensions
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "notBreaching" # no traffic is not an outage
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
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
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
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
    ]
  })
}
