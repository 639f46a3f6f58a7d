# The REST API around the routes of api_gateway_interviews.tf: its resource tree, the Cognito
# authorizer, CORS preflight, the error shape of gateway responses, the stage with throttling
# and JSON access logs.
resource "aws_api_gateway_rest_api" "main" {
  name        = "${local.name}-api"
  description = "TuCoach AI API (docs/api/openapi.json)"

  endpoint_configuration {
    types = ["REGIONAL"] # CloudFront serves only the web app; the API needs no edge cache
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

  # The paths that have routes, each with the methods it allows (for CORS preflight).
  api_route_paths = { for path in distinct([for route in local.routes : route.path]) : path => sort([for route in local.routes : route.method if route.path == path]) }
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

# CORS preflight, answered by API Gateway itself, for the web app's origin only.
resource "aws_api_gateway_method" "cors" {
  #checkov:skip=CKV_AWS_59:Browsers send CORS preflight (OPTIONS) without credentials; it is answered by a mock integration and reaches no code or data.
  #checkov:skip=CKV2_AWS_53:A mock integration with a fixed answer; there is nothing to validate.
  for_each = local.api_route_paths

  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = local.api_resource_ids[each.key]
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "cors" {
  for_each = local.api_route_paths

  rest_api_id       = aws_api_gateway_rest_api.main.id
  resource_id       = local.api_resource_ids[each.key]
  http_method       = aws_api_gateway_method.cors[each.key].http_method
  type              = "MOCK"
  request_templates = { "application/json" = jsonencode({ statusCode = 200 }) }
}

resource "aws_api_gateway_method_response" "cors" {
  for_each = local.api_route_paths

  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = local.api_resource_ids[each.key]
  http_method = aws_api_gateway_method.cors[each.key].http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin"  = true
    "method.response.header.Access-Control-Allow-Methods" = true
    "method.response.header.Access-Control-Allow-Headers" = true
    "method.response.header.Access-Control-Max-Age"       = true
  }
}

resource "aws_api_gateway_integration_response" "cors" {
  for_each = local.api_route_paths

  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = local.api_resource_ids[each.key]
  http_method = aws_api_gateway_method.cors[each.key].http_method
  status_code = aws_api_gateway_method_response.cors[each.key].status_code
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin"  = "'${local.frontend_origin}'"
    "method.response.header.Access-Control-Allow-Methods" = "'${join(",", concat(each.value, ["OPTIONS"]))}'"
    "method.response.header.Access-Control-Allow-Headers" = "'Authorization,Content-Type,Idempotency-Key'"
    "method.response.header.Access-Control-Max-Age"       = "'600'"
  }

  depends_on = [aws_api_gateway_integration.cors]
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
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'${local.frontend_origin}'"
  }
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  # A new deployment whenever anything the stage serves changes.
  triggers = {
    redeployment = sha1(jsonencode([
      local.routes,
      local.api_resource_ids,
      [for integration in aws_api_gateway_integration.interviews : integration.uri],
      aws_api_gateway_authorizer.cognito.id,
      aws_api_gateway_integration_response.cors,
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
    aws_api_gateway_integration.cors,
    aws_api_gateway_integration_response.cors,
  ]
}

resource "aws_api_gateway_stage" "main" {
  #checkov:skip=CKV2_AWS_29:No WAF yet: the stage's throttling and Cognito bound abuse; add a web ACL before a public launch.
  #checkov:skip=CKV2_AWS_51:Clients are browsers, not services holding client certificates.
  #checkov:skip=CKV_AWS_120:Responses are per user and change on every answer; caching would serve stale or foreign data.
  rest_api_id          = aws_api_gateway_rest_api.main.id
  deployment_id        = aws_api_gateway_deployment.main.id
  stage_name           = var.api_stage_name
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      ip                 = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      user               = "$context.authorizer.claims.sub"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      path               = "$context.path"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integrationStatus"
      errorMessage       = "$context.error.message"
      errorResponseType  = "$context.error.responseType"
    })
  }

  # Access logs need API Gateway's account-wide CloudWatch role, which infra/account/ sets once
  # per account and region (see infra/README.md): apply that stack first.
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
}

resource "aws_cloudwatch_log_group" "api_access" {
  #checkov:skip=CKV_AWS_158:Access logs hold no secrets and the default CloudWatch Logs encryption applies.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days by default) to keep cost down; raise log_retention_days where a year is required.
  name              = "/aws/apigateway/${local.name}-api/access"
  retention_in_days = var.log_retention_days
}
