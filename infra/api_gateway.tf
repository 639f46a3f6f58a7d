# The REST API around the routes of api_gateway_interviews.tf: its resource tree, the Cognito
# authorizer, the error shape of gateway responses, the stage with throttling, JSON access logs
# and its execution-log group. No CORS: browsers reach the API on the web app's own origin,
# through CloudFront (frontend_hosting.tf); only the local server answers cross-origin requests.
resource "aws_api_gateway_rest_api" "main" {
  name        = "${local.name}-api"
  description = "TuCoach AI API (docs/api/openapi.json)"

  # Responses of this size and more are gzipped for a client that accepts it. CloudFront's /api/*
  # behaviour forwards the viewer's Accept-Encoding (CachingDisabled leaves it to the origin
  # request policy, which forwards every viewer header but Host) and passes a body the origin
  # compressed on unchanged (frontend_hosting.tf; docs/cost.md, "Response bytes").
  minimum_compression_size = var.api_minimum_compression_size

  endpoint_configuration {
    types = ["REGIONAL"] # CloudFront is in front already (frontend_hosting.tf); no second edge
  }

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = length(local.api_paths_too_deep) == 0
      error_message = "api_gateway.tf builds resources 3 levels deep; add a level for: ${join(", ", local.api_paths_too_deep)}"
    }
  }
}

locals {
  # Every path the routes use and every prefix of one: each is an API Gateway resource.
  api_paths = distinct(flatten([
    for route in local.routes : [
      for depth in range(1, length(split("/", route.path))) :
      join("/", slice(split("/", route.path), 0, depth + 1))
    ]
  ]))
  api_paths_by_depth = {
    for depth in [1, 2, 3] : depth => toset([for path in local.api_paths : path if length(split("/", path)) == depth + 1])
  }
  api_paths_too_deep = [for path in local.api_paths : path if length(split("/", path)) > 4]

  api_resource_ids = merge(
    { for path, resource in aws_api_gateway_resource.depth1 : path => resource.id },
    { for path, resource in aws_api_gateway_resource.depth2 : path => resource.id },
    { for path, resource in aws_api_gateway_resource.depth3 : path => resource.id },
  )
}

# A resource's parent must exist before it, and for_each cannot refer to itself: one block per
# depth, each taking its parents from the one above.
resource "aws_api_gateway_resource" "depth1" {
  for_each = local.api_paths_by_depth[1]

  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = reverse(split("/", each.key))[0]
}

resource "aws_api_gateway_resource" "depth2" {
  for_each = local.api_paths_by_depth[2]

  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_resource.depth1[join("/", slice(split("/", each.key), 0, 2))].id
  path_part   = reverse(split("/", each.key))[0]
}

resource "aws_api_gateway_resource" "depth3" {
  for_each = local.api_paths_by_depth[3]

  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_resource.depth2[join("/", slice(split("/", each.key), 0, 3))].id
  path_part   = reverse(split("/", each.key))[0]
}

resource "aws_api_gateway_authorizer" "cognito" {
  name            = "cognito"
  rest_api_id     = aws_api_gateway_rest_api.main.id
  type            = "COGNITO_USER_POOLS"
  provider_arns   = [aws_cognito_user_pool.main.arn]
  identity_source = "method.request.header.Authorization"
}

# Errors API Gateway answers itself (no token, throttled, unknown route) in the function's error
# shape, so that the web app parses one shape: {"error": {"code", "message", "request_id"}}.
locals {
  gateway_responses = {
    UNAUTHORIZED  = { status = "401", code = "unauthorized" }
    ACCESS_DENIED = { status = "403", code = "forbidden" }
    THROTTLED     = { status = "429", code = "throttled" }
    DEFAULT_4XX   = { status = null, code = "request_rejected" }
    DEFAULT_5XX   = { status = null, code = "gateway_error" }
  }
}

resource "aws_api_gateway_gateway_response" "errors" {
  for_each = local.gateway_responses

  rest_api_id   = aws_api_gateway_rest_api.main.id
  response_type = each.key
  status_code   = each.value.status

  # $context.error.messageString is already a quoted JSON string.
  response_templates = {
    "application/json" = "{\"error\":{\"code\":\"${each.value.code}\",\"message\":$context.error.messageString,\"request_id\":\"$context.requestId\"}}"
  }
  # As the function's own answers: nothing of the API is kept by a browser or proxy.
  response_parameters = {
    "gatewayresponse.header.Cache-Control" = "'no-store'"
  }
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  # A new deployment whenever anything the stage serves changes.
  triggers = {
    redeployment = sha1(jsonencode([
      local.routes,
      local.api_resource_ids,
      # Compression takes effect with a deployment, like the routes.
      aws_api_gateway_rest_api.main.minimum_compression_size,
      [for integration in aws_api_gateway_integration.interviews : integration.uri],
      aws_api_gateway_authorizer.cognito.id,
      aws_api_gateway_gateway_response.errors,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }

  depends_on = [
    aws_api_gateway_method.private,
    aws_api_gateway_method.public,
    aws_api_gateway_integration.interviews,
  ]
}

resource "aws_api_gateway_stage" "main" {
  #checkov:skip=CKV2_AWS_29:The web ACL is a choice per environment (api_waf_enabled, on in prod; waf.tf); checkov does not follow its counted association.
  #checkov:skip=CKV2_AWS_51:Clients are browsers, not services holding client certificates.
  #checkov:skip=CKV2_AWS_77:Log4j is a Java flaw and the API is Python; AWSManagedRulesKnownBadInputsRuleSet's body rules would also block answers that quote exploit strings (an interview about Log4Shell).
  #checkov:skip=CKV_AWS_120:Responses are per user and change on every answer; caching would serve stale or foreign data.
  rest_api_id          = aws_api_gateway_rest_api.main.id
  deployment_id        = aws_api_gateway_deployment.main.id
  stage_name           = var.api_stage_name
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    # Reviewed field by field in docs/telemetry.md (a test holds the two together): no body, no
    # path (it names the interview), no IP or user agent (the source IP is CloudFront's; the
    # WAF sees the viewer's); the Cognito sub, a pseudonym, is the one way to find an abusive
    # account.
    format = jsonencode(local.api_access_log_fields)
  }

  # Access logs need API Gateway's account-wide CloudWatch role, which infra/account/ sets once
  # per account and region (see infra/README.md): apply that stack first.

  # The execution-log group exists, with its retention, before the stage can write to it.
  depends_on = [aws_cloudwatch_log_group.api_execution]
}

locals {
  api_access_log_fields = {
    requestId          = "$context.requestId"
    requestTime        = "$context.requestTime"
    user               = "$context.authorizer.claims.sub"
    httpMethod         = "$context.httpMethod"
    resourcePath       = "$context.resourcePath"
    status             = "$context.status"
    protocol           = "$context.protocol"
    responseLength     = "$context.responseLength"
    responseLatency    = "$context.responseLatency"
    integrationLatency = "$context.integrationLatency"
    integrationStatus  = "$context.integrationStatus"
    errorMessage       = "$context.error.message"
    errorResponseType  = "$context.error.responseType"
    wafResponseCode    = "$context.wafResponseCode"
  }
}

# Throttling (rate and burst) and metrics for every method of the stage.
resource "aws_api_gateway_method_settings" "all" {
  #checkov:skip=CKV_AWS_225:Caching is off on purpose: responses are per user and change on every answer.
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = aws_api_gateway_stage.main.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = var.api_throttling_rate_limit
    throttling_burst_limit = var.api_throttling_burst_limit
    metrics_enabled        = true
    logging_level          = "ERROR"
    data_trace_enabled     = false # would log request bodies: interview answers
  }

  depends_on = [aws_cloudwatch_log_group.api_execution]
}

resource "aws_cloudwatch_log_group" "api_access" {
  #checkov:skip=CKV_AWS_158:Access logs hold no secrets and the default CloudWatch Logs encryption applies.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days by default) to keep cost down; raise log_retention_days where a year is required.
  name              = "/aws/apigateway/${local.name}-api/access"
  retention_in_days = var.log_retention_days
}

# API Gateway's execution logs (logging_level above): it creates this group itself, with no
# retention, unless it exists first. The name is AWS's, not ours:
# https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html ("API Gateway
# creates a log group ... API-Gateway-Execution-Logs_{rest-api-id}/{stage_name}").
resource "aws_cloudwatch_log_group" "api_execution" {
  #checkov:skip=CKV_AWS_158:Execution logs at ERROR level hold no secrets; the default CloudWatch Logs encryption applies.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days by default) to keep cost down; raise log_retention_days where a year is required.
  name              = "API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.main.id}/${var.api_stage_name}"
  retention_in_days = var.log_retention_days
}
