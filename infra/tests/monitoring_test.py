"""Alarms, dashboard, sign-in and hosting: present and shaped as the issue asks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from terraform_plan import Plan, references

from tucoach_interviews.observability import METRICS_NAMESPACE, SERVICE


def _alarms(plan: Plan) -> dict[str, dict[str, Any]]:
    return {
        r.values["alarm_name"].removeprefix(f"tucoach-{plan.environment}-"): r.values
        for r in plan.resources("aws_cloudwatch_metric_alarm")
    }


def _queries(alarm: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {query["id"]: query for query in alarm["metric_query"]}


def test_alarms_cover_api_5xx_rate_lambda_dynamodb_and_the_coach(plan: Plan) -> None:
    alarms = _alarms(plan)
    simple = {name: alarm["metric_name"] for name, alarm in alarms.items() if alarm["metric_name"]}

    assert simple == {
        "lambda-errors": "Errors",
        "lambda-throttles": "Throttles",
        "lambda-p99-duration": "Duration",
        "dynamodb-read-throttles": "ReadThrottleEvents",
        "dynamodb-write-throttles": "WriteThrottleEvents",
        **({"coach-fallbacks": "CoachFallbacks"} if plan.environment == "prod" else {}),
    }
    assert {"api-5xx-rate", "dynamodb-system-errors"} <= set(alarms)
    assert alarms["lambda-p99-duration"]["extended_statistic"] == "p99"
    assert len(plan.resources("aws_cloudwatch_dashboard")) == 1


def test_each_environment_has_an_alarm_topic_with_an_optional_email(plan: Plan) -> None:
    (topic,) = plan.resources("aws_sns_topic")
    email = plan.raw["variables"]["alarm_email"]["value"]
    subscriptions = plan.resources("aws_sns_topic_subscription")

    assert topic.values["name"] == f"tucoach-{plan.environment}-alarms"
    if email:
        assert [(s.values["protocol"], s.values["endpoint"]) for s in subscriptions] == [
            ("email", email)
        ]
    else:
        assert subscriptions == []


def test_an_email_subscribes_to_the_topic_when_set() -> None:
    source = Path("infra/cloudwatch.tf").read_text()
    assert 'count     = var.alarm_email != "" ? 1 : 0' in source
    assert "topic_arn = aws_sns_topic.alarms.arn" in source


def test_every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears(plan: Plan) -> None:
    # The topic's ARN is AWS's to assign: unknown in the plan, so both lists are unknown there,
    # and the configuration must take them from the topic
    blocks = [
        block
        for block in plan.raw["configuration"]["root_module"]["resources"]
        if block["type"] == "aws_cloudwatch_metric_alarm"
    ]
    assert len(blocks) >= 5
    for block in blocks:
        for actions in ("alarm_actions", "ok_actions"):
            assert references(block["expressions"][actions]) == ["local.alarm_actions"], block
    for alarm in plan.resources("aws_cloudwatch_metric_alarm"):
        assert alarm.unknown.get("alarm_actions") is True, alarm.address
        assert alarm.unknown.get("ok_actions") is True, alarm.address
    assert "alarm_actions = [aws_sns_topic.alarms.arn]" in Path("infra/cloudwatch.tf").read_text()


def test_the_5xx_alarm_is_a_rate_that_trips_on_any_5xx_at_low_traffic(plan: Plan) -> None:
    alarm = _alarms(plan)["api-5xx-rate"]
    queries = _queries(alarm)
    minimum = plan.raw["variables"]["alarm_api_5xx_min_requests"]["value"]

    assert {q["metric"][0]["metric_name"] for q in queries.values() if q["metric"]} == {
        "5XXError",
        "Count",
    }
    for name in ("server_errors", "requests"):
        metric = queries[name]["metric"][0]
        assert (metric["namespace"], metric["stat"], metric["period"]) == (
            "AWS/ApiGateway",
            "Sum",
            300,
        )
    assert [q["id"] for q in queries.values() if q["return_data"]] == ["rate"]
    assert queries["rate"]["expression"] == (
        f"IF(FILL(requests, 0) < {minimum}, IF(FILL(server_errors, 0) > 0, 100, 0), "
        "100 * FILL(server_errors, 0) / requests)"
    )
    assert alarm["comparison_operator"] == "GreaterThanThreshold"
    assert 0 < alarm["threshold"] < 100  # so that the low-traffic 100 always trips it


@pytest.mark.parametrize(
    ("errors", "requests", "trips"),
    [(1, 3, True), (0, 3, False), (1, 19, True), (1, 200, False), (11, 200, True)],
)
def test_the_planned_5xx_expression_trips_as_its_comment_says(
    plan: Plan, errors: int, requests: int, trips: bool
) -> None:
    # The planned metric math, evaluated for one period: IF and FILL as CloudWatch defines them
    alarm = _alarms(plan)["api-5xx-rate"]
    expression = _queries(alarm)["rate"]["expression"]
    functions = {
        "IF": lambda condition, then, otherwise: then if condition else otherwise,
        "FILL": lambda series, _default: series,
    }
    value = eval(  # noqa: S307 - the plan's own expression, with no builtins
        expression,
        {"__builtins__": {}},
        functions | {"server_errors": errors, "requests": requests},
    )
    assert (value > alarm["threshold"]) is trips


def test_dynamodb_system_errors_sum_every_operation_the_repository_calls(plan: Plan) -> None:
    alarm = _alarms(plan)["dynamodb-system-errors"]
    queries = _queries(alarm)
    operations = {
        q["metric"][0]["dimensions"]["Operation"] for q in queries.values() if q["metric"]
    }

    assert operations == {"BatchWriteItem", "GetItem", "PutItem", "Query", "TransactWriteItems"}
    assert all(
        q["metric"][0]["metric_name"] == "SystemErrors" for q in queries.values() if q["metric"]
    )
    assert queries["system_errors"]["expression"].startswith("SUM([")
    assert alarm["threshold"] == 0


def test_coach_fallbacks_alarm_watches_the_metric_the_function_emits_while_bedrock_is_on(
    plan: Plan,
) -> None:
    variables = plan.one("aws_lambda_function", "interviews").values["environment"][0]["variables"]
    alarms = _alarms(plan)

    if variables["COACH_ENGINE"] != "bedrock":
        assert "coach-fallbacks" not in alarms
        return
    alarm = alarms["coach-fallbacks"]
    # services/interviews: Metrics(namespace="TuCoachAi", service="interviews") and
    # add_metric(name="CoachFallbacks") in routes/interviews.py
    assert (alarm["namespace"], alarm["dimensions"]) == ("TuCoachAi", {"service": "interviews"})
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == alarm["namespace"] == METRICS_NAMESPACE
    assert alarm["dimensions"]["service"] == SERVICE
    assert (alarm["statistic"], alarm["period"], alarm["threshold"]) == ("Sum", 900, 0)
    assert alarm["comparison_operator"] == "GreaterThanThreshold"


def test_the_dashboard_shows_the_apps_own_metrics(plan: Plan) -> None:
    body = json.loads(plan.one("aws_cloudwatch_dashboard", "main").values["dashboard_body"])
    app_metrics = {
        metric[1]
        for widget in body["widgets"]
        for metric in widget["properties"]["metrics"]
        if metric[0] == "TuCoachAi"
    }
    assert app_metrics == {
        "InterviewsStarted",
        "AnswersScored",
        "InterviewsCompleted",
        "BedrockFeedback",
        "CoachFallbacks",
    }


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
