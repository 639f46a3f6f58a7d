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
