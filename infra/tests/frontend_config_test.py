"""The web app's run-time settings: Terraform writes /config.json into the app's bucket.

One build of frontend/ serves every environment; what differs is this object. Its values are
AWS's ids and URLs (unknown in an offline plan), so the tests read the configuration's references
for them, and compare the keys Terraform writes with the settings the app reads
(RUNTIME_SETTINGS in frontend/src/lib/config.ts).
"""

from __future__ import annotations

import re
from pathlib import Path

from terraform_plan import Plan, references

CONFIG_TS = Path("frontend/src/lib/config.ts")
FRONTEND_CONFIG_TF = Path("infra/frontend_config.tf")


def _app_settings() -> set[str]:
    """The keys the app accepts in /config.json."""
    match = re.search(r"RUNTIME_SETTINGS = \[([^\]]*)\] as const;", CONFIG_TS.read_text())
    assert match, f"RUNTIME_SETTINGS is no longer a literal list in {CONFIG_TS}"
    return set(re.findall(r'"(\w+)"', match.group(1)))


def _written_settings() -> set[str]:
    """The keys of the object Terraform encodes into config.json."""
    match = re.search(
        r"content = jsonencode\(\{\n(.*?)\n\s*\}\)", FRONTEND_CONFIG_TF.read_text(), re.S
    )
    assert match, (
        f"config.json's content is no longer a jsonencode({{...}}) in {FRONTEND_CONFIG_TF}"
    )
    return set(re.findall(r"^\s*(\w+)\s*=", match.group(1), re.MULTILINE))


def test_config_json_is_a_fresh_json_object_in_the_apps_bucket(plan: Plan) -> None:
    # Given the planned object and its configuration
    config_json = plan.one("aws_s3_object", "frontend_config")
    block = plan.configuration("aws_s3_object", "frontend_config")

    # Then it is the app's /config.json, served as JSON and never cached stale
    assert config_json.values["key"] == "config.json"
    assert config_json.values["content_type"] == "application/json"
    assert config_json.values["cache_control"] == "no-cache"
    assert "aws_s3_bucket.frontend.id" in references(block["expressions"]["bucket"])


def test_config_json_holds_exactly_the_settings_the_app_reads() -> None:
    assert _written_settings() == _app_settings()
    assert _app_settings() == {"apiBaseUrl", "oidcAuthority", "oidcClientId", "oidcLogoutUrl"}


def test_config_json_points_the_app_at_this_stacks_api_and_sign_in(plan: Plan) -> None:
    # Given what config.json's content is built from
    content = references(
        plan.configuration("aws_s3_object", "frontend_config")["expressions"]["content"]
    )

    # Then the API is this stack's stage on the app's own origin (a relative path, edge_test.py),
    # sign-in its user pool's web client, and sign-out lands on the app's signed-out URL (the
    # one that client allows)
    assert "local.api_base_path" in content
    assert "aws_cognito_user_pool_client.web.id" in content
    assert "local.cognito_issuer_url" in content
    assert "local.cognito_hosted_ui_url" in content
    assert "local.app_signed_out_url" in content


def test_the_outputs_and_config_json_name_the_same_issuer_and_hosted_ui(plan: Plan) -> None:
    outputs = plan.raw["configuration"]["root_module"]["outputs"]

    assert references(outputs["cognito_issuer_url"]["expression"]) == ["local.cognito_issuer_url"]
    assert references(outputs["cognito_hosted_ui_url"]["expression"]) == [
        "local.cognito_hosted_ui_url"
    ]
