"""Answers racing over HTTP, served by four function instances side by side against DynamoDB
Local: one wins per version, the rest get 409, and an Idempotency-Key makes retries harmless."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tucoach_local.cli import TABLE_NAME
from tucoach_local.identity import subject_of
from tucoach_local_testing.client import LocalClient, Reply
from tucoach_local_testing.serving import RunningServer
from tucoach_repository.dynamodb_local import local_client, local_settings

RACERS = 50
ANSWER = (
    "Blue-green keeps two identical environments and switches traffic at once, so rollback is "
    "instant because the old one is still running; canary shifts a small share of traffic first "
    "and watches error rates and latency before going further."
)


def _partition_items(server: RunningServer, interview_id: str, user_id: str) -> list[str]:
    """Every sort key in the interview's partition: its versions and summary (and idempotency
    records, which versions replaced: none are written)."""
    client = local_client(local_settings(server.endpoint, TABLE_NAME))
    response = client.query(
        TableName=TABLE_NAME,
        KeyConditionExpression="partition_key = :pk",
        ExpressionAttributeValues={":pk": {"S": f"USER#{user_id}#INTERVIEW#{interview_id}"}},
        ProjectionExpression="sort_key",
        ConsistentRead=True,
    )
    return [item["sort_key"]["S"] for item in response["Items"]]


def _race(client: LocalClient, path: str, body: Any, keys: list[str | None]) -> list[Reply]:
    def submit(key: str | None) -> Reply:
        headers = {"Idempotency-Key": key} if key else {}
        return client.api("POST", path, body, headers=headers)

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        return list(pool.map(submit, keys))


def test_fifty_racing_answers_one_wins_and_no_version_is_lost(pooled_server: RunningServer) -> None:
    # Given an interview, and 50 clients answering its first question at the same moment
    client = pooled_server.client()
    client.sign_in("racer@example.com")
    interview = client.api("POST", "/interviews", {"role": "devops", "seniority": "senior"}).body
    path = f"/interviews/{interview['interview_id']}/answers"
    body = {"question_id": interview["current_question"]["question_id"], "answer": ANSWER}
    replies = _race(client, path, body, [f"racer-key-{n:04d}" for n in range(RACERS)])
    # Then exactly one is accepted and every other gets 409
    statuses = Counter(reply.status for reply in replies)
    assert statuses == {200: 1, 409: RACERS - 1}, statuses
    assert {r.body["error"]["code"] for r in replies if r.status == 409} <= {
        "version_conflict",
        "not_the_current_question",
    }
    # And the history holds versions 1 and 2, neither lost nor duplicated
    versions = client.api("GET", f"/interviews/{interview['interview_id']}/versions").body
    assert [v["version"] for v in versions["items"]] == [1, 2]


def test_fifty_retries_with_one_key_return_one_body_and_write_once(
    pooled_server: RunningServer,
) -> None:
    # Given an interview, and one answer sent 50 times at once with the same Idempotency-Key
    client = pooled_server.client()
    client.sign_in("retrier@example.com")
    interview = client.api("POST", "/interviews", {"role": "devops", "seniority": "senior"}).body
    interview_id = interview["interview_id"]
    path = f"/interviews/{interview_id}/answers"
    body = {"question_id": interview["current_question"]["question_id"], "answer": ANSWER}
    replies = _race(client, path, body, ["one-key-for-all-0001"] * RACERS)
    # Then all get the same 200 body, and one new version (carrying the key) was written: every
    # loser deleted the version it had put
    assert Counter(reply.status for reply in replies) == {200: RACERS}
    assert len({str(reply.body) for reply in replies}) == 1
    assert sum(reply.header("Idempotent-Replayed") == "true" for reply in replies) == RACERS - 1
    items = _partition_items(pooled_server, interview_id, subject_of("retrier@example.com"))
    kinds = sorted(k.split("#")[0] if k[0].isalpha() else "VERSION" for k in items)
    assert kinds == ["SUMMARY", "VERSION", "VERSION"]
