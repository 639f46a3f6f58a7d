"""Schemathesis against the local server with the committed OpenAPI document: generated requests,
valid and invalid, one at a time and in walks that follow the document's links, pass every check
schemathesis has for OpenAPI, signed in as one person with a second one as a peer."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.stateful.state_machine import APIStateMachine
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tucoach_local_testing.serving import RunningServer

DOCUMENT = Path("docs/api/openapi.json")
# Every check in schemathesis 4.32 is on unless a config turns it off, and this one turns none
# off. Three are told more about this API, each for one reason:
# - object_level_authorization needs two people (Web Fuzzing Commons auth, written per run):
#   every request goes as "fuzzer", and what it reads is asked for again as "peer".
# - max_response_time: schemathesis sets no limit of its own; 10 s is far above any answer here.
# - positive_data_acceptance on the two lists: next_token is an opaque cursor the server signs,
#   so a made-up one matches the schema (a string) and is refused with the documented 400
#   invalid_next_token. A 400 on these GETs means nothing else (they take no body).
CONFIG = """
[auth.wfc]
path = "{wfc}"
user = "fuzzer"
peers = ["fuzzer", "peer"]

[checks]
max_response_time = 10

[[operations]]
include-operation-id = ["listInterviews", "listVersions"]
checks.positive_data_acceptance.expected-statuses = [
    "2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"
]
"""
EXAMPLES_PER_OPERATION = 130
WALKS = 30
STEPS_PER_WALK = 25
MIN_CASES = 2_000
_cases: Counter[str] = Counter()
_steps: Counter[tuple[str, int]] = Counter()


@pytest.fixture(scope="module")
def api_schema(local_server: RunningServer, tmp_path_factory: pytest.TempPathFactory) -> Any:
    client = local_server.client()
    people = {name: client.sign_in(f"{name}@example.com") for name in ("fuzzer", "peer")}
    wfc = tmp_path_factory.mktemp("auth") / "wfc.json"
    wfc.write_text(
        json.dumps(
            {
                "auth": [
                    {
                        "name": name,
                        "fixedHeaders": [{"name": "Authorization", "value": f"Bearer {token}"}],
                    }
                    for name, token in people.items()
                ]
            }
        )
    )
    config = SchemathesisConfig.from_str(CONFIG.format(wfc=wfc.as_posix()))
    return schemathesis.openapi.from_path(DOCUMENT, config=config)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same cases on every run, so a failure reproduces
    suppress_health_check=list(HealthCheck),
)
def test_every_generated_request_gets_a_documented_answer(
    case: schemathesis.Case[Any], local_server: RunningServer
) -> None:
    _cases[case.operation.label] += 1
    case.call_and_validate(base_url=f"{local_server.url}/api", timeout=30)


def test_walks_along_the_links_stay_within_the_contract(
    local_server: RunningServer, api_schema: OpenApiSchema
) -> None:
    # Given a state machine over the document's links (start, answer or skip, finish, report,
    # rating, versions, delete, read after delete), as the fuzzer with the peer
    class Walks(api_schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: schemathesis.Case[Any]) -> dict[str, Any]:
            return {"base_url": f"{local_server.url}/api", "timeout": 30}

        def after_call(self, response: Any, case: schemathesis.Case[Any]) -> None:
            super().after_call(response, case)
            _steps[(case.operation.label, response.status_code)] += 1

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
    single = sum(_cases.values())
    steps = sum(_steps.values())
    assert single + steps >= MIN_CASES, (_cases, steps)
    print(
        f"schemathesis: {single} generated requests over {len(_cases)} operations"
        f" + {steps} stateful steps = {single + steps} cases, every check, 0 failures"
    )
    for (label, status), count in sorted(_steps.items()):
        print(f"  stateful {label} -> {status}: {count}")
