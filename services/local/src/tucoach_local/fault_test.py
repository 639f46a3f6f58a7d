"""Faults injected between the function and DynamoDB Local, and in front of Bedrock: the client
gets 503 with Retry-After and nothing half-written, or the offline coach, said so."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tucoach_local_testing.client import LocalClient, Reply
from tucoach_local_testing.fault_proxy import Fault, FaultPlan, FaultProxy
from tucoach_local_testing.serving import RunningServer, in_process, serving

ANSWER = (
    "I would check kubectl describe pod for the events, then the previous container's logs, "
    "because a CrashLoopBackOff usually means the process exits: a bad config, a failing "
    "liveness probe, or an OOMKilled container when memory limits are too low."
)


# Short timeouts keep the test fast; the proxy's delays outlast them.
READ_TIMEOUT = "0.5"


@pytest.fixture(scope="module")
def plan() -> FaultPlan:
    return FaultPlan(delay_seconds=1.0)


@pytest.fixture(scope="module")
def faulty_server(
    dynamodb_local_endpoint: str, plan: FaultPlan, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    proxy = FaultProxy(dynamodb_local_endpoint, plan)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DYNAMODB_READ_TIMEOUT_SECONDS", READ_TIMEOUT)
            with serving(proxy.url, tmp_path_factory.mktemp("web"), in_process) as server:
                yield server
    finally:
        proxy.close()


def _interview(server: RunningServer, email: str) -> tuple[LocalClient, dict[str, Any]]:
    client = server.client()
    client.sign_in(email)
    created = client.api("POST", "/interviews", {"role": "devops", "seniority": "senior"})
    assert created.status == 201, created.body
    return client, created.body


def _answer(client: LocalClient, interview: dict[str, Any], key: str | None = None) -> Reply:
    return client.api(
        "POST",
        f"/interviews/{interview['interview_id']}/answers",
        {"question_id": interview["current_question"]["question_id"], "answer": ANSWER},
        headers={"Idempotency-Key": key} if key else {},
    )


def _versions(client: LocalClient, interview: dict[str, Any]) -> list[int]:
    reply = client.api("GET", f"/interviews/{interview['interview_id']}/versions")
    return [v["version"] for v in reply.body["items"]]


# An answer's version is put, then the summary that makes it the latest (ADR 0010): a fault on
# either leaves the interview as it was.
WRITES = ["PutItem", "PutItem SUMMARY"]


@pytest.mark.parametrize("write", WRITES)
def test_a_throttled_write_is_503_with_retry_after_and_writes_nothing(
    faulty_server: RunningServer, plan: FaultPlan, write: str
) -> None:
    client, interview = _interview(faulty_server, "throttled@example.com")
    plan.faults = {write: Fault.THROTTLE}
    plan.seen.clear()
    try:
        reply = _answer(client, interview, key="throttled-key-0001")
    finally:
        plan.faults = {}
    assert reply.status == 503, reply.body
    assert reply.body["error"]["code"] == "repository_unavailable"
    assert reply.header("Retry-After")
    assert plan.seen["PutItem"] > 2  # botocore retried before giving up
    assert _versions(client, interview) == [1]
    # And once DynamoDB recovers, the same request succeeds
    assert _answer(client, interview, key="throttled-key-0001").status == 200
    assert _versions(client, interview) == [1, 2]


def test_a_throttled_read_is_503(faulty_server: RunningServer, plan: FaultPlan) -> None:
    client, interview = _interview(faulty_server, "slow-reader@example.com")
    plan.faults = {"Query": Fault.THROTTLE}
    try:
        reply = client.api("GET", f"/interviews/{interview['interview_id']}")
    finally:
        plan.faults = {}
    assert reply.status == 503, reply.body
    assert reply.header("Retry-After")


@pytest.mark.parametrize("write", WRITES)
def test_a_write_that_never_arrives_times_out_as_503_and_writes_nothing(
    faulty_server: RunningServer, plan: FaultPlan, write: str
) -> None:
    client, interview = _interview(faulty_server, "dropped@example.com")
    plan.faults = {write: Fault.DROP}
    try:
        reply = _answer(client, interview)
    finally:
        plan.faults = {}
    assert reply.status == 503, reply.body
    assert _versions(client, interview) == [1]


def test_a_write_whose_answer_is_lost_is_not_applied_twice(
    faulty_server: RunningServer, plan: FaultPlan
) -> None:
    # Given a summary write (the one that makes the answer's version the latest) that DynamoDB
    # carries out but whose answer never reaches the function
    client, interview = _interview(faulty_server, "ambiguous@example.com")
    plan.faults = {"PutItem SUMMARY": Fault.DELAY_AFTER}
    try:
        first = _answer(client, interview, key="ambiguous-key-0001")
    finally:
        plan.faults = {}
    # Then the retries find the write done: the answer is stored once, and the client gets
    # its response (botocore's retry finds the summary showing it) or a 503 it can retry with
    # the same key
    assert first.status in (200, 503), first.body
    assert _versions(client, interview) == [1, 2]
    retry = _answer(client, interview, key="ambiguous-key-0001")
    assert retry.status == 200, retry.body
    assert _versions(client, interview) == [1, 2]


class _FailingBedrock(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"message": "Rate exceeded"}'
        self.send_response(429)
        self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-ErrorType", "ThrottlingException")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def test_bedrock_failing_falls_back_to_the_offline_coach_and_says_so(
    dynamodb_local_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bedrock = ThreadingHTTPServer(("127.0.0.1", 0), _FailingBedrock)
    threading.Thread(target=bedrock.serve_forever, daemon=True).start()
    monkeypatch.setenv("COACH_ENGINE", "bedrock")
    monkeypatch.setenv("BEDROCK_MODEL_ID", "anthropic.claude-test")
    monkeypatch.setenv("BEDROCK_TIMEOUT_SECONDS", "2")
    # botocore's service-specific endpoint variable points the client at the failing stand-in.
    monkeypatch.setenv(
        "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", f"http://127.0.0.1:{bedrock.server_address[1]}"
    )
    try:
        with serving(dynamodb_local_endpoint, tmp_path, in_process) as server:
            client, interview = _interview(server, "bedrock-down@example.com")
            reply = _answer(client, interview)
    finally:
        bedrock.shutdown()
        bedrock.server_close()
    assert reply.status == 200, reply.body
    provenance = reply.body["feedback"]["provenance"]
    assert provenance["engine"] == "offline"
    assert "ThrottlingException" in provenance["fallback_reason"]
    assert reply.body["feedback"]["score"] > 0
