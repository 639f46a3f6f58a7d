"""The API stage's X-Ray sampling rule: what it matches and how much it records.

API Gateway takes the sampling decision with the first rule that matches its stage and the
function follows it (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-configuring-xray-sampling-rules.html,
https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html); docs/cost.md prices
the rule ("X-Ray sampling").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from terraform_plan import Plan, make_plan, require_terraform

X_RAY_DEFAULT_RULE_PRIORITY = 10000
# X-Ray's limits on a sampling rule, as CreateSamplingRule takes it (the SamplingRule type of the
# X-Ray API reference: https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html, from
# https://docs.aws.amazon.com/xray/latest/api/API_CreateSamplingRule.html): "Version: The version
# of the sampling rule format (1)"; ServiceName "Maximum length of 64"; FixedRate "Minimum value
# of 0. Maximum value of 1"; ReservoirSize, an integer, "Minimum value of 0".
SAMPLING_RULE_FORMAT_VERSION = 1
MAX_SERVICE_NAME_LENGTH = 64
# A rule's name: RuleName, 1 to 32 characters in the SamplingRule type of the X-Ray API model
# (as the SDKs generated from it carry it, e.g. metacpan.org/pod/Paws::XRay::CreateSamplingRule).
MAX_RULE_NAME_LENGTH = 32
# The environment names both, and the frontend bucket's prefix, tucoach-<environment>-frontend-,
# which the AWS provider takes up to 37 characters (S3's 63 less the 26 it appends): 19 at most.
MAX_BUCKET_PREFIX_LENGTH = 37
LONGEST_ENVIRONMENT = MAX_BUCKET_PREFIX_LENGTH - len("tucoach--frontend-")
# dev's API is "tucoach-dev-api": with "/" before the stage, 16 of the 64 characters.
LONGEST_DEV_STAGE_NAME = "s" * (MAX_SERVICE_NAME_LENGTH - len("tucoach-dev-api/"))


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
    assert len(rule["rule_name"]) <= MAX_RULE_NAME_LENGTH
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


def test_the_rule_keeps_to_x_rays_limits_on_a_sampling_rule(plan: Plan) -> None:
    rule = _rule(plan)

    # The one rule format there is, a service name X-Ray accepts, a rate that is a share and a
    # reservoir of whole requests a second, none below 0
    assert rule["version"] == SAMPLING_RULE_FORMAT_VERSION
    assert len(rule["service_name"]) <= MAX_SERVICE_NAME_LENGTH
    assert 0 <= rule["fixed_rate"] <= 1
    assert isinstance(rule["reservoir_size"], int)
    assert rule["reservoir_size"] >= 0


@pytest.mark.parametrize(
    ("setting", "refusal"),
    [
        ("xray_sampling_rate=-0.01", "a share from 0 to 1"),
        ("xray_sampling_rate=1.01", "a share from 0 to 1"),
        ("xray_sampling_reservoir=-1", "0 or more"),
        ("xray_sampling_reservoir=0.5", "whole number of requests a second"),
        (f"api_stage_name={LONGEST_DEV_STAGE_NAME}s", "must be 64 characters at most"),
        # An environment name that makes the bucket's prefix too long (the rule's name fits)
        (f"environment={'e' * (LONGEST_ENVIRONMENT + 1)}", "must be 2-19"),
    ],
)
def test_a_setting_past_x_rays_limits_is_refused_at_plan(
    tmp_path: Path, setting: str, refusal: str
) -> None:
    require_terraform()

    # The variables feeding the rule are checked at plan, not by X-Ray halfway through an apply
    with pytest.raises(RuntimeError) as refused:
        make_plan("dev", tmp_path, extra_vars=(setting,))

    assert refusal in " ".join(str(refused.value).split())


def test_the_longest_stage_name_x_ray_can_match_is_planned(tmp_path: Path) -> None:
    require_terraform()

    # A stage name that makes the service name exactly 64 characters is still a rule X-Ray takes
    plan = make_plan("dev", tmp_path, extra_vars=(f"api_stage_name={LONGEST_DEV_STAGE_NAME}",))

    assert len(_rule(plan)["service_name"]) == MAX_SERVICE_NAME_LENGTH


def test_the_longest_environment_name_plans_with_names_aws_takes(tmp_path: Path) -> None:
    require_terraform()

    # The longest environment name the variable takes still names a rule X-Ray takes and a
    # bucket prefix the provider takes
    environment = "e" * LONGEST_ENVIRONMENT
    plan = make_plan("dev", tmp_path, extra_vars=(f"environment={environment}",))

    assert _rule(plan)["rule_name"] == f"tucoach-{environment}-api"
    assert len(_rule(plan)["rule_name"]) <= MAX_RULE_NAME_LENGTH
    bucket = plan.one("aws_s3_bucket", "frontend").values
    assert len(bucket["bucket_prefix"]) == MAX_BUCKET_PREFIX_LENGTH
