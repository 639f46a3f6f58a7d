"""Traces keep timings, not content: no response or error captured, every document small."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aws_xray_sdk import global_sdk_config  # type: ignore[import-untyped] # pants: no-infer-dep
from aws_xray_sdk.core import patch, xray_recorder  # type: ignore[import-untyped] # pants: no-infer-dep
from aws_xray_sdk.core.models import entity as xray  # type: ignore[import-untyped] # pants: no-infer-dep

from tucoach_coach import load_bank
from tucoach_interviews.observability import function_tracer
from tucoach_interviews_testing import Api

# X-Ray takes documents up to 64 KB; a trace of ours stays well under, whatever the interview.
MAX_DOCUMENT_BYTES = 10 * 1024
SHIPPED = Path(__file__).parent


class _RecordingEmitter:
    """Stands for the UDP emitter: keeps each document the recorder would send to the daemon."""

    def __init__(self) -> None:
        self.documents: list[str] = []

    def send_entity(self, entity: xray.Entity) -> None:
        self.documents.append(entity.serialize())

    def set_daemon_address(self, address: str | None) -> None:
        pass


@pytest.fixture
def documents(api: Api) -> Iterator[list[str]]:
    """The X-Ray documents of every request the test makes, each request in a segment of its own
    holding all its subsegments (no streaming: the largest document a request can make)."""
    # Outside Lambda, the function's Tracer switches the SDK off when it is built (at the first
    # request): build it first.
    function_tracer()
    emitter = _RecordingEmitter()
    xray_recorder.configure(emitter=emitter, sampling=False, streaming_threshold=1_000)
    global_sdk_config.set_sdk_enabled(True)
    patch(["botocore"])  # as the function's Tracer does in Lambda: DynamoDB calls traced
    try:
        yield emitter.documents
    finally:
        global_sdk_config.set_sdk_enabled(False)


def _traced_call(api: Api, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
    xray_recorder.begin_segment("interviews")  # Lambda's facade segment, in Lambda
    try:
        reply = api.call(method, path, **kwargs)
    finally:
        xray_recorder.end_segment()
    assert reply.status in (200, 201), reply.body
    body: dict[str, Any] = reply.body
    return body


def _partly_right(question_id: str) -> str:
    """Two sentences of the model answer: a middling score, so a follow-up comes."""
    model_answer = load_bank().get(question_id.split("~", 1)[0]).model_answer
    return ". ".join(model_answer.split(". ")[:2])


def test_a_whole_interview_traces_in_small_documents_holding_no_answer(
    api: Api, documents: list[str]
) -> None:
    # Given a ten-question interview answered to the end, follow-ups included
    interview = _traced_call(
        api,
        "POST",
        "/interviews",
        body={"role": "backend", "seniority": "junior", "question_count": 10},
    )
    base = f"/interviews/{interview['interview_id']}"
    answers = []
    while interview["current_question"] is not None:
        question_id = interview["current_question"]["question_id"]
        answers.append(_partly_right(question_id))
        reply = _traced_call(
            api, "POST", f"{base}/answers", body={"question_id": question_id, "answer": answers[-1]}
        )
        interview = reply["interview"]
    _traced_call(api, "POST", f"{base}/complete")
    _traced_call(api, "GET", f"{base}/report")

    # Then every request was traced, in the handler's subsegment, with its DynamoDB calls
    assert len(answers) >= 15
    assert len(documents) == len(answers) + 3
    assert all('"## handle"' in d for d in documents)
    assert all('"namespace": "aws"' in d or '"namespace":"aws"' in d for d in documents)
    # And no document is over 10 KB, nor holds an answer or the feedback on it
    assert max(len(d.encode()) for d in documents) <= MAX_DOCUMENT_BYTES
    assert not [d for d in documents for answer in answers if answer[:60] in d]
    assert not [d for d in documents if '"metadata"' in d]


def _tracer_captures(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr.startswith("capture_")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "tracer"
        ):
            yield node


def test_no_traced_function_captures_its_response_or_error() -> None:
    # Given every use of the Tracer's capture decorators in the function's modules
    captures = [
        (module.name, call)
        for module in sorted(SHIPPED.rglob("*.py"))
        if not module.name.endswith("_test.py")
        for call in _tracer_captures(ast.parse(module.read_text()))
    ]
    # Then there is at least the handler's, and each one turns both captures off
    assert captures
    for module, call in captures:
        options = {k.arg: k.value for k in call.keywords}
        for option in ("capture_response", "capture_error"):
            value = options.get(option)
            assert isinstance(value, ast.Constant), f"{module}: {option} is not set"
            assert value.value is False, f"{module}: {option} is not False"
