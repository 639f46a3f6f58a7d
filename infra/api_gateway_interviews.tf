# The interviews API's routes: one entry per path and method of docs/api/openapi.json (a test
# compares the two). `public` routes take no token; every other one sits behind the Cognito
# authorizer. All of them are Lambda proxy integrations of the interviews function.
locals {
  interviews_routes = {
    "GET /catalog"                             = { public = true }
    "GET /interviews"                          = { public = false }
    "POST /interviews"                         = { public = false }
    "GET /interviews/{interview_id}"           = { public = false }
    "DELETE /interviews/{interview_id}"        = { public = false }
    "GET /interviews/{interview_id}/versions"  = { public = false }
    "POST /interviews/{interview_id}/answers"  = { public = false }
    "POST /interviews/{interview_id}/skip"     = { public = false }
    "POST /interviews/{interview_id}/complete" = { public = false }
    "GET /interviews/{interview_id}/report"    = { public = false }
    "GET /interviews/{interview_id}/rating"    = { public = false }
    "POST /interviews/{interview_id}/rating"   = { public = false }
    "GET /practice-plan"                       = { public = false }
  }

  routes = {
    for key, route in local.interviews_routes : key => {
      method = split(" ", key)[0]
      path   = split(" ", key)[1]
      public = route.public
    }
  }
}

resource "aws_api_gateway_method" "private" {
  #checkov:skip=CKV2_AWS_53:The function validates every request (Powertools with pydantic models, 422 in the API's error shape); API Gateway's validator would duplicate it with another error shape.
  for_each = { for key, route in local.routes : key => route if !route.public }

  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = local.api_resource_ids[each.value.path]
  http_method   = each.value.method
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_method" "public" {
  #checkov:skip=CKV_AWS_59:Only the routes the API declares public (security: [{}] in the OpenAPI document, e.g. GET /catalog) are here; they serve no user data.
  #checkov:skip=CKV2_AWS_53:The function validates every request (Powertools with pydantic models); API Gateway's request validator would duplicate it.
  for_each = { for key, route in local.routes : key => route if route.public }

  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = local.api_resource_ids[each.value.path]
  http_method   = each.value.method
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "interviews" {
  for_each = local.routes

  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = local.api_resource_ids[each.value.path]
  http_method             = each.value.public ? aws_api_gateway_method.public[each.key].http_method : aws_api_gateway_method.private[each.key].http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST" # Lambda is always invoked with POST, whatever the route's method
  uri                     = aws_lambda_function.interviews.invoke_arn
}

# API Gateway may invoke the function for these routes of this stage only (path parameters
# become the one segment they match).
resource "aws_lambda_permission" "interviews" {
  for_each = local.routes

  statement_id  = "api-${lower(each.value.method)}-${substr(sha1(each.value.path), 0, 12)}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.interviews.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/${var.api_stage_name}/${each.value.method}${replace(each.value.path, "/\\{[^}]+\\}/", "*")}"
}
