"""What API Gateway writes to CloudWatch Logs, and for how long (docs/telemetry.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from terraform_plan import INFRA, Plan, references

TELEMETRY_DOC = Path("docs/telemetry.md")
# Context variables that would put a person or an answer in the logs.
PERSONAL_OR_CONTENT = (
    "$context.identity.sourceIp",
    "$context.identity.userAgent",
    "$context.identity.caller",
    "$context.identity.user",
    "$context.path",
    "$input",
    "$context.authorizer.claims.email",
)


def _access_log_fields(plan: Plan) -> dict[str, str]:
    stage = plan.one("aws_api_gateway_stage", "main").values
    (settings,) = stage["access_log_settings"]
    fields: dict[str, str] = json.loads(settings["format"])
    return fields


def _documented_fields() -> set[str]:
    """The `field` names of the access-log table in docs/telemetry.md."""
    section = TELEMETRY_DOC.read_text().split("## API Gateway access logs", 1)[1].split("\n## ")[0]
    return set(re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE))


def test_access_logs_hold_no_ip_user_agent_path_or_body(plan: Plan) -> None:
    fields = _access_log_fields(plan)

    for variable in fields.values():
        assert not variable.startswith(PERSONAL_OR_CONTENT), variable
    # The one personal value: the Cognito sub, a pseudonym the abuse runbook needs
    assert [name for name, v in fields.items() if "claims" in v] == ["user"]
    assert fields["user"] == "$context.authorizer.claims.sub"


def test_every_access_log_field_is_documented_and_no_other(plan: Plan) -> None:
    assert set(_access_log_fields(plan)) == _documented_fields()


# https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html: API Gateway
# writes execution logs to API-Gateway-Execution-Logs_{rest-api-id}/{stage_name}, creating it
# (with no retention) when it does not exist.
def test_the_execution_log_group_is_ours_with_retention_before_the_stage_logs(
    plan: Plan,
) -> None:
    group = plan.one("aws_cloudwatch_log_group", "api_execution")
    block = plan.configuration("aws_cloudwatch_log_group", "api_execution")
    source = (INFRA / "api_gateway.tf").read_text()
    tfvars = (INFRA / "environments" / f"{plan.environment}.tfvars").read_text()

    # Its name is AWS's pattern, from this API's id and this stage
    assert re.search(
        r'name\s*=\s*"API-Gateway-Execution-Logs_\$\{aws_api_gateway_rest_api\.main\.id\}/'
        r'\$\{var\.api_stage_name\}"',
        source,
    )
    assert {"aws_api_gateway_rest_api.main.id", "var.api_stage_name"} <= set(
        references(block["expressions"]["name"])
    )
    # ... kept as long as the environment's other logs
    (retention,) = re.findall(r"^log_retention_days\s*=\s*(\d+)", tfvars, re.MULTILINE)
    assert group.values["retention_in_days"] == int(retention)
    # ... and it exists before the stage and its logging settings do
    for type_, name in (
        ("aws_api_gateway_stage", "main"),
        ("aws_api_gateway_method_settings", "all"),
    ):
        assert "aws_cloudwatch_log_group.api_execution" in plan.configuration(type_, name).get(
            "depends_on", []
        )


def test_execution_logs_keep_errors_only_and_never_bodies(plan: Plan) -> None:
    (settings,) = plan.one("aws_api_gateway_method_settings", "all").values["settings"]

    assert settings["logging_level"] == "ERROR"
    assert settings["data_trace_enabled"] is False  # full requests and responses: answers
