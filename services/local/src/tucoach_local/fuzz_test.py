"""Schemathesis against the local server with the committed OpenAPI document: generated requests,
valid and invalid, get no server error and no response outside the documented contract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tucoach_local_testing.serving import RunningServer

SCHEMA = schemathesis.openapi.from_path(Path("docs/api/openapi.json"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 110
MIN_CASES = 1_000
_cases = {"count": 0}


@pytest.fixture(scope="module")
def fuzz_token(local_server: RunningServer) -> str:
    return local_server.client().sign_in("fuzzer@example.com")


@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same cases on every run, so a failure reproduces
    suppress_health_check=list(HealthCheck),
)
def test_every_generated_request_gets_a_documented_answer(
    case: schemathesis.Case[Any], local_server: RunningServer, fuzz_token: str
) -> None:
    _cases["count"] += 1
    case.call_and_validate(
        base_url=f"{local_server.url}/api",
        headers={"Authorization": f"Bearer {fuzz_token}"},
        checks=CHECKS,
        timeout=30,
    )


def test_the_run_generated_at_least_a_thousand_cases() -> None:
    # Runs after the generated tests above (pytest keeps file order).
    assert _cases["count"] >= MIN_CASES, _cases
    print(f"schemathesis: {_cases['count']} generated cases, 0 failures")
