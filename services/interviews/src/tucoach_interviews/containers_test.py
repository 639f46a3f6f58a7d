"""Two warm containers answering one interview (ADR 0013): a container answers on the version it
kept when it last wrote or read the interview, without reading it first; when the summary's
condition refuses that, because the other container answered since, the answer goes as if the
container had read first: the same outcome, and no second unit of the quota."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tucoach_interviews import container
from tucoach_interviews_testing import TABLE, USER, Api, Reply
from tucoach_repository import DailyQuotas, InterviewRepository, make_client
from tucoach_repository.schema import interview_partition_key
from tucoach_repository_testing.readback import item_count
from tucoach_repository_testing.request_counts import counted_requests

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

    from tucoach_interviews.service import InterviewService

START = {"role": "backend", "seniority": "junior", "question_count": 3}
ANSWER = (
    "GET, PUT and DELETE are idempotent: repeating the request has the same effect as sending "
    "it once, so a client can safely retry after a timeout. POST is not idempotent."
)
SPANISH_ANSWER = (
    "GET, PUT y DELETE son idempotentes: repetir la petición tiene el mismo efecto que "
    "enviarla una vez, así que el cliente puede reintentar después de un timeout."
)


class _Container:
    """A warm container of the function: its own service, repository and DynamoDB client."""

    def __init__(self, api: Api) -> None:
        config = container.settings()
        settings = container.repository_settings(config)
        self.client: DynamoDBClient = make_client(settings)
        self._api = api
        self._service: InterviewService = container.build_service(
            config,
            store=InterviewRepository(settings, client=self.client),
            quotas=DailyQuotas(settings, client=self.client),
        )

    def call(self, method: str, path: str, **kwargs: Any) -> Reply:
        container.use(self._service)
        return self._api.call(method, path, **kwargs)

    def answer(self, interview: dict[str, Any], text: str = ANSWER, **kwargs: Any) -> Reply:
        return self.call(
            "POST",
            f"/interviews/{interview['interview_id']}/answers",
            body={"question_id": interview["current_question"]["question_id"], "answer": text},
            **kwargs,
        )

    def items_of(self, interview: dict[str, Any]) -> int:
        """How many items the interview's partition holds: its versions and summary."""
        key = interview_partition_key(USER, interview["interview_id"])
        return item_count(self.client, TABLE, key)


def _started_and_answered_once(one: _Container) -> dict[str, Any]:
    """An interview started and answered once in `one`: version 2, waiting for its next answer."""
    started = one.call("POST", "/interviews", body=START)
    assert started.status == 201, started.body
    answered = one.answer(started.body)
    assert answered.status == 200, answered.body
    return dict(answered.body["interview"])


def test_a_container_answers_on_the_version_it_wrote_without_reading(api: Api) -> None:
    # Given an interview a container started and answered once
    one = _Container(api)
    interview = _started_and_answered_once(one)
    # When it is sent the next answer
    with counted_requests(one.client) as sent:
        reply = one.answer(interview)
    # Then it takes a unit of the quota and appends, without a Query, and what it stored is
    # what another container reads
    assert reply.status == 200, reply.body
    assert sent == {"UpdateItem": 1, "PutItem": 2}
    answered = reply.body["interview"]
    latest = _Container(api).call("GET", f"/interviews/{interview['interview_id']}").body
    assert (latest["version"], latest["current_question"]) == (3, answered["current_question"])


def test_an_answer_to_a_question_another_container_answered_is_refused_as_after_a_read(
    api: Api,
) -> None:
    # Given an interview answered once in a container, and its next question answered in another
    one, other = _Container(api), _Container(api)
    interview = _started_and_answered_once(one)
    theirs = other.answer(interview)
    assert theirs.status == 200, theirs.body
    # When the first container is sent an answer to that question too (a second tab)
    with counted_requests(one.client) as sent:
        ours = one.answer(interview)
    # Then it appended on the version it kept, was refused, deleted its version, read, and
    # answers as a read first would have; the other container's answer stands alone
    assert sent == {"UpdateItem": 1, "PutItem": 2, "DeleteItem": 1, "Query": 1}
    assert ours.status == 409, ours.body
    assert ours.body["error"]["code"] == "not_the_current_question"
    latest = other.call("GET", f"/interviews/{interview['interview_id']}").body
    assert latest["current_question"] == theirs.body["interview"]["current_question"]
    assert one.items_of(interview) == 4  # the summary and versions 1 to 3
    # ... and the first container, which kept what that read found, stores the next answer
    # without a read
    with counted_requests(one.client) as sent:
        after = one.answer(theirs.body["interview"])
    assert after.status == 200, after.body
    assert sent == {"UpdateItem": 1, "PutItem": 2}


def test_an_answer_to_a_question_asked_again_in_another_container_is_stored_once_charged(
    api: Api,
) -> None:
    # Given an interview started in a container, whose first question another container asked
    # again (its answer was in Spanish): the same question, one version on
    one, other = _Container(api), _Container(api)
    started = one.call("POST", "/interviews", body=START)
    assert started.status == 201, started.body
    spanish = other.answer(started.body, text=SPANISH_ANSWER)
    assert spanish.body["next_question"]["retry"] is True, spanish.body
    # When the first container gets the answer in English
    with counted_requests(one.client) as sent:
        english = one.answer(started.body)
    # Then it is stored after the Spanish one, as a read first would have, with one unit taken
    assert english.status == 200, english.body
    assert english.body["interview"]["version"] == 3
    assert sent["UpdateItem"] == 1
    assert one.items_of(started.body) == 4  # the summary and versions 1 to 3


@pytest.mark.parametrize("limit", ["200", "2"], ids=["quota-left", "quota-spent"])
def test_a_retry_of_an_answer_another_container_stored_is_replayed(
    api: Api, monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    # Given a daily limit of answers (2: spent by the two answers below), an interview answered
    # once in a container, and its next question answered in another, with a key
    monkeypatch.setenv("DAILY_ANSWER_LIMIT", limit)
    one, other = _Container(api), _Container(api)
    interview = _started_and_answered_once(one)
    key = {"Idempotency-Key": "answered-elsewhere-1"}
    theirs = other.answer(interview, headers=key)
    assert theirs.status == 200, theirs.body
    # When the client retries that request and the first container gets it
    retried = one.answer(interview, headers=key)
    # Then it answers with the stored response, as after a read (not refused for the quota),
    # and stores nothing more
    assert (retried.status, retried.headers.get("Idempotent-Replayed")) == (200, "true")
    assert retried.body == theirs.body
    assert one.items_of(interview) == 4  # the summary and versions 1 to 3


def test_an_answer_over_the_limit_is_refused_in_a_warm_container_and_stores_nothing(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a limit of one answer a day, spent by an interview's first answer in a container
    monkeypatch.setenv("DAILY_ANSWER_LIMIT", "1")
    one = _Container(api)
    interview = _started_and_answered_once(one)
    # When the next question is answered there, with a new key
    with counted_requests(one.client) as sent:
        refused = one.answer(interview, headers={"Idempotency-Key": "over-the-limit-1"})
    # Then it is refused on the version kept and again after the read, and nothing is stored
    assert refused.status == 429, refused.body
    assert refused.body["error"]["code"] == "daily_quota_exceeded"
    assert sent == {"UpdateItem": 2, "Query": 1}
    assert one.items_of(interview) == 3  # the summary and versions 1 and 2


def test_an_answer_on_an_interview_another_container_deleted_is_not_found_and_stores_nothing(
    api: Api,
) -> None:
    # Given an interview answered once in a container, and deleted in another
    one, other = _Container(api), _Container(api)
    interview = _started_and_answered_once(one)
    interview_id = interview["interview_id"]
    assert other.call("DELETE", f"/interviews/{interview_id}").status == 200
    # When the first container is sent the next answer
    reply = one.answer(interview)
    # Then the interview is not found, and no item of it is left, the answer's neither
    assert reply.status == 404, reply.body
    assert one.items_of(interview) == 0
