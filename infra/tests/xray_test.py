"""The API stage's X-Ray sampling rule: what it matches and how much it records.

API Gateway takes the sampling decision with the first rule that matches its stage and the
function follows it (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-configuring-xray-sampling-rules.html,
https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html); docs/cost.md prices
the rule ("X-Ray sampling").
"""

from __future__ import annotations

from typing import Any

from terraform_plan import Plan

X_RAY_DEFAULT_RULE_PRIORITY = 10000


def _rule(plan: Plan) -> dict[str, Any]:
    return plan.one("aws_xray_sampling_rule", "api").values


def test_the_rule_matches_the_stage_by_the_service_name_api_gateway_gives_it(plan: Plan) -> None:
    rule = _rule(plan)
    api = plan.one("aws_api_gateway_rest_api", "main").values
    stage = plan.one("aws_api_gateway_stage", "main").values

    # API Gateway reports its service as "<api name>/<stage name>", of type Stage
    assert rule["service_name"] == f"{api['name']}/{stage['stage_name']}"
    assert rule["service_type"] == "AWS::ApiGateway::Stage"
    # ... and cannot match on the URL path: the rule takes every request of the stage
    assert (rule["url_path"], rule["http_method"], rule["host"], rule["resource_arn"]) == (
        "*",
        "*",
        "*",
        "*",
    )
    # It is found before X-Ray's default rule, and its name fits X-Ray's 32 characters
    assert 1 <= rule["priority"] < X_RAY_DEFAULT_RULE_PRIORITY
    assert len(rule["rule_name"]) <= 32
    assert plan.environment in rule["rule_name"]


def test_prod_records_one_request_in_twenty_and_dev_every_request(plan: Plan) -> None:
    rule = _rule(plan)

    # No reservoir anywhere: below one request a second a reservoir of 1 would trace every
    # request, which is TuCoach's traffic (docs/cost.md prices prod's rule, variables.tf's
    # defaults)
    assert rule["reservoir_size"] == 0
    expected_rate = {"prod": 0.05, "dev": 1.0}[plan.environment]
    assert rule["fixed_rate"] == expected_rate


def test_the_stage_and_the_function_trace_so_the_rule_decides_for_both(plan: Plan) -> None:
    stage = plan.one("aws_api_gateway_stage", "main").values
    function = plan.one("aws_lambda_function", "interviews").values

    # Active tracing at the stage applies the rule; the function, active too, follows the
    # decision in the trace header API Gateway passes it
    assert stage["xray_tracing_enabled"] is True
    assert function["tracing_config"] == [{"mode": "Active"}]
