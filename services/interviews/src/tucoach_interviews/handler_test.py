"""The handler end to end, from API Gateway events to moto's DynamoDB and back."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from tucoach_coach import load_bank
from tucoach_coach.highlights import LABEL_SEPARATOR
from tucoach_interviews import __version__, container
from tucoach_interviews import app as app_module
from tucoach_interviews.observability import logger
from tucoach_interviews_testing import OTHER_USER, Api, Reply
from tucoach_models import InterviewSummary, Page, Role, Seniority
from tucoach_repository import InterviewRepository

START = {"role": "backend", "seniority": "junior", "question_count": 3}
GOOD_ANSWER = (
    "GET, PUT and DELETE are idempotent: repeating the request has the same effect as sending "
    "it once, so a client can safely retry after a timeout. POST is not idempotent, because "
    "each call may create a new resource, so retries need an idempotency key. For example, a "
    "payment API stores the key and returns the first response again."
)


def _start(api: Api, **changes: Any) -> Reply:
    reply = api.call("POST", "/interviews", body=START | changes)
    assert reply.status == 201, reply.body
    return reply


def _answer(api: Api, interview: dict[str, Any], text: str = GOOD_ANSWER, **kwargs: Any) -> Reply:
    question = interview["current_question"]["question_id"]
    return api.call(
        "POST",
        f"/interviews/{interview['interview_id']}/answers",
        body={"question_id": question, "answer": text},
        **kwargs,
    )


def _assert_error(reply: Reply, status: int, code: str) -> dict[str, Any]:
    assert reply.status == status, reply.body
    error = reply.body["error"]
    assert error["code"] == code, error
    assert error["message"]
    assert error["request_id"].startswith("request-")
    assert "Traceback" not in str(reply.body)
    return dict(error)


def test_starting_an_interview_returns_its_first_question(api: Api) -> None:
    reply = _start(api)
    interview = reply.body
    assert interview["version"] == 1
    assert interview["status"] == "in_progress"
    assert interview["current_question"]["question_id"].startswith("backend-junior-")
    assert interview["progress"] == {"question_number": 1, "question_count": 3, "answered": 0}
    assert reply.headers["X-TuCoach-Version"] == __version__
    assert reply.headers["Cache-Control"] == "no-store"


def test_an_answer_gets_feedback_and_the_next_question(api: Api) -> None:
    interview = _start(api).body
    reply = _answer(api, interview, headers={"Idempotency-Key": "answer-0001"})
    assert reply.status == 200, reply.body
    feedback = reply.body["feedback"]
    assert 0 <= feedback["score"] <= 10
    assert feedback["provenance"]["engine"] == "offline"
    assert feedback["example_answer"]
    assert reply.body["next_question"] is not None
    assert reply.body["interview"]["version"] == 2


def test_an_answers_response_carries_the_interviews_state_not_its_history(api: Api) -> None:
    # Given an interview answered to its end, each answer's response kept
    interview = _start(api).body
    replies = []
    while interview["current_question"] is not None:
        asked = interview["current_question"]
        reply = _answer(api, interview)
        assert reply.status == 200, reply.body
        replies.append((asked, reply.body))
        interview = reply.body["interview"]
    whole = api.call("GET", f"/interviews/{interview['interview_id']}").body
    for asked, body in replies:
        # Then each names the question answered and the answer as stored, with its feedback
        assert body["question"] == asked
        assert body["answer"] == GOOD_ANSWER
        # ... and the interview's state, without the questions, answers and report so far,
        # so a response is the same size at every step
        assert not {"questions", "answers", "report"} & set(body["interview"])
    # ... the last state being the whole interview's, which GET /interviews/{id} reads
    history = ("questions", "answers", "report")
    assert replies[-1][1]["interview"] == {k: v for k, v in whole.items() if k not in history}
    assert [a["feedback"] for a in whole["answers"]] == [b["feedback"] for _, b in replies]


def test_feedback_marks_the_answer_and_reads_back_with_the_interview(api: Api) -> None:
    # Given the model answer of the first question, sent as the candidate's own
    interview = _start(api).body
    question = interview["current_question"]["question_id"]
    text = load_bank().get(question).model_answer
    # When it is answered, and the interview is read again
    reply = _answer(api, interview, text=text)
    assert reply.status == 200, reply.body
    again = api.call("GET", f"/interviews/{interview['interview_id']}").body
    # Then the feedback marks where the answer covers points, in offsets of the stored answer,
    # and the stored interview returns the same marks beside the answer (a span covering two
    # points names both; a point's own text may hold the separator)
    highlights = reply.body["feedback"]["highlights"]
    assert highlights
    covered = set(reply.body["feedback"]["covered_points"])
    for highlight in highlights:
        assert highlight["kind"] == "covered"
        assert _made_of(highlight["label"], covered)
        assert text[highlight["start"] : highlight["end"]].strip()
    stored = again["answers"][0]
    assert stored["answer"] == text
    assert stored["feedback"]["highlights"] == highlights


def _made_of(label: str, points: set[str]) -> bool:
    """Whether the label is nothing but some of these points joined by the separator."""
    for point in sorted(points, key=len, reverse=True):
        label = label.replace(point, "")
    return not label.replace(LABEL_SEPARATOR.strip(), "").strip()


def test_a_replay_with_the_same_key_returns_the_same_body_and_writes_nothing(api: Api) -> None:
    # Given an answer submitted with an Idempotency-Key
    interview = _start(api).body
    first = _answer(api, interview, headers={"Idempotency-Key": "replay-key-1"})
    # When the same request is sent again with the same key
    again = _answer(api, interview, headers={"Idempotency-Key": "replay-key-1"})
    # Then the body is the same, it says it is a replay, and no version was added
    assert again.status == 200
    assert again.body == first.body
    assert again.headers.get("Idempotent-Replayed") == "true"
    versions = api.call("GET", f"/interviews/{interview['interview_id']}/versions").body
    assert [v["version"] for v in versions["items"]] == [1, 2]


def test_a_key_reused_for_another_request_is_refused(api: Api) -> None:
    interview = _start(api).body
    _answer(api, interview, headers={"Idempotency-Key": "reused-key-1"})
    second = _answer(
        api, interview, text="Something else.", headers={"Idempotency-Key": "reused-key-1"}
    )
    _assert_error(second, 422, "idempotency_key_reused")


def test_answering_a_question_that_is_no_longer_current_conflicts(api: Api) -> None:
    interview = _start(api).body
    assert _answer(api, interview).status == 200
    stale = _answer(api, interview)  # the first question again, without a key
    _assert_error(stale, 409, "not_the_current_question")


def test_a_stale_expected_version_conflicts(api: Api) -> None:
    interview = _start(api).body
    _answer(api, interview)
    reply = api.call(
        "POST",
        f"/interviews/{interview['interview_id']}/answers",
        body={"question_id": "x", "answer": "y", "expected_version": 1},
    )
    error = _assert_error(reply, 409, "stale_version")
    assert error["details"] == {"expected_version": 1, "latest_version": 2}


def test_a_whole_interview_ends_with_a_report_that_can_be_read_again(api: Api) -> None:
    interview = _start(api).body
    while interview["current_question"] is not None:
        interview = _answer(api, interview).body["interview"]
    interview_id = interview["interview_id"]
    early = api.call("GET", f"/interviews/{interview_id}/report")
    _assert_error(early, 409, "report_not_ready")
    completed = api.call("POST", f"/interviews/{interview_id}/complete")
    assert completed.status == 200, completed.body
    # Finishing answers with the finished interview, whole, as GET /interviews/{id} reads it
    assert completed.body["status"] == "completed"
    assert completed.body == api.call("GET", f"/interviews/{interview_id}").body
    report = completed.body["report"]
    assert 0 <= report["overall_score"] <= 100
    assert api.call("GET", f"/interviews/{interview_id}/report").body == report
    again = api.call("POST", f"/interviews/{interview_id}/complete")
    _assert_error(again, 409, "interview_already_completed")
    listed = api.call("GET", "/interviews").body["items"]
    assert listed[0]["status"] == "completed"
    assert listed[0]["overall_score"] == report["overall_score"]


def test_finishing_without_answers_is_refused(api: Api) -> None:
    interview = _start(api).body
    reply = api.call("POST", f"/interviews/{interview['interview_id']}/complete")
    _assert_error(reply, 409, "nothing_to_report")


def test_finishing_early_gives_a_report_that_names_what_was_not_reached(api: Api) -> None:
    # Given a 3-question interview with its first question answered and the second waiting
    interview = _answer(api, _start(api).body).body["interview"]
    waiting = interview["current_question"]["text"]
    # When it is finished now
    reply = api.call("POST", f"/interviews/{interview['interview_id']}/complete")
    # Then the report is marked as ended early: 1 of 3 answered, the waiting one named
    assert reply.status == 200, reply.body
    report = reply.body["report"]
    assert report["ended_early"] == {
        "answered": 1,
        "planned": 3,
        "unanswered": [waiting],
        "not_asked": 1,
    }
    assert len(report["questions"]) == 1
    assert api.call("GET", f"/interviews/{interview['interview_id']}/report").body == report
    listed = api.call("GET", "/interviews").body["items"][0]
    assert (listed["status"], listed["answered_count"]) == ("completed", 1)


def test_a_report_of_a_whole_interview_is_not_marked_as_ended_early(api: Api) -> None:
    interview = _start(api).body
    while interview["current_question"] is not None:
        interview = _answer(api, interview).body["interview"]
    reply = api.call("POST", f"/interviews/{interview['interview_id']}/complete")
    assert reply.body["report"]["ended_early"] is None


def test_a_focused_interview_asks_its_focus_topic_first(api: Api) -> None:
    # Given a topic of the cell that an unfocused interview does not start with
    topics = load_bank().topics(Role.BACKEND, Seniority.JUNIOR)
    usual = _start(api).body["current_question"]["topic"]
    focus = next(t for t in topics if t != usual)
    # When an interview is started with it as its focus
    reply = _start(api, focus_topics=[focus, "not_in_this_cell"])
    # Then the first question is on that topic (an unknown topic is ignored)
    assert reply.body["current_question"]["topic"] == focus


def test_focus_topics_must_be_topic_identifiers(api: Api) -> None:
    reply = api.call("POST", "/interviews", body=START | {"focus_topics": ["Not a topic"]})
    _assert_error(reply, 422, "validation_failed")


def test_the_rating_is_read_back_and_the_latest_one_counts(api: Api) -> None:
    # Given an interview not yet rated
    interview_id = _start(api).body["interview_id"]
    assert api.call("GET", f"/interviews/{interview_id}/rating").body == {"rating": None}
    # When it is rated twice
    for helpful in (True, False):
        sent = api.call("POST", f"/interviews/{interview_id}/rating", body={"helpful": helpful})
        assert sent.status == 201, sent.body
    # Then the rating read back is the second one
    rating = api.call("GET", f"/interviews/{interview_id}/rating").body["rating"]
    assert (rating["helpful"], rating["comment"]) == (False, None)


def test_the_practice_plan_names_what_was_missed_in_finished_interviews_only(api: Api) -> None:
    # Given a finished interview answered too briefly, and an unfinished one
    interview = _start(api).body
    while interview["current_question"] is not None:
        interview = _answer(api, interview, text="It depends on the system.").body["interview"]
    assert api.call("POST", f"/interviews/{interview['interview_id']}/complete").status == 200
    _start(api)
    # When the practice plan is read
    reply = api.call("GET", "/practice-plan")
    # Then it is made of the finished interview, and names missed points per topic
    assert reply.status == 200, reply.body
    assert reply.body["interviews_read"] == 1
    [role] = reply.body["roles"]
    assert (role["role"], role["seniority"]) == ("backend", "junior")
    assert role["topics"]
    assert all(topic["missed_points"] for topic in role["topics"])


def test_the_practice_plan_of_a_new_user_is_empty(api: Api) -> None:
    assert api.call("GET", "/practice-plan").body == {"interviews_read": 0, "roles": []}


def test_my_interviews_are_listed_newest_first_and_paginated(api: Api) -> None:
    ids = [_start(api).body["interview_id"] for _ in range(3)]
    first = api.call("GET", "/interviews", query={"limit": "2"}).body
    assert [i["interview_id"] for i in first["items"]] == ids[::-1][:2]
    second = api.call("GET", "/interviews", query={"limit": "2", "next_token": first["next_token"]})
    assert [i["interview_id"] for i in second.body["items"]] == ids[:1]
    assert second.body["next_token"] is None


def test_lists_show_neither_the_owner_nor_the_questions_the_coach_avoids(api: Api) -> None:
    # Given an interview with one answer (so it has two versions)
    started = _start(api).body
    interview_id = started["interview_id"]
    assert _answer(api, started).status == 200

    # When both lists are read
    interviews = api.call("GET", "/interviews").body["items"]
    versions = api.call("GET", f"/interviews/{interview_id}/versions").body["items"]

    # Then each item is the stored summary without the owner and the avoided questions
    public = set(InterviewSummary.model_fields) - {"user_id", "question_ids"}
    assert [set(item) for item in interviews + versions] == [public] * 3


def test_a_rating_is_stored(api: Api) -> None:
    interview = _start(api).body
    reply = api.call(
        "POST",
        f"/interviews/{interview['interview_id']}/rating",
        body={"helpful": True, "comment": "Clear feedback 👍"},
    )
    assert reply.status == 201, reply.body
    assert reply.body["comment"] == "Clear feedback 👍"


def test_a_deleted_interview_is_gone(api: Api) -> None:
    interview_id = _start(api).body["interview_id"]
    assert api.call("DELETE", f"/interviews/{interview_id}").status == 200
    _assert_error(api.call("GET", f"/interviews/{interview_id}"), 404, "interview_not_found")
    _assert_error(api.call("DELETE", f"/interviews/{interview_id}"), 404, "interview_not_found")


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("GET", "/versions", None),
        ("POST", "/answers", {"question_id": "q", "answer": "a"}),
        ("POST", "/complete", None),
        ("GET", "/report", None),
        ("POST", "/rating", {"helpful": False}),
        ("GET", "/rating", None),
        ("DELETE", "", None),
    ],
)
def test_another_users_interview_is_not_found_on_every_route(
    api: Api, method: str, suffix: str, body: Any
) -> None:
    interview_id = _start(api).body["interview_id"]
    reply = api.call(method, f"/interviews/{interview_id}{suffix}", body=body, user=OTHER_USER)
    _assert_error(reply, 404, "interview_not_found")
    assert api.call("GET", f"/interviews/{interview_id}").body["version"] == 1


def test_starting_more_interviews_than_the_daily_limit_is_429_with_retry_after(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a limit of two interviews a day, both used
    monkeypatch.setenv("DAILY_INTERVIEW_LIMIT", "2")
    _start(api)
    _start(api)

    # When a third is started
    reply = api.call("POST", "/interviews", body={"role": "backend", "seniority": "junior"})

    # Then it is refused with when to come back, and another person is not affected
    _assert_error(reply, 429, "daily_quota_exceeded")
    assert "today's limit of 2 interviews" in reply.body["error"]["message"]
    assert 0 < int(reply.headers["Retry-After"]) <= 24 * 60 * 60
    assert reply.body["error"]["details"]["quota"] == "interviews"
    assert len(api.call("GET", "/interviews").body["items"]) == 2
    other = api.call(
        "POST", "/interviews", body={"role": "backend", "seniority": "junior"}, user=OTHER_USER
    )
    assert other.status == 201


def test_answers_over_the_daily_limit_are_refused_before_scoring_and_replays_still_work(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a limit of one scored answer a day, used by an answer sent with a key
    monkeypatch.setenv("DAILY_ANSWER_LIMIT", "1")
    interview = _start(api).body
    key = {"Idempotency-Key": "first-answer-0001"}
    first = _answer(api, interview, headers=key)
    assert first.status == 200

    # When the next question is answered
    after = api.call("GET", f"/interviews/{interview['interview_id']}").body
    refused = _answer(api, after)

    # Then it is a 429 and nothing is stored, while a retry of the first answer replays it
    _assert_error(refused, 429, "daily_quota_exceeded")
    assert api.call("GET", f"/interviews/{interview['interview_id']}").body == after
    replay = _answer(api, interview, headers=key)
    assert (replay.status, replay.headers.get("Idempotent-Replayed")) == (200, "true")


def test_a_request_without_a_signed_in_user_is_unauthorized(api: Api) -> None:
    _assert_error(api.call("GET", "/interviews", user=None), 401, "not_signed_in")


def test_the_catalog_is_public(api: Api) -> None:
    reply = api.call("GET", "/catalog", user=None)
    assert reply.status == 200
    assert reply.body["roles"] == ["backend", "frontend", "devops"]
    assert len(reply.body["cells"]) == 12
    assert all(cell["question_count"] >= 15 for cell in reply.body["cells"])


def test_the_catalog_may_be_kept_for_an_hour_but_not_its_refusals(api: Api) -> None:
    # Given the catalog, the same for everyone until the next deployment
    reply = api.call("GET", "/catalog", user=None)
    # Then browsers and CloudFront may keep it for an hour
    assert reply.headers["Cache-Control"] == "public, max-age=3600"
    # ... while a refused request for it is kept by no one, like every other answer
    refused = api.call("GET", "/catalog", query={"x": "1"}, user=None)
    assert refused.status == 422
    assert refused.headers["Cache-Control"] == "no-store"


def test_a_routes_own_cache_control_stands_in_any_spelling(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the resolver's response to a route that set its cache policy in lower case
    resolve = app_module.app.resolve

    def kept_for_a_minute(event: dict[str, Any], context: Any) -> dict[str, Any]:
        response = resolve(event, context)
        response["multiValueHeaders"] = {"cache-control": ["public, max-age=60"]}
        return response

    monkeypatch.setattr(app_module.app, "resolve", kept_for_a_minute)
    # When it answers
    reply = api.call("GET", "/catalog", user=None)
    # Then its policy is the only one sent, not joined by the default no-store
    cache_headers = {k: v for k, v in reply.headers.items() if k.lower() == "cache-control"}
    assert cache_headers == {"cache-control": "public, max-age=60"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**START, "role": "qa"}, "body.role"),
        ({**START, "nickname": "x"}, "body.nickname"),
        ({**START, "question_count": 11}, "body.question_count"),
        ({"seniority": "junior"}, "body.role"),
    ],
)
def test_invalid_fields_are_named(api: Api, body: dict[str, Any], field: str) -> None:
    error = _assert_error(api.call("POST", "/interviews", body=body), 422, "validation_failed")
    assert field in error["message"]
    assert field in [f["field"] for f in error["details"]["fields"]]


@pytest.mark.parametrize(
    "blank",
    ["", "   ", "\n\t \r\n", "\u200b\u200c\u200d\u2060\ufeff", "\x00\x07\x1b", "\u00a0\u3000"],
    ids=["empty", "spaces", "line-breaks", "zero-width", "control", "wide-spaces"],
)
def test_an_answer_with_nothing_visible_is_refused_and_nothing_is_stored(
    api: Api, blank: str
) -> None:
    # Given a new interview
    interview = _start(api).body

    # When an answer with no visible character is sent
    reply = _answer(api, interview, blank)

    # Then it is a 422 that names the field and says why, and the interview is unchanged
    _assert_error(reply, 422, "validation_failed")
    assert reply.body["error"]["details"]["fields"] == [
        {
            "field": "body.answer",
            "message": "Value error, the answer is empty: write at least a few words",
        }
    ]
    assert api.call("GET", f"/interviews/{interview['interview_id']}").body["version"] == 1


def test_an_answer_with_one_visible_character_among_invisible_ones_is_scored(api: Api) -> None:
    interview = _start(api).body
    assert _answer(api, interview, "\u200b x \u200b").status == 200


def test_an_answer_over_five_thousand_characters_is_refused(api: Api) -> None:
    interview = _start(api).body
    error = _assert_error(_answer(api, interview, text="a" * 5_001), 422, "validation_failed")
    assert "body.answer" in error["message"]


def test_a_body_over_the_limit_is_refused(api: Api) -> None:
    reply = api.call("POST", "/interviews", raw_body='{"role": "' + "x" * 70_000 + '"}')
    _assert_error(reply, 413, "body_too_large")


def test_a_body_that_is_not_json_is_refused(api: Api) -> None:
    _assert_error(api.call("POST", "/interviews", raw_body="{not json"), 400, "malformed_json")


def test_deeply_nested_json_is_refused(api: Api) -> None:
    nested = "[" * 30_000 + "]" * 30_000  # within the size limit, beyond the parser's depth
    reply = api.call("POST", "/interviews", raw_body=f'{{"role": {nested}}}')
    _assert_error(reply, 400, "json_too_deep")


def test_a_body_of_another_content_type_is_refused(api: Api) -> None:
    reply = api.call(
        "POST", "/interviews", raw_body="role=backend", headers={"Content-Type": "text/plain"}
    )
    _assert_error(reply, 415, "unsupported_content_type")


@pytest.mark.parametrize("limit", ["0", "101", "-5", "many"])
def test_a_page_limit_outside_one_to_a_hundred_is_refused(api: Api, limit: str) -> None:
    reply = api.call("GET", "/interviews", query={"limit": limit})
    _assert_error(reply, 422, "validation_failed")


def test_a_forged_next_token_is_refused(api: Api) -> None:
    reply = api.call("GET", "/interviews", query={"next_token": "eyJmb3JnZWQiOiB0cnVlfQ"})
    _assert_error(reply, 400, "invalid_next_token")


def test_an_unknown_route_is_a_not_found_in_the_error_shape(api: Api) -> None:
    _assert_error(api.call("GET", "/nowhere"), 404, "no_such_route")


class _FailingRepository(InterviewRepository):
    def list_interviews(self, *_: object, **__: object) -> Page[InterviewSummary]:
        raise RuntimeError("secret internal detail")


def test_an_unexpected_failure_is_a_generic_500_without_internals(api: Api) -> None:
    # Given a store that fails in a way no error mapping knows
    config = container.settings()
    container.use(
        container.build_service(
            config, store=_FailingRepository(container.repository_settings(config))
        )
    )
    # When a route needs it
    reply = api.call("GET", "/interviews")
    # Then the caller gets the generic error, without the failure's text
    error = _assert_error(reply, 500, "internal_error")
    assert "secret internal detail" not in error["message"]


@pytest.mark.parametrize(
    "content_type", ["APPLICATION/JSON", "Application/Json", "application/JSON; charset=utf-8"]
)
def test_media_types_are_case_insensitive(api: Api, content_type: str) -> None:
    # Given a body sent with the JSON media type in another case (RFC 9110: case-insensitive)
    # When an interview is started with it
    reply = api.call("POST", "/interviews", body=START, headers={"Content-Type": content_type})
    # Then it is accepted like application/json
    assert reply.status == 201, reply.body


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/interviews", START | {"question_count": "5"}, "question_count"),
        ("/interviews", START | {"question_count": 5.5}, "question_count"),
        ("/interviews", START | {"question_count": True}, "question_count"),
    ],
)
def test_numbers_must_be_sent_as_numbers(
    api: Api, path: str, body: dict[str, Any], field: str
) -> None:
    # Given a field the OpenAPI types as an integer, sent as text, a fraction or a boolean
    # When the request is sent
    error = _assert_error(api.call("POST", path, body=body), 422, "validation_failed")
    # Then it is refused, naming the field, rather than coerced
    assert field in error["message"]


def test_an_integer_may_be_written_with_a_zero_fraction(api: Api) -> None:
    # Given 4.0 for an integer: JSON Schema 2020-12, the OpenAPI's dialect, calls it an integer
    # When an interview is started with it
    reply = api.call("POST", "/interviews", body=START | {"question_count": 4.0})
    # Then it is accepted as the integer 4
    assert reply.status == 201, reply.body
    assert reply.body["progress"]["question_count"] == 4


@pytest.mark.parametrize(
    ("path", "query", "unknown"),
    [
        ("/interviews", {"limt": "5"}, "limt"),
        ("/interviews", {"limit": "5", "debug": "1"}, "debug"),
        ("/catalog", {"role": "backend"}, "role"),
    ],
)
def test_a_query_parameter_the_route_does_not_take_is_refused(
    api: Api, path: str, query: dict[str, str], unknown: str
) -> None:
    # Given a query parameter the OpenAPI does not list for the route (a typo, an extra)
    # When the request is sent
    error = _assert_error(api.call("GET", path, query=query), 422, "validation_failed")
    # Then it is refused, naming that parameter only, rather than ignored
    assert [field["field"] for field in error["details"]["fields"]] == [f"query.{unknown}"]


@pytest.mark.parametrize("helpful", [0, 1, "true", None])
def test_a_rating_must_be_a_boolean(api: Api, helpful: object) -> None:
    # Given a completed interview
    interview = _start(api).body
    while interview["current_question"] is not None:
        interview = _answer(api, interview).body["interview"]
    interview_id = interview["interview_id"]
    api.call("POST", f"/interviews/{interview_id}/complete")
    # When it is rated with something that is not true or false
    reply = api.call("POST", f"/interviews/{interview_id}/rating", body={"helpful": helpful})
    # Then nothing is stored as a rating
    _assert_error(reply, 422, "validation_failed")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("TRACE", "/interviews", "GET, POST"),
        ("PUT", "/interviews/abc", "DELETE, GET"),
        ("GET", "/interviews/abc/answers", "POST"),
        ("DELETE", "/catalog", "GET"),
    ],
)
def test_a_known_path_with_an_unknown_method_is_405_with_allow(
    api: Api, method: str, path: str, allowed: str
) -> None:
    # Given a path the API has, and a method it does not answer there
    # When the request is sent
    reply = api.call(method, path)
    # Then the answer is 405 and says which methods the path answers
    error = _assert_error(reply, 405, "method_not_allowed")
    assert reply.headers["Allow"] == allowed
    assert error["details"] == {"allowed": allowed.split(", ")}


def test_an_unknown_path_is_still_404(api: Api) -> None:
    _assert_error(api.call("GET", "/nothing-here"), 404, "no_such_route")


def test_query_parameters_do_not_turn_a_404_or_a_405_into_a_422(api: Api) -> None:
    # Given query parameters no route takes, on a path the API lacks and on a method a path lacks
    # When the requests are sent
    # Then they are answered as without them: the path or the method is what is wrong
    _assert_error(api.call("GET", "/nothing-here", query={"x": "1"}), 404, "no_such_route")
    _assert_error(api.call("DELETE", "/catalog", query={"x": "1"}), 405, "method_not_allowed")


def test_each_request_logs_with_its_api_gateway_request_id_as_correlation_id(api: Api) -> None:
    for path in ("/catalog", "/interviews/no-such-interview"):
        # When a request is handled
        api.call("GET", path)
        # Then the logger's correlation id (on every line it writes) is that request's id
        assert logger.get_correlation_id() == f"request-GET-{path}"


def test_no_log_line_of_a_whole_interview_holds_the_answer(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    # Given an interview answered with text that appears nowhere else
    secret = "zanzibar-quokka-answer-marker"
    text = f"{GOOD_ANSWER} My team calls this the {secret} pattern."
    # At the level the function logs at in AWS (INFO; botocore logs request bodies at DEBUG).
    with caplog.at_level(logging.INFO):
        interview = _start(api).body
        while interview["current_question"] is not None:
            interview = _answer(api, interview, text=text).body["interview"]
        # When it is finished, read back and refused once (a stale answer)
        api.call("POST", f"/interviews/{interview['interview_id']}/complete")
        api.call("GET", f"/interviews/{interview['interview_id']}")
        _answer(api, {**interview, "current_question": {"question_id": "gone"}}, text=text)
    # Then no log record, message or structured field, contains the answer
    logged = "\n".join(repr(vars(record)) for record in caplog.records)
    assert "request refused" in logged, "the function's log was not captured"
    assert secret not in logged


def _without_the_point_of_a_follow_up(question_id: str) -> str:
    """Three sentences of the question's model answer, none making the first point that has a
    follow-up: a partial answer (follow-ups come below 8) that misses that point."""
    question = load_bank().get(question_id)
    point = question.talking_point(question.follow_ups[0].talking_point)
    sentences = re.split(r"(?<=[.!?])\s+", question.model_answer.strip())
    kept = [s for s in sentences if not any(p in s.lower() for p in point.phrasings)]
    return " ".join(kept[:3])


def _to_a_follow_up(api: Api) -> dict[str, Any]:
    interview = _start(api).body
    while interview["current_question"] is not None:
        question = interview["current_question"]
        if question["kind"] == "follow_up":
            return dict(interview)
        text = _without_the_point_of_a_follow_up(question["question_id"])
        interview = _answer(api, interview, text=text).body["interview"]
    raise AssertionError("no answer missing a point with a follow-up got one")


def _skip_the_current_question(api: Api, interview: dict[str, Any]) -> Reply:
    return api.call(
        "POST",
        f"/interviews/{interview['interview_id']}/skip",
        body={
            "question_id": interview["current_question"]["question_id"],
            "expected_version": interview["version"],
        },
    )


def test_a_follow_up_can_be_skipped_without_a_score(api: Api) -> None:
    # Given an interview waiting on a follow-up question
    interview = _to_a_follow_up(api)
    # When the candidate skips it
    reply = _skip_the_current_question(api, interview)
    # Then it is recorded as skipped, not scored, and the interview moves on
    assert reply.status == 200, reply.body
    assert reply.body["feedback"]["unscored"] == "skipped"
    assert reply.body["question"] == interview["current_question"]
    assert reply.body["answer"] == ""
    assert reply.body["interview"]["version"] == interview["version"] + 1
    next_question = reply.body["next_question"]
    assert next_question is None or next_question["kind"] == "main"


def test_a_main_question_cannot_be_skipped(api: Api) -> None:
    interview = _start(api).body
    reply = api.call(
        "POST",
        f"/interviews/{interview['interview_id']}/skip",
        body={"question_id": interview["current_question"]["question_id"]},
    )
    _assert_error(reply, 409, "not_a_follow_up")


SPANISH_ANSWER = (
    "GET, PUT y DELETE son idempotentes: repetir la petición tiene el mismo efecto que "
    "enviarla una vez, así que el cliente puede reintentar después de un timeout. POST no es "
    "idempotente, porque cada llamada puede crear un recurso nuevo."
)


def test_an_answer_in_spanish_asks_the_same_question_again_to_answer_in_english(
    api: Api,
) -> None:
    # Given an interview's first question answered in Spanish
    interview = _start(api).body
    asked = interview["current_question"]
    spanish = _answer(
        api, interview, text=SPANISH_ANSWER, headers={"Idempotency-Key": "spanish-0001"}
    )
    # Then the answer is kept, not scored, and the same question is asked again as a retry
    assert spanish.status == 200, spanish.body
    assert spanish.body["feedback"]["unscored"] == "language"
    assert spanish.body["feedback"]["language"] == "es"
    retry = spanish.body["next_question"]
    assert retry["retry"] is True
    assert (retry["question_id"], retry["number"], retry["text"]) == (
        asked["question_id"],
        1,
        asked["text"],
    )
    after_spanish = spanish.body["interview"]
    assert after_spanish["progress"] == {"question_number": 1, "question_count": 3, "answered": 1}
    # When the candidate answers it again, in English (a retried request replays, once)
    english = _answer(api, after_spanish, headers={"Idempotency-Key": "english-0001"})
    replayed = _answer(api, after_spanish, headers={"Idempotency-Key": "english-0001"})
    # Then the English answer is scored, and both answers stay in the interview's history
    assert english.status == 200, english.body
    assert english.body["feedback"]["unscored"] is None
    assert english.body["feedback"]["score"] > 0
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.body == english.body
    history = api.call("GET", f"/interviews/{interview['interview_id']}").body
    assert [a["answer"] for a in history["answers"]] == [SPANISH_ANSWER, GOOD_ANSWER]
    assert history["version"] == interview["version"] + 2


def test_a_question_asked_again_can_be_skipped(
    api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a question asked again after an answer in Spanish
    interview = _answer(api, _start(api).body, text=SPANISH_ANSWER).body["interview"]
    assert interview["current_question"]["retry"] is True
    assert '"AnswersNotInEnglish":[1.0]' in capsys.readouterr().out
    # When the candidate skips it
    reply = _skip_the_current_question(api, interview)
    assert '"RetriesSkipped":[1.0]' in capsys.readouterr().out
    # Then the skip is recorded, not scored, and the second main question is asked
    assert reply.status == 200, reply.body
    assert reply.body["feedback"]["unscored"] == "skipped"
    assert reply.body["next_question"]["retry"] is False
    assert reply.body["next_question"]["number"] == 2
