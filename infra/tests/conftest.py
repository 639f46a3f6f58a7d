from __future__ import annotations

import os
from pathlib import Path

import pytest
from terraform_plan import Plan, make_plan, terraform

ENVIRONMENTS = ("dev", "prod")


def _require_terraform() -> None:
    if terraform():
        return
    reason = "terraform is not on PATH: the plan tests cannot run"
    if os.environ.get("TUCOACH_REQUIRE_TERRAFORM") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session", params=ENVIRONMENTS)
def plan(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The plan of each environment, made once per test session."""
    _require_terraform()
    workdir: Path = tmp_path_factory.mktemp(f"plan-{request.param}")
    return make_plan(request.param, workdir)
