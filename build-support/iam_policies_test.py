"""The pipeline's IAM role templates (infra/iam) grant what their README says and no more.

Each template is rendered for dev and prod by infra/iam/render.sh, exactly as docs/deploy.md
creates the roles, then read as IAM reads it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

IAM = Path("infra/iam")
BASH = shutil.which("bash") or "/bin/bash"
ACCOUNT_ID = "123456789012"
REPOSITORY = "example-org/tucoach"
STATE_BUCKET = "tucoach-terraform-state-123456789012"
BRANCHES = {"dev": "develop", "prod": "main"}
ENVIRONMENTS = tuple(BRANCHES)
INLINE_POLICY_LIMIT = 10_240  # characters of a role's inline policies, whitespace aside

# Write actions that cannot be scoped to a resource, each with the condition that scopes it.
STAR_WRITES_ALLOWED = {"cognito-idp:CreateUserPool": "aws:RequestTag/Environment"}
# What a pull request must never read through the plan role: the table's items and the users.
ITEM_READS = (
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
    "dynamodb:PartiQLSelect",
    "dynamodb:ExecuteStatement",
    "dynamodb:BatchExecuteStatement",
    "dynamodb:GetRecords",
    "dynamodb:ExportTableToPointInTime",
    "dynamodb:RestoreTableToPointInTime",
)
USER_READS = (
    "cognito-idp:ListUsers",
    "cognito-idp:ListUsersInGroup",
    "cognito-idp:AdminGetUser",
    "cognito-idp:AdminListGroupsForUser",
    "cognito-idp:AdminListDevices",
    "cognito-idp:AdminGetDevice",
    "cognito-idp:AdminListUserAuthEvents",
    "cognito-idp:GetUser",
)
# Services whose resource ids AWS draws at random: their ARNs cannot carry the environment's name
# (infra/iam/README.md says how far each is scoped instead).
RANDOM_ID_RESOURCES = (
    "arn:aws:apigateway:eu-west-1::/restapis",
    "arn:aws:apigateway:eu-west-1::/restapis/*",
    "arn:aws:apigateway:eu-west-1::/tags/*",
    f"arn:aws:cloudfront::{ACCOUNT_ID}:distribution/*",
    f"arn:aws:cloudfront::{ACCOUNT_ID}:origin-access-control/*",
    f"arn:aws:cloudfront::{ACCOUNT_ID}:response-headers-policy/*",
    f"arn:aws:cloudfront::{ACCOUNT_ID}:cache-policy/*",
    f"arn:aws:cloudfront::{ACCOUNT_ID}:origin-request-policy/*",
    # API Gateway names its execution-log group after the API's id
    f"arn:aws:logs:eu-west-1:{ACCOUNT_ID}:log-group:API-Gateway-Execution-Logs_*",
    f"arn:aws:logs:eu-west-1:{ACCOUNT_ID}:log-group:API-Gateway-Execution-Logs_*:*",
    "arn:aws:apigateway:eu-west-1::/restapis/*/stages/*",  # a web ACL's association
    f"arn:aws:wafv2:eu-west-1:{ACCOUNT_ID}:regional/managedruleset/*/*",  # AWS's rule groups
    f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT_ID}:userpool/*",  # with an Environment tag condition
    f"arn:aws:s3:::{STATE_BUCKET}",  # ListBucket: the state objects' names
)


def run_render(template: Path, values: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """infra/iam/render.sh on a template, with exactly these environment variables."""
    return subprocess.run(  # noqa: S603 - fixed argv, our own script
        [BASH, str(IAM / "render.sh"), str(template)],
        env=values,
        capture_output=True,
        text=True,
        check=False,
    )


def render(template: str, environment: str) -> dict[str, Any]:
    """The template as infra/iam/render.sh fills it in for an environment."""
    values = {
        "ACCOUNT_ID": ACCOUNT_ID,
        "REGION": "eu-west-1",
        "ENVIRONMENT": environment,
        "BRANCH": BRANCHES[environment],
        "GITHUB_REPOSITORY": REPOSITORY,
        "STATE_BUCKET": STATE_BUCKET,
    }
    result = run_render(IAM / template, values)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = document["Statement"]
    return found


def as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def is_read(action: str) -> bool:
    service, _, name = action.partition(":")
    if service == "apigateway":
        return name == "GET"
    return name.startswith(("Get", "List", "Describe"))


def grants(document: dict[str, Any], action: str) -> bool:
    """Whether an Allow statement's action patterns match this action (IAM: case-insensitive)."""
    return any(
        fnmatchcase(action.lower(), pattern.lower())
        for statement in statements(document)
        if statement["Effect"] == "Allow"
        for pattern in as_list(statement["Action"])
    )


TEMPLATES = sorted(path.name for path in IAM.glob("*.json"))


def test_there_is_a_trust_and_a_policy_per_role() -> None:
    expected = [
        f"{role}-{kind}.json"
        for role in ("deploy", "plan", "smoke")
        for kind in ("policy", "trust")
    ]
    assert expected == TEMPLATES


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_every_template_renders_to_a_valid_policy_document(template: str, environment: str) -> None:
    # Given a template rendered for an environment
    document = render(template, environment)
    # Then it is a complete policy document, every statement named, none with a bare wildcard
    assert document["Version"] == "2012-10-17"
    for statement in statements(document):
        assert statement.get("Sid")
        assert statement["Effect"] in ("Allow", "Deny")
        for action in as_list(statement["Action"]):
            assert action != "*", template
            assert not action.endswith(":*"), f"{template}: {action}"
    # And it fits in a role's inline policies
    assert len(json.dumps(document, separators=(",", ":"))) <= INLINE_POLICY_LIMIT
    # And nothing of the other environment appears in it
    other = next(name for name in ENVIRONMENTS if name != environment)
    rendered = json.dumps(document)
    for name in (
        f"tucoach-{other}",
        f"TuCoachAi-{other}",
        f"tucoach/{other}/",
        f"environment:{other}",
    ):
        assert name not in rendered


@pytest.mark.parametrize("role", ["deploy", "plan", "smoke"])
@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_no_write_action_on_every_resource_but_the_allowed_ones(
    role: str, environment: str
) -> None:
    for statement in statements(render(f"{role}-policy.json", environment)):
        if "*" not in as_list(statement["Resource"]):
            continue
        for action in as_list(statement["Action"]):
            if is_read(action):
                continue
            # Then a write on "*" is one that has no resource type, scoped by its condition
            assert action in STAR_WRITES_ALLOWED, f"{role}: {action} on every resource"
            condition = json.dumps(statement.get("Condition", {}))
            assert STAR_WRITES_ALLOWED[action] in condition
            assert environment in condition


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_deploy_role_writes_only_resources_of_its_environment(environment: str) -> None:
    markers = (f"tucoach-{environment}", f"TuCoachAi-{environment}", f"tucoach/{environment}/")
    for statement in statements(render("deploy-policy.json", environment)):
        for resource in as_list(statement["Resource"]):
            if resource == "*" or any(marker in resource for marker in markers):
                continue
            # Then a resource without the environment's name is one whose id AWS draws
            assert resource in RANDOM_ID_RESOURCES, f"{statement['Sid']}: {resource}"
            if resource.startswith(f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT_ID}:userpool"):
                tags = statement["Condition"]["StringEquals"]
                assert tags["aws:ResourceTag/Environment"] == environment


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_plan_role_reads_configuration_but_no_item_nor_user(environment: str) -> None:
    # Given the plan role, which every pull request of the repository can assume
    policy = render("plan-policy.json", environment)
    # Then it writes nothing
    for statement in statements(policy):
        writes = [action for action in as_list(statement["Action"]) if not is_read(action)]
        assert writes == [], statement["Sid"]
    # And it reads no table item and no user, under any pattern
    for action in (*ITEM_READS, *USER_READS):
        assert not grants(policy, action), f"the plan role may call {action}"
    # And of the objects it reads this environment's state and the web app's config.json only
    # (public settings Terraform refreshes; infra/frontend_config.tf)
    objects = [
        resource
        for statement in statements(policy)
        if grants({"Statement": [statement]}, "s3:GetObject")
        for resource in as_list(statement["Resource"])
    ]
    assert objects == [
        f"arn:aws:s3:::{STATE_BUCKET}/tucoach/{environment}/terraform.tfstate",
        f"arn:aws:s3:::tucoach-{environment}-frontend-*/config.json",
    ]


def test_the_checks_above_would_see_an_item_read() -> None:
    # Given a policy that reads items through a wildcard
    policy = {"Statement": [{"Effect": "Allow", "Action": ["dynamodb:Get*"], "Resource": "x"}]}
    # Then grants() reports it, so the plan role test cannot pass by looking away
    assert grants(policy, "dynamodb:GetItem")
    assert not grants(policy, "dynamodb:Scan")


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_smoke_role_only_manages_users_of_its_environments_pool(environment: str) -> None:
    (statement,) = statements(render("smoke-policy.json", environment))
    assert sorted(as_list(statement["Action"])) == [
        "cognito-idp:AdminCreateUser",
        "cognito-idp:AdminDeleteUser",
        "cognito-idp:AdminInitiateAuth",
        "cognito-idp:AdminSetUserPassword",
    ]
    assert statement["Condition"]["StringEquals"]["aws:ResourceTag/Environment"] == environment


def _trusted_subjects(template: str, environment: str) -> list[str]:
    (statement,) = statements(render(template, environment))
    assert statement["Action"] == "sts:AssumeRoleWithWebIdentity"
    assert statement["Principal"]["Federated"] == (
        f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com"
    )
    # Exact matches only: a StringLike with a wildcard is how trust policies leak.
    assert set(statement["Condition"]) == {"StringEquals"}
    condition = statement["Condition"]["StringEquals"]
    assert condition["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"
    return as_list(condition["token.actions.githubusercontent.com:sub"])


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_who_may_assume_each_role(environment: str) -> None:
    branch = f"repo:{REPOSITORY}:ref:refs/heads/{BRANCHES[environment]}"
    # The deploy role: this environment's jobs only (they wait for its protection rules)
    assert _trusted_subjects("deploy-trust.json", environment) == [
        f"repo:{REPOSITORY}:environment:{environment}"
    ]
    # The plan role: pull requests, and the branch that deploys to this environment
    assert sorted(_trusted_subjects("plan-trust.json", environment)) == sorted(
        [f"repo:{REPOSITORY}:pull_request", branch]
    )
    # The smoke role: the branch that deploys to this environment
    assert _trusted_subjects("smoke-trust.json", environment) == [branch]


def test_render_refuses_a_template_whose_placeholder_is_unset(tmp_path: Path) -> None:
    template = tmp_path / "t.json"
    template.write_text('{"Resource": "arn:aws:s3:::{{STATE_BUCKET}}"}')
    result = run_render(template, {})
    assert result.returncode != 0
    assert "STATE_BUCKET" in result.stderr
