"""IAM: no wildcard actions, no wildcard resources beyond the few AWS leaves no choice about,
and the function's role allowing exactly what the repository package calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from terraform_plan import Plan, walk_statements

from tucoach_repository.schema import USER_INTERVIEWS_INDEX

# Where a "*" in a resource is unavoidable, and why. Anything else with a "*" fails.
XRAY_WRITE_ACTIONS = {
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
}  # no resource-level permissions

# What tucoach-repository calls (services/interviews/README.md): PutItem, GetItem, Query,
# TransactWriteItems (authorised as its conditional Update and Put) and BatchWriteItem (deletes).
TABLE_ACTIONS = {
    "dynamodb:BatchWriteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
}


def _statements(plan: Plan, document: str) -> dict[str, dict[str, Any]]:
    return {
        statement["sid"]: statement
        for doc, statement, _ in walk_statements(plan)
        if doc.name == document
    }


def test_no_policy_allows_a_wildcard_action(plan: Plan) -> None:
    statements = list(walk_statements(plan))
    assert statements, "no IAM policy document planned"
    for document, statement, _ in statements:
        assert not statement.get("not_actions"), document.address
        for action in statement["actions"]:
            assert "*" not in action, f"{document.address}: {action}"


def test_no_policy_has_a_wildcard_resource_except_xray(plan: Plan) -> None:
    for document, statement, _ in walk_statements(plan):
        assert not statement.get("not_resources"), document.address
        known = [r for r in statement.get("resources") or [] if r is not None]
        for resource in known:
            if resource == "*":
                assert set(statement["actions"]) <= XRAY_WRITE_ACTIONS, document.address
            else:
                assert "*" not in resource, f"{document.address}: {resource}"


def test_function_role_allows_exactly_the_tables_actions_on_table_and_index(plan: Plan) -> None:
    statements = _statements(plan, "interviews")

    assert set(statements["Table"]["actions"]) == TABLE_ACTIONS
    assert statements["UserInterviewsIndex"]["actions"] == ["dynamodb:Query"]
    # ARNs are AWS's to assign (unknown in the plan): the configuration must build them from the
    # table, the index by its schema name (not index/*)
    source = Path("infra/lambda_interviews.tf").read_text()
    assert "resources = [aws_dynamodb_table.main.arn]" in source
    assert f'"${{aws_dynamodb_table.main.arn}}/index/{USER_INTERVIEWS_INDEX}"' in source
    assert "/index/*" not in source


def test_function_role_writes_only_its_own_log_group(plan: Plan) -> None:
    statements = _statements(plan, "interviews")

    assert set(statements["Logs"]["actions"]) == {"logs:CreateLogStream", "logs:PutLogEvents"}
    source = Path("infra/lambda_interviews.tf").read_text()
    assert '"${aws_cloudwatch_log_group.interviews.arn}:log-stream:*"' in source


def test_bedrock_only_when_enabled_on_exactly_the_profile_and_the_models_it_routes_to(
    plan: Plan,
) -> None:
    statements = _statements(plan, "interviews")
    variables = plan.one("aws_lambda_function", "interviews").values["environment"][0]["variables"]

    if variables["COACH_ENGINE"] != "bedrock":
        assert not {"BedrockInferenceProfile", "BedrockFoundationModel"} & set(statements)
        assert "BEDROCK_MODEL_ID" not in variables
        return

    profile = plan.raw["variables"]["bedrock_inference_profile_id"]["value"]
    regions = plan.raw["variables"]["bedrock_destination_regions"]["value"]
    geography, _, model = profile.partition(".")
    # The coach calls Converse with the profile id, in the profile's source region
    assert variables["BEDROCK_MODEL_ID"] == profile
    assert variables["BEDROCK_REGION"] in regions
    assert geography in {"eu", "us", "apac", "jp", "au", "ca", "us-gov"}

    # The profile: its ARN holds the account id, AWS's to tell (unknown in the plan), so the
    # configuration must build it from the source region and the profile id
    assert statements["BedrockInferenceProfile"]["actions"] == ["bedrock:InvokeModel"]
    assert len(statements["BedrockInferenceProfile"]["resources"]) == 1
    source = Path("infra/lambda_interviews.tf").read_text()
    assert (
        'bedrock_profile_arn = "arn:${data.aws_partition.current.partition}:bedrock:'
        "${local.bedrock_region}:${local.account_id}:inference-profile/"
        '${var.bedrock_inference_profile_id}"'
    ) in source

    # Its foundation model, in exactly the regions the profile routes to, and only through it
    routed = statements["BedrockFoundationModel"]
    assert routed["actions"] == ["bedrock:InvokeModel"]
    assert routed["resources"] == sorted(
        f"arn:aws:bedrock:{region}::foundation-model/{model}" for region in regions
    )
    (condition,) = routed["condition"]
    assert (condition["test"], condition["variable"]) == (
        "StringEquals",
        "bedrock:InferenceProfileArn",
    )
    assert "values   = [statement.value]" in source  # the profile's ARN (for_each value)


def test_prod_uses_bedrock_and_dev_does_not(plan: Plan) -> None:
    variables = plan.one("aws_lambda_function", "interviews").values["environment"][0]["variables"]
    assert variables["COACH_ENGINE"] == ("bedrock" if plan.environment == "prod" else "offline")
