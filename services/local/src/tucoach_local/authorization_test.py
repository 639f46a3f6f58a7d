"""Every operation on an interview, generated from the committed OpenAPI document: another user
gets 404 and changes nothing. A route added to the API is covered without editing this test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tucoach_local_testing.openapi_examples import request_body
from tucoach_local_testing.serving import RunningServer

DOCUMENT = json.loads(Path("docs/api/openapi.json").read_text(encoding="utf-8"))
OPERATIONS = [
    (method.upper(), path, operation)
    for path, operations in DOCUMENT["paths"].items()
    if "{interview_id}" in path
    for method, operation in operations.items()
]


def test_the_matrix_covers_every_operation_on_an_interview() -> None:
    # A sanity floor, so that a broken document cannot make the matrix silently empty.
    assert len(OPERATIONS) >= 7


@pytest.fixture(scope="module")
def owners_interview(local_server: RunningServer) -> tuple[str, str]:
    owner = local_server.client().sign_in("owner@example.com")
    client = local_server.client(owner)
    created = client.api("POST", "/interviews", {"role": "backend", "seniority": "senior"})
    interview = created.body
    answered = client.api(
        "POST",
        f"/interviews/{interview['interview_id']}/answers",
        {"question_id": interview["current_question"]["question_id"], "answer": "An answer."},
    )
    assert answered.status == 200, answered.body
    return owner, interview["interview_id"]


def _state(server: RunningServer, token: str, interview_id: str) -> Any:
    client = server.client(token)
    latest = client.api("GET", f"/interviews/{interview_id}")
    versions = client.api("GET", f"/interviews/{interview_id}/versions")
    return latest.status, latest.body, versions.body


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[f"{method} {path}" for method, path, _ in OPERATIONS],
)
def test_another_user_gets_404_and_changes_nothing(
    local_server: RunningServer,
    owners_interview: tuple[str, str],
    method: str,
    path: str,
    operation: dict[str, Any],
) -> None:
    owner, interview_id = owners_interview
    intruder = local_server.client().sign_in("intruder@example.com")
    before = _state(local_server, owner, interview_id)
    # When the other user calls the operation on the owner's interview
    reply = local_server.client(intruder).api(
        method,
        path.replace("{interview_id}", interview_id),
        request_body(DOCUMENT, operation),
        headers={"Idempotency-Key": "intruder-key-0001"},
    )
    # Then it is not found, as if it did not exist, and the owner's interview is as it was
    assert reply.status == 404, reply.body
    assert reply.body["error"]["code"] == "interview_not_found"
    assert _state(local_server, owner, interview_id) == before
