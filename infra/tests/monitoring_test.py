"""Alarms, dashboard, sign-in and hosting: present and shaped as the issue asks."""

from __future__ import annotations

from terraform_plan import Plan


def test_alarms_cover_api_5xx_lambda_errors_throttles_p99_and_dynamodb_throttles(
    plan: Plan,
) -> None:
    alarms = {
        r.values["metric_name"]: r.values for r in plan.resources("aws_cloudwatch_metric_alarm")
    }

    assert {
        "5XXError",
        "Errors",
        "Throttles",
        "Duration",
        "ReadThrottleEvents",
        "WriteThrottleEvents",
    } <= set(alarms)
    assert alarms["Duration"]["extended_statistic"] == "p99"
    assert len(plan.resources("aws_cloudwatch_dashboard")) == 1


def test_web_client_is_public_code_flow_for_pkce(plan: Plan) -> None:
    client = plan.one("aws_cognito_user_pool_client", "web").values

    assert client["generate_secret"] is False
    assert client["allowed_oauth_flows"] == ["code"]
    assert client["allowed_oauth_flows_user_pool_client"] is True
    assert "openid" in client["allowed_oauth_scopes"]
    assert len(plan.resources("aws_cognito_user_pool_domain")) == 1


def test_web_app_bucket_is_private_behind_cloudfront_origin_access_control(plan: Plan) -> None:
    block = plan.one("aws_s3_bucket_public_access_block", "frontend").values
    control = plan.one("aws_cloudfront_origin_access_control", "frontend").values
    distribution = plan.one("aws_cloudfront_distribution", "frontend").values

    assert all(
        block[k]
        for k in (
            "block_public_acls",
            "block_public_policy",
            "ignore_public_acls",
            "restrict_public_buckets",
        )
    )
    assert (control["origin_access_control_origin_type"], control["signing_behavior"]) == (
        "s3",
        "always",
    )
    assert (
        distribution["default_cache_behavior"][0]["viewer_protocol_policy"] == "redirect-to-https"
    )
