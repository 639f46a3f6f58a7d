"""Schemathesis against the local server with the committed OpenAPI document: generated requests,
valid and invalid, one at a time and in walks that follow the document's links, pass every check
schemathesis has for OpenAPI."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.stateful.state_machine import APIStateMachine

from tucoach_local.conftest import RunningServer

# Every check in schemathesis 4.32 is on unless a config turns it off, and this one turns none
# off. Two are told more about this API, each for one reason:
# - max_response_time: schemathesis sets no limit of its own; 10 s is far above any answer here.
# - positive_data_acceptance on the two lists: next_token is an opaque cursor the server signs,
#   so a made-up one matches the schema (a string) and is refused with the documented 400
#   invalid_next_token. A 400 on these GETs means nothing else (they take no body).
CONFIG = SchemathesisConfig.from_str(
    """
    [checks]
    max_response_time = 10

    [[operations]]
    include-operation-id = ["listInterviews", "listVersions"]
    checks.positive_data_acceptance.expected-statuses = [
        "2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"
    ]
    """
)
SCHEMA = schemathesis.openapi.from_path(Path("docs/api/openapi.json"), config=CONFIG)
EXAMPLES_PER_OPERATION = 130
WALKS = 25
STEPS_PER_WALK = 25
MIN_CASES = 2_000
_cases = {"single": 0}
_steps: Counter[tuple[str, int]] = Counter()


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
    _cases["single"] += 1
    case.call_and_validate(
        base_url=f"{local_server.url}/api",
        headers={"Authorization": f"Bearer {fuzz_token}"},
        timeout=30,
    )


def test_walks_along_the_links_stay_within_the_contract(
    local_server: RunningServer, fuzz_token: str
) -> None:
    # Given a state machine over the document's links (start, answer or skip, finish, report,
    # rating, versions, delete, read after delete), signed in as the fuzzer
    headers = {"Authorization": f"Bearer {fuzz_token}"}

    class Walks(SCHEMA.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: schemathesis.Case[Any]) -> dict[str, Any]:
            return {"base_url": f"{local_server.url}/api", "headers": headers, "timeout": 30}

        def after_call(self, response: Any, case: schemathesis.Case[Any]) -> None:
            super().after_call(response, case)
            _steps[(case.operation.label, response.status_code)] += 1

        def validate_response(
            self,
            response: Any,
            case: schemathesis.Case[Any],
            additional_checks: Any = None,
            **kwargs: Any,
        ) -> None:
            # The headers given as such, so ignored_auth knows the token is ours and probes
            # the same request without it and with a forged one.
            case.validate_response(
                response,
                additional_checks=additional_checks,
                headers=headers,
                transport_kwargs=kwargs,
                recorder=self.recorder,
            )

    assert issubclass(Walks, APIStateMachine)
    # When the walks run
    Walks.run(
        settings=settings(
            max_examples=WALKS,
            stateful_step_count=STEPS_PER_WALK,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
    # Then every step passed every check, and the walks got through a whole interview
    reached = {(label, status) for (label, status), count in _steps.items() if count}
    assert {
        ("POST /interviews", 201),
        ("POST /interviews/{interview_id}/answers", 200),
        ("POST /interviews/{interview_id}/complete", 200),
        ("POST /interviews/{interview_id}/rating", 201),
        ("DELETE /interviews/{interview_id}", 200),
        ("GET /interviews/{interview_id}", 404),
    } <= reached, sorted(reached)


def test_the_run_generated_at_least_two_thousand_cases() -> None:
    # Runs after the tests above (pytest keeps file order).
    steps = sum(_steps.values())
    total = _cases["single"] + steps
    assert total >= MIN_CASES, (_cases, steps)
    operations = len(list(SCHEMA.get_all_operations()))
    print(
        f"schemathesis: {_cases['single']} generated requests over {operations} operations"
        f" + {steps} stateful steps = {total} cases, every check, 0 failures"
    )
    for (label, status), count in sorted(_steps.items()):
        print(f"  stateful {label} -> {status}: {count}")
