"""The split between the environments' stack (infra/) and the account's (infra/account/), and
where their state lives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from terraform_plan import ENVIRONMENTS, INFRA, Plan, make_plan, require_terraform

ACCOUNT_RESOURCES = {"aws_api_gateway_account", "aws_iam_role", "aws_iam_role_policy_attachment"}


def test_an_environment_manages_no_account_wide_setting(plan: Plan) -> None:
    assert plan.resources("aws_api_gateway_account") == []
    role_names = [r.values["name"] for r in plan.resources("aws_iam_role")]
    assert not [name for name in role_names if "api-gateway" in name]


@pytest.fixture(scope="session")
def account_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    require_terraform()
    return make_plan(None, tmp_path_factory.mktemp("plan-account"), INFRA / "account")


def test_the_account_stack_sets_api_gateways_logging_role_once(account_plan: Plan) -> None:
    (account,) = account_plan.resources("aws_api_gateway_account")
    (attachment,) = account_plan.resources("aws_iam_role_policy_attachment")
    block = account_plan.configuration("aws_api_gateway_account", "main")

    assert {change["type"] for change in account_plan.raw["resource_changes"]} == ACCOUNT_RESOURCES
    assert (
        "aws_iam_role.api_gateway_logs.arn"
        in block["expressions"]["cloudwatch_role_arn"]["references"]
    )
    assert attachment.values["policy_arn"].endswith(
        ":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
    )
    assert account.type == "aws_api_gateway_account"


@pytest.mark.parametrize("stack", [INFRA, INFRA / "account"])
def test_state_is_in_s3_by_declaration(stack: Path) -> None:
    versions = (stack / "versions.tf").read_text()
    # Partial configuration: the settings come from a -backend-config file at init
    assert re.search(r'^\s*backend "s3" \{\}$', versions, re.MULTILINE), stack


def _backend_settings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^(\w+)\s*=\s*"?([^"\n]+?)"?\s*$', path.read_text(), re.MULTILINE))


def test_each_stack_has_a_backend_file_with_its_own_state_object_and_s3_locking() -> None:
    files = {
        **{env: INFRA / "environments" / f"{env}.s3.tfbackend" for env in ENVIRONMENTS},
        "account": INFRA / "account" / "account.s3.tfbackend",
    }
    keys = set()
    for stack, path in files.items():
        settings = _backend_settings(path)
        assert {"bucket", "key", "region"} <= set(settings), path
        assert settings.get("use_lockfile") == "true" or "dynamodb_table" in settings, path
        assert settings["encrypt"] == "true", path
        assert f"/{stack}/" in settings["key"], path
        keys.add(settings["key"])
    assert len(keys) == len(files)  # one state object each: no stack can overwrite another's
