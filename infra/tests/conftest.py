from __future__ import annotations

from pathlib import Path

import pytest
from terraform_plan import ENVIRONMENTS, Plan, make_plan, require_terraform


@pytest.fixture(scope="session", params=ENVIRONMENTS)
def plan(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The plan of each environment, made once per test session."""
    require_terraform()
    workdir: Path = tmp_path_factory.mktemp(f"plan-{request.param}")
    return make_plan(request.param, workdir)


# Every option a stage may switch on that dev and prod leave off: a custom domain with its
# certificate, and Cognito's email through SES.
OPTIONS = (
    "cloudfront_custom_domain=app.example.test",
    "cloudfront_acm_certificate_arn=arn:aws:acm:us-east-1:123456789012:certificate/0f6d2a3c-1b2e-4c5d-9e8f-0a1b2c3d4e5f",
    "cognito_ses_identity_arn=arn:aws:ses:eu-west-1:123456789012:identity/example.test",
    "cognito_email_from=TuCoach AI <no-reply@example.test>",
)


@pytest.fixture(scope="session")
def options_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """dev's plan with every option on."""
    require_terraform()
    return make_plan("dev", tmp_path_factory.mktemp("plan-options"), extra_vars=OPTIONS)
