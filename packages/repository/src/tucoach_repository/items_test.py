from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tucoach_models import (
    CoachEngine,
    FeedbackRating,
    Interview,
    InterviewStatus,
    InterviewSummary,
    Provenance,
    Report,
    Role,
    Seniority,
    format_timestamp,
)
from tucoach_models_testing.strategies import interviews
from tucoach_repository.items import (
    READ_ATTRIBUTES,
    RecordType,
    idempotency_from_item,
    interview_after_steps,
    interview_from_item,
    interview_from_items,
    interview_to_item,
    rating_from_item,
    rating_to_item,
    request_of_item,
    step_to_item,
    summary_from_item,
    summary_to_item,
)
from tucoach_repository.schema import interview_partition_key, parse_interview_partition_key
from tucoach_repository.step_codec import decode_step, encode_step
from tucoach_repository_testing.old_shape import idempotency_to_item
from tucoach_repository_testing.samples import idempotency_record, new_interview, next_version

REPORT = Report(
    overall_score=72,
    strengths=("clear structure",),
    provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version="report-1"),
    generated_at=datetime(2026, 11, 30, 13, 0, tzinfo=UTC),
)


def _contains_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_contains_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_float(v) for v in value)
    return False


@settings(max_examples=200, deadline=None)
@given(interviews())
def test_an_interview_survives_the_round_trip_through_its_item(interview: Interview) -> None:
    # Given any valid interview version
    # When it is written as an item and read back
    item = interview_to_item(interview)
    # Then nothing is lost or changed
    assert interview_from_item(item) == interview


@settings(max_examples=100, deadline=None)
@given(interviews())
def test_the_item_has_the_keys_and_attributes_of_the_table_format(interview: Interview) -> None:
    # Given any valid interview version
    # When it is written as an item
    item = interview_to_item(interview)
    # Then the keys follow docs/design.md and the named attributes are there
    assert item["partition_key"] == (f"USER#{interview.user_id}#INTERVIEW#{interview.interview_id}")
    assert item["sort_key"] == format_timestamp(interview.updated_at)
    assert item["record_type"] == "INTERVIEW"
    for attribute in ("user_id", "interview_id", "role", "seniority", "created_at", "updated_at"):
        assert attribute in item
    # And numbers are decimals, as boto3 requires, with no float left anywhere
    assert not _contains_float(item)


@settings(max_examples=50, deadline=None)
@given(interviews())
def test_an_item_read_from_json_text_maps_the_same(interview: Interview) -> None:
    # Given an item as it would come back through JSON (e.g. from the local database's dump)
    item = json.loads(json.dumps(interview_to_item(interview), default=str))
    # When it is read, numbers being text or numbers
    # Then the same interview comes back
    assert interview_from_item(item) == interview


def test_sort_keys_of_successive_versions_sort_as_their_times() -> None:
    # Given timestamps a microsecond and a decade apart
    first = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    moments = [first, first + timedelta(microseconds=1), first + timedelta(days=3650)]
    # When they are formatted as sort keys
    keys = [format_timestamp(m) for m in moments]
    # Then text order is time order, and every key has the same width
    assert keys == sorted(keys)
    assert len({len(k) for k in keys}) == 1


@pytest.fixture
def stored_item() -> dict[str, Any]:
    moment = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    interview = Interview(
        user_id="user-1",
        interview_id="interview-1",
        role=Role.BACKEND,
        seniority=Seniority.SENIOR,
        version=1,
        created_at=moment,
        updated_at=moment,
    )
    return interview_to_item(interview)


def test_an_unknown_role_names_the_field_and_the_allowed_values(
    stored_item: dict[str, Any],
) -> None:
    # Given an item whose role is not one of ours
    stored_item["role"] = "qa"
    # When it is read
    with pytest.raises(ValidationError) as raised:
        interview_from_item(stored_item)
    # Then the error names the field and every allowed value
    message = str(raised.value)
    assert "role" in message
    for allowed in ("'backend'", "'frontend'", "'devops'"):
        assert allowed in message


def test_an_unknown_seniority_names_the_field_and_the_allowed_values(
    stored_item: dict[str, Any],
) -> None:
    stored_item["seniority"] = "intern"
    with pytest.raises(ValidationError) as raised:
        interview_from_item(stored_item)
    message = str(raised.value)
    assert "seniority" in message
    for allowed in ("'junior'", "'senior'", "'techlead'", "'architect'"):
        assert allowed in message


@pytest.mark.parametrize(
    "partition_key",
    [
        "USER#user-1",
        "INTERVIEW#interview-1",
        "USER#user-1#INTERVIEW#",
        "USER##INTERVIEW#interview-1",
        "user#user-1#interview#interview-1",
    ],
)
def test_a_malformed_partition_key_is_refused_with_its_expected_shape(
    stored_item: dict[str, Any], partition_key: str
) -> None:
    # Given an item whose partition key does not have the table's shape
    stored_item["partition_key"] = partition_key
    # When it is read
    with pytest.raises(ValidationError) as raised:
        interview_from_item(stored_item)
    # Then the error names the field and the shape it must have
    message = str(raised.value)
    assert "partition_key" in message
    assert "USER#{user_id}#INTERVIEW#{interview_id}" in message


def test_a_partition_key_of_another_interview_is_refused(stored_item: dict[str, Any]) -> None:
    stored_item["partition_key"] = interview_partition_key("user-1", "interview-2")
    with pytest.raises(ValidationError, match="does not match user_id and interview_id"):
        interview_from_item(stored_item)


@pytest.mark.parametrize(
    "sort_key",
    ["2026-11-30T12:00:00Z", "2026-11-30 12:00:00.000000", "v1", "2026-11-30T12:00:00.000001Z"],
)
def test_a_sort_key_that_is_not_the_versions_timestamp_is_refused(
    stored_item: dict[str, Any], sort_key: str
) -> None:
    stored_item["sort_key"] = sort_key
    with pytest.raises(ValidationError) as raised:
        interview_from_item(stored_item)
    assert "sort_key" in str(raised.value)


def test_an_item_of_another_record_type_is_refused(stored_item: dict[str, Any]) -> None:
    stored_item["record_type"] = "RATING"
    with pytest.raises(ValidationError) as raised:
        interview_from_item(stored_item)
    assert "record_type" in str(raised.value)
    assert RecordType.INTERVIEW.value in str(raised.value)


def test_index_attributes_of_the_repository_are_ignored(stored_item: dict[str, Any]) -> None:
    # Given an item carrying attributes the repository adds for its indexes
    stored_item["gsi1_partition_key"] = "USER#user-1"
    # When it is read
    # Then the interview is read as if they were not there
    assert interview_from_item(stored_item).interview_id == "interview-1"


def test_a_score_stored_as_a_decimal_reads_back_as_the_same_number(
    stored_item: dict[str, Any],
) -> None:
    stored_item["version"] = Decimal(7)
    assert interview_from_item(stored_item).version == 7


@pytest.mark.parametrize(
    ("user_id", "interview_id"),
    [("a#b", "i"), ("u", "i#j"), ("", "i"), ("u", "")],
)
def test_identifiers_that_would_break_the_key_are_refused(
    stored_item: dict[str, Any], user_id: str, interview_id: str
) -> None:
    stored_item["user_id"] = user_id
    stored_item["interview_id"] = interview_id
    with pytest.raises(ValidationError):
        interview_from_item(stored_item)


def test_the_partition_key_parses_back_into_its_identifiers() -> None:
    key = interview_partition_key("4f1c-user", "01J-interview")
    assert parse_interview_partition_key(key) == ("4f1c-user", "01J-interview")


@settings(max_examples=50, deadline=None)
@given(interviews())
def test_the_summary_read_from_an_item_is_the_interviews_summary(interview: Interview) -> None:
    # Given an interview's summary item (the index's entry of it)
    item = summary_to_item(interview)
    # When only the attributes the index projects are read
    projected = {key: item[key] for key in SUMMARY_ATTRIBUTES if key in item}
    # Then the summary is the interview's own
    assert summary_from_item(projected) == InterviewSummary.of(interview)


# An index projects exactly the summary's fields (the repository's schema test checks its list).
SUMMARY_ATTRIBUTES = tuple(InterviewSummary.model_fields)


# -- ratings ---------------------------------------------------------------------------------

RATING = FeedbackRating(
    user_id="user-1",
    interview_id="interview-1",
    helpful=False,
    comment="The example answer was off-topic. 🙃",
    rated_at=datetime(2026, 11, 30, 12, 0, tzinfo=UTC),
)


def test_a_rating_is_stored_in_its_own_partition_keyed_by_its_time() -> None:
    item = rating_to_item(RATING)
    assert item["partition_key"] == "USER#user-1#RATING#interview-1"
    assert item["sort_key"] == "2026-11-30T12:00:00.000000Z"
    assert item["record_type"] == "RATING"


def test_a_rating_survives_the_round_trip_through_its_item() -> None:
    assert rating_from_item(rating_to_item(RATING)) == RATING


def test_a_rating_without_a_comment_leaves_the_attribute_out() -> None:
    rating = RATING.model_copy(update={"comment": None})
    assert "comment" not in rating_to_item(rating)
    assert rating_from_item(rating_to_item(rating)) == rating


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("record_type", "INTERVIEW"),
        ("partition_key", "USER#user-2#RATING#interview-1"),
        ("sort_key", "2026-11-30T12:00:00.000001Z"),
    ],
)
def test_an_item_that_is_not_this_rating_is_refused(attribute: str, value: str) -> None:
    item = rating_to_item(RATING)
    item[attribute] = value
    with pytest.raises(ValidationError):
        rating_from_item(item)


# -- versions as steps -----------------------------------------------------------------------


def _versions(count: int) -> list[Interview]:
    """Version 1 and `count` answered versions after it, each a step from the one before."""
    versions = [new_interview()]
    for n in range(count):
        versions.append(next_version(versions[-1], f"answer {n} ✓"))
    return versions


def _items(versions: list[Interview]) -> list[dict[str, Any]]:
    items = [interview_to_item(versions[0])]
    for previous, new in itertools.pairwise(versions):
        step = step_to_item(previous, new)
        assert step is not None
        items.append(step)
    return items


def test_a_version_folds_from_the_whole_first_version_and_the_steps_after_it() -> None:
    # Given an interview stored as its first version whole and three steps
    versions = _versions(3)
    items = _items(versions)
    # When the items are read up to each version
    # Then each version comes back exactly as it was written
    for count, version in enumerate(versions, start=1):
        assert interview_from_items(items[:count]) == version
    assert [item["record_type"] for item in items] == ["INTERVIEW"] + ["INTERVIEW_STEP"] * 3


def _history_of(final: Interview) -> list[Interview]:
    """Versions that lead to `final` one question (and its answer) at a time, then complete it
    when it is complete: what the coach would have stored."""
    empty: dict[str, object] = {
        "questions": (),
        "answers": (),
        "status": InterviewStatus.IN_PROGRESS,
        "report": None,
    }
    steps: list[dict[str, object]] = [
        {"questions": final.questions[:asked], "answers": final.answers[:asked]}
        for asked in range(1, len(final.questions) + 1)
    ]
    if final.report is not None:
        steps.append({"status": final.status, "report": final.report})
    history: list[Interview] = []
    state = final.model_dump() | empty
    for number, change in enumerate([{}, *steps], start=1):
        state |= change | {
            "version": number,
            "updated_at": final.created_at + timedelta(seconds=number),
        }
        history.append(Interview.model_validate(state))
    return history


# No deadline: each example folds every version from the start, and a loaded machine (CI's, with
# DynamoDB Local beside it) took more than the default 200 ms for the longest.
@settings(max_examples=100, deadline=None)
@given(interviews())
def test_every_version_of_any_interview_folds_back_from_its_steps(final: Interview) -> None:
    # Given the versions that lead to any interview, stored as the first whole and then steps
    history = _history_of(final)
    items = _items(history)
    # When the items are folded up to each version
    # Then each comes back exactly as it was, from a step whenever one could say the change
    for count, version in enumerate(history, start=1):
        assert interview_from_items(items[:count]) == version


@settings(max_examples=50, deadline=None)
@given(interviews(), st.data())
def test_steps_fold_onto_any_version_as_from_the_first(
    final: Interview, data: st.DataObject
) -> None:
    # Given the versions that lead to any interview, one of them already folded (kept between
    # reads), and the steps after it
    history = _history_of(final)
    items = _items(history)
    kept = data.draw(st.integers(min_value=1, max_value=len(history)), label="versions kept")
    base = interview_from_items(items[:kept])
    # When the steps after it are folded onto it, up to each later version
    # Then each comes back as folding from the first version gives it
    for count in range(kept, len(history) + 1):
        assert interview_after_steps(base, items[kept:count]) == history[count - 1]


@settings(max_examples=50, deadline=None)
@given(interviews())
def test_every_version_folds_back_from_the_attributes_its_read_asks_for(final: Interview) -> None:
    # Given the version items of any interview as the read's Query returns them: the attributes
    # reading asks for, without the summary a whole version also carries
    history = _history_of(final)
    items = [
        {name: value for name, value in item.items() if name in READ_ATTRIBUTES}
        for item in _items(history)
    ]
    assert all("question_ids" not in item for item in items)
    # When they are folded up to each version, then each comes back exactly as it was
    for count, version in enumerate(history, start=1):
        assert interview_from_items(items[:count]) == version


def test_a_step_holds_only_what_changed_and_what_a_version_history_shows() -> None:
    # Given a version that answers one question and asks the next, made by a keyed request
    previous, new = _versions(1)
    record = idempotency_record(new)
    item = step_to_item(previous, new, record)
    assert item is not None
    # Then it holds the version's own summary fields plainly (the interview's fixed ones are
    # the summary item's), the version it follows, the request's key and hash, the change
    # compressed, and no copy of earlier questions
    assert set(item) == {
        "partition_key",
        "sort_key",
        "record_type",
        "version",
        "status",
        "answered_count",
        "previous_version",
        "request_key",
        "request_hash",
        "step",
    }
    assert (item["version"], item["status"], item["answered_count"]) == (
        new.version,
        new.status.value,
        InterviewSummary.of(new).answered_count,
    )
    assert item["previous_version"] == format_timestamp(previous.updated_at)
    assert request_of_item(item) == record
    change = json.loads(decode_step(item["step"]))
    assert [a["text"] for a in change["answers"]] == ["answer 0 ✓"]
    assert len(change["questions"]) == 1
    assert "report" not in change


def test_a_step_without_a_request_names_none() -> None:
    previous, new = _versions(1)
    item = step_to_item(previous, new)
    assert item is not None
    assert request_of_item(item) is None
    assert "request_key" not in item


def test_a_completed_version_is_a_step_with_the_report() -> None:
    # Given an answered interview, then completed with a report
    previous = _versions(1)[-1]
    completed = previous.model_copy(
        update={
            "version": previous.version + 1,
            "updated_at": previous.updated_at + timedelta(seconds=1),
            "status": InterviewStatus.COMPLETED,
            "report": REPORT,
        }
    )
    item = step_to_item(previous, completed)
    assert item is not None
    # Then folding it onto the version before gives the completed interview
    assert interview_from_items([interview_to_item(previous), item]) == completed


@pytest.mark.parametrize(
    "change",
    [
        {"role": Role.FRONTEND},
        {"question_count": 3},
        {"avoided_question_ids": ("q-9",)},
        {"questions": (), "answers": ()},
    ],
    ids=["role", "question count", "avoided questions", "questions taken back"],
)
def test_a_change_a_step_cannot_say_is_stored_whole(change: dict[str, object]) -> None:
    # Given a version that changes more than questions, answers, status and report
    previous = _versions(1)[-1]
    new = Interview.model_validate(
        {
            **previous.model_dump(),
            "version": previous.version + 1,
            "updated_at": previous.updated_at + timedelta(seconds=1),
            **change,
        }
    )
    # Then it has no step, and the repository stores it whole
    assert step_to_item(previous, new) is None


def test_a_gap_in_the_versions_is_refused() -> None:
    items = _items(_versions(2))
    with pytest.raises(ValueError, match="version 3 does not follow 1"):
        interview_from_items([items[0], items[2]])


def test_a_step_of_another_interview_is_refused() -> None:
    items = _items(_versions(1))
    items[1]["partition_key"] = interview_partition_key("user-1", "interview-2")
    with pytest.raises(ValueError, match="a step of"):
        interview_from_items(items)


def _with_change(step: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(change, separators=(",", ":"))
    return {**step, "step": encode_step(text.encode())}


@pytest.mark.parametrize(
    ("breakage", "field"),
    [
        (lambda change: change["answers"][0].update(feedback={"score": 11}), "feedback.score"),
        (lambda change: change["answers"][0].update(graded=True), "graded"),
        (lambda change: change["questions"][0].pop("text"), "text"),
        (lambda change: change.update(report={"overall_score": 50}), "report"),
    ],
)
def test_a_step_whose_change_is_not_valid_is_refused_naming_the_field(
    breakage: Callable[[dict[str, Any]], object], field: str
) -> None:
    # Given a step whose stored change was altered into something the models refuse
    whole, step = _items(_versions(1))
    change = json.loads(decode_step(step["step"]))
    breakage(change)
    # When it is folded, then it is refused, naming what is wrong
    with pytest.raises(ValidationError, match=re.escape(field)):
        interview_from_items([whole, _with_change(step, change)])


def test_steps_fold_onto_a_whole_version_of_the_old_shape() -> None:
    # Given an interview stored before steps: every version whole, the latest with index keys
    versions = _versions(3)
    legacy = interview_to_item(versions[2])
    legacy["gsi1_partition_key"] = "USER#user-1"
    legacy["gsi1_sort_key"] = "2026-11-30T12:00:00.000000Z#interview-1"
    # When a step follows it
    step = step_to_item(versions[2], versions[3])
    assert step is not None
    # Then the fold starts from the whole version
    assert interview_from_items([legacy, step]) == versions[3]


# -- idempotency records ---------------------------------------------------------------------

RECORD = idempotency_record(next_version(new_interview()))


def test_an_idempotency_record_points_at_its_version_and_round_trips() -> None:
    item = idempotency_to_item(RECORD)
    assert item["version_updated_at"] == format_timestamp(RECORD.version_updated_at)
    assert "response_body" not in item
    assert idempotency_from_item(item) == RECORD


def test_a_record_that_holds_its_response_points_at_the_version_in_it() -> None:
    # Given a record of the old shape, which held the response instead of pointing at a version
    item = idempotency_to_item(RECORD)
    del item["version_updated_at"]
    item["response_body"] = json.dumps(
        {"feedback": {}, "interview": {"updated_at": format_timestamp(RECORD.version_updated_at)}}
    )
    # When it is read
    # Then it points at the version its response was of
    assert idempotency_from_item(item) == RECORD
