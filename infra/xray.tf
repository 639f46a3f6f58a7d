# Which of the API's requests X-Ray records. API Gateway decides once per request, by the first
# rule (lowest priority number) that matches its stage; the function, tracing actively, follows
# the decision it receives in the trace header, so a request is traced end to end or not at all.
# Without this rule X-Ray's default (the first request each second, then 5%) traces nearly every
# request at TuCoach's traffic. Why this rate, and what it costs: docs/cost.md, "X-Ray sampling".
# X-Ray's limits on a rule (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html) are
# checked at plan where a variable feeds them (variables.tf) and by infra/tests/xray_test.py.
resource "aws_xray_sampling_rule" "api" {
  count = var.xray_sampling_rule_enabled ? 1 : 0

  # Unique in the account and region (32 characters at most); the stage's own, by its name.
  rule_name = "${local.name}-api"
  # Before X-Ray's default rule (10000); a rule of another stack matches only its own service.
  priority = 1000
  # The sampling rule format: X-Ray has one, version 1.
  version        = 1
  reservoir_size = var.xray_sampling_reservoir
  fixed_rate     = var.xray_sampling_rate

  # API Gateway names its service "<api name>/<stage name>" and cannot match on the URL path:
  # https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-configuring-xray-sampling-rules.html
  # X-Ray keeps it to 64 characters: api_stage_name's validation holds the stage name to that.
  service_name = "${aws_api_gateway_rest_api.main.name}/${aws_api_gateway_stage.main.stage_name}"
  service_type = "AWS::ApiGateway::Stage"
  host         = "*"
  http_method  = "*"
  url_path     = "*"
  resource_arn = "*"
}
