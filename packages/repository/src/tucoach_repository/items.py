"""Every item kind of the table and its mapping to and from the domain: interview versions,
interview summaries, ratings and idempotency records. The only place that knows how a domain
object is stored.

    interview version   partition_key = USER#{user_id}#INTERVIEW#{interview_id}
                        sort_key      = the version's updated_at (fixed-width ISO-8601 UTC)
                        record_type   = INTERVIEW (the whole interview) or INTERVIEW_STEP (what
                                        changed since the version before)
    interview summary   partition_key = the interview's; sort_key = SUMMARY; the index keys
    idempotency record  partition_key = the interview's (written before 2026-12-02 only)
                        sort_key      = IDEMPOTENCY#{key}; expires_at = epoch seconds (TTL)
    rating              partition_key = USER#{user_id}#RATING#{interview_id}
                        sort_key      = rated_at

Each item carries `record_type` and the object's own attributes. Items are plain Python values
as boto3's TypeSerializer takes them (numbers as Decimal, binary as bytes or boto3's Binary).

A version is stored whole (INTERVIEW: the first version, a change a step cannot express, and every
version stored before steps existed) or as a step (INTERVIEW_STEP): the questions asked and the
answers given since the version before, and the status and report, compressed, with what a
version history shows of it. A version appended after another names it (`previous_version`),
and one a request with an Idempotency-Key made carries the key and the request's hash (ADR
0010). Reading folds the steps since the last whole version onto it (`interview_from_items`).

Version timestamps start with a digit, and `I` (records) and `S` (summary) sort after every
digit, so version queries can bound their sort key; reading an interview's partition reads its
summary too, which names the latest version.
"""

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any, Literal, NotRequired, Self, TypedDict

from boto3.dynamodb.types import Binary
from pydantic import BaseModel, ConfigDict, TypeAdapter, field_validator, model_validator

from tucoach_models import (
    Answer,
    AskedQuestion,
    FeedbackRating,
    IdempotencyRecord,
    Interview,
    InterviewStatus,
    InterviewSummary,
    Report,
    format_timestamp,
    parse_timestamp,
)
from tucoach_repository.schema import (
    ANSWERED_COUNT,
    OVERALL_SCORE,
    PARTITION_KEY,
    PREVIOUS_VERSION,
    RECORD_TYPE,
    REQUEST_HASH,
    REQUEST_KEY,
    SORT_KEY,
    SUMMARY_SORT_KEY,
    TIME_TO_LIVE_ATTRIBUTE,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    idempotency_sort_key,
    interview_partition_key,
    parse_interview_partition_key,
    rating_partition_key,
    user_interviews_partition_key,
    user_interviews_sort_key,
)
from tucoach_repository.step_codec import decode_step, encode_step

Item = dict[str, Any]

# A step's change, compressed (compact JSON, deflated with a preset dictionary: step_codec.py):
# answers and feedback are prose, which deflate shrinks to about half, and the dictionary holds
# the keys and the coach's template sentences every step repeats.
STEP = "step"
# What no step changes: a change of any of these is stored as a whole version.
FIXED_FIELDS = (
    "user_id",
    "interview_id",
    "role",
    "seniority",
    "question_count",
    "created_at",
    "avoided_question_ids",
)


class RecordType(StrEnum):
    """The `record_type` attribute that tells the item kinds of the single table apart."""

    INTERVIEW = "INTERVIEW"
    INTERVIEW_STEP = "INTERVIEW_STEP"
    INTERVIEW_SUMMARY = "INTERVIEW_SUMMARY"
    RATING = "RATING"
    IDEMPOTENCY = "IDEMPOTENCY"
    QUOTA = "QUOTA"


# -- interview versions ----------------------------------------------------------------------


class _InterviewItem(Interview):
    """A whole interview version with its table keys; validates that keys and attributes agree."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.INTERVIEW]

    @field_validator("partition_key")
    @classmethod
    def _partition_key_shape(cls, value: str) -> str:
        parse_interview_partition_key(value)
        return value

    @field_validator("sort_key")
    @classmethod
    def _sort_key_shape(cls, value: str) -> str:
        parse_timestamp(value)
        return value

    @model_validator(mode="after")
    def _keys_match_attributes(self) -> Self:
        expected_partition_key = interview_partition_key(self.user_id, self.interview_id)
        if self.partition_key != expected_partition_key:
            raise ValueError(
                f"partition_key {self.partition_key!r} does not match user_id and interview_id "
                f"(expected {expected_partition_key!r})"
            )
        if self.sort_key != format_timestamp(self.updated_at):
            raise ValueError(
                f"sort_key {self.sort_key!r} is not this version's updated_at "
                f"{format_timestamp(self.updated_at)!r}"
            )
        return self


class _StepItem(BaseModel):
    """A version stored as the change from the version before it."""

    # Built at its first read, as the domain models are (a cold start imports every model).
    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.INTERVIEW_STEP]
    version: int
    status: InterviewStatus
    step: bytes

    @field_validator("step", mode="before")
    @classmethod
    def _binary_as_bytes(cls, value: object) -> object:
        # boto3 reads binary as its Binary wrapper (whose stub mistypes __bytes__ as str).
        return value.__bytes__() if isinstance(value, Binary) else value

    @property
    def updated_at(self) -> datetime:
        # The sort key is the version's time (steps written before 2026-12-02 carried it twice).
        return parse_timestamp(self.sort_key)

    def change(self) -> "_Change":
        # Parsed and validated in one pass, into the models an interview holds.
        return _changes().validate_json(decode_step(self.step))


class _Change(TypedDict):
    """What a step holds: the questions asked and the answers given since the version before,
    and the report when it came with this version."""

    questions: list[AskedQuestion]
    answers: list[Answer]
    report: NotRequired[Report | None]


@cache
def _changes() -> TypeAdapter[_Change]:
    # Built at the first read, not when the function's modules load (a cold start's time).
    return TypeAdapter(_Change)


def interview_to_item(interview: Interview, previous: Interview | None = None) -> Item:
    """The item that stores this interview version whole; appended after `previous`, it names
    that version (`previous_version`), as a step does."""
    document = interview.model_dump(mode="json", exclude_none=True)
    document[PARTITION_KEY] = interview_partition_key(interview.user_id, interview.interview_id)
    document[SORT_KEY] = format_timestamp(interview.updated_at)
    document[RECORD_TYPE] = RecordType.INTERVIEW.value
    # What a version history shows of it, without reading the answers; derived from the
    # interview, so folding ignores them. The ids of the questions asked are the summary item's.
    summary = InterviewSummary.of(interview)
    document[ANSWERED_COUNT] = summary.answered_count
    if summary.overall_score is not None:
        document[OVERALL_SCORE] = summary.overall_score
    if previous is not None:
        document[PREVIOUS_VERSION] = format_timestamp(previous.updated_at)
    converted: Item = _floats_to_decimals(document)
    return converted


def step_to_item(
    previous: Interview, new: Interview, request: IdempotencyRecord | None = None
) -> Item | None:
    """The item that stores `new` as the change from `previous`: the questions asked and the
    answers given since, the status and a new report, the version it follows, and the
    Idempotency-Key of the `request` that made it. None when the change is anything more (then
    `new` is stored whole)."""
    asked, answered = len(previous.questions), len(previous.answers)
    if (
        any(getattr(previous, name) != getattr(new, name) for name in FIXED_FIELDS)
        or new.questions[:asked] != previous.questions
        or new.answers[:answered] != previous.answers
        or (previous.report is not None and new.report != previous.report)
    ):
        return None
    change: Item = {
        "questions": [q.model_dump(mode="json", exclude_none=True) for q in new.questions[asked:]],
        "answers": [a.model_dump(mode="json", exclude_none=True) for a in new.answers[answered:]],
    }
    if new.report is not None and previous.report is None:
        change["report"] = new.report.model_dump(mode="json", exclude_none=True)
    text = json.dumps(change, separators=(",", ":"), ensure_ascii=False)
    # What a version history shows of a step and the interview's fixed fields do not repeat in
    # every step (the summary item has them): each attribute is bytes of every write unit.
    summary = InterviewSummary.of(new)
    document: Item = {
        PARTITION_KEY: interview_partition_key(new.user_id, new.interview_id),
        SORT_KEY: format_timestamp(new.updated_at),
        RECORD_TYPE: RecordType.INTERVIEW_STEP.value,
        "version": new.version,
        "status": new.status.value,
        ANSWERED_COUNT: summary.answered_count,
        PREVIOUS_VERSION: format_timestamp(previous.updated_at),
        STEP: encode_step(text.encode("utf-8")),
    }
    if summary.overall_score is not None:
        document[OVERALL_SCORE] = summary.overall_score
    if request is not None:
        document[REQUEST_KEY] = request.key
        document[REQUEST_HASH] = request.request_hash
    converted: Item = _floats_to_decimals(document)
    return converted


def request_of_item(item: Item) -> IdempotencyRecord | None:
    """The Idempotency-Key request that made a version item, if one did."""
    if REQUEST_KEY not in item:
        return None
    user_id, interview_id = parse_interview_partition_key(item[PARTITION_KEY])
    made_at = parse_timestamp(item[SORT_KEY])
    return IdempotencyRecord(
        user_id=user_id,
        key=item[REQUEST_KEY],
        interview_id=interview_id,
        request_hash=item[REQUEST_HASH],
        status_code=200,
        version_updated_at=made_at,
        created_at=made_at,
    )


# What reading an interview's partition asks for (reads.py): what `interview_from_items` reads of
# a version item, whole or step (not the summary a whole version also carries for lists), the
# version each version follows, the request that made it, whether a version stored before
# summary items is the one the index lists, what a version history shows, and the idempotency
# records stored before versions carried their keys.
READ_ATTRIBUTES = tuple(
    dict.fromkeys(
        (
            PARTITION_KEY,
            SORT_KEY,
            RECORD_TYPE,
            STEP,
            *Interview.model_fields,
            PREVIOUS_VERSION,
            REQUEST_KEY,
            REQUEST_HASH,
            USER_INTERVIEWS_PARTITION_KEY,
            ANSWERED_COUNT,
            OVERALL_SCORE,
            *IdempotencyRecord.model_fields,
            "response_body",
        )
    )
)


def interview_from_item(item: Item) -> Interview:
    """The interview version an item stores whole; a malformed item raises ValidationError."""
    return interview_from_items([item])


def interview_from_items(items: Sequence[Item]) -> Interview:
    """The version the last of `items` stores: the first is a whole version, each after it a
    step from the one before. A gap or another interview's item raises ValueError."""
    first, *steps = items
    whole = _InterviewItem.model_validate(first)
    return _after_steps(whole.partition_key, whole, steps)


def interview_after_steps(base: Interview, steps: Sequence[Item]) -> Interview:
    """The version the last of `steps` stores: the first is a step from `base`, each after it
    a step from the one before. A gap or another interview's item raises ValueError."""
    return _after_steps(interview_partition_key(base.user_id, base.interview_id), base, steps)


def _after_steps(partition_key: str, base: Interview, steps: Sequence[Item]) -> Interview:
    if not steps and type(base) is Interview:
        return base
    fields = {name: getattr(base, name) for name in Interview.model_fields}
    questions, answers = list(base.questions), list(base.answers)
    for item in steps:
        step = _StepItem.model_validate(item)
        if step.partition_key != partition_key:
            raise ValueError(f"a step of {step.partition_key!r} in {partition_key!r}")
        if step.version != fields["version"] + 1:
            raise ValueError(f"version {step.version} does not follow {fields['version']}")
        change = step.change()
        questions.extend(change["questions"])
        answers.extend(change["answers"])
        if "report" in change:
            fields["report"] = change["report"]
        fields.update(version=step.version, status=step.status, updated_at=step.updated_at)
    # Each question and answer was validated as it was read; validating the interview keeps
    # them as they are and checks its own fields and invariants (as Interview.revised does).
    return Interview.model_validate(
        {**fields, "questions": tuple(questions), "answers": tuple(answers)}
    )


def summary_to_item(interview: Interview) -> Item:
    """The interview's summary item: what its list entry shows, and the index keys."""
    document = _summary_attributes(interview)
    document[SORT_KEY] = SUMMARY_SORT_KEY
    document[RECORD_TYPE] = RecordType.INTERVIEW_SUMMARY.value
    document[USER_INTERVIEWS_PARTITION_KEY] = user_interviews_partition_key(interview.user_id)
    document[USER_INTERVIEWS_SORT_KEY] = user_interviews_sort_key(
        interview.created_at, interview.interview_id
    )
    return document


def summary_from_item(item: Item) -> InterviewSummary:
    """The summary an item (a version, a summary item, or an index projection of either)
    stores."""
    return InterviewSummary.model_validate(item)


def _summary_attributes(interview: Interview) -> Item:
    document = InterviewSummary.of(interview).model_dump(mode="json", exclude_none=True)
    document[PARTITION_KEY] = interview_partition_key(interview.user_id, interview.interview_id)
    return document


# -- ratings ---------------------------------------------------------------------------------


class _RatingItem(FeedbackRating):
    model_config = ConfigDict(frozen=True, extra="forbid")

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.RATING]

    @model_validator(mode="after")
    def _keys_match_attributes(self) -> Self:
        if self.partition_key != rating_partition_key(self.user_id, self.interview_id):
            raise ValueError("partition_key does not match user_id and interview_id")
        if self.sort_key != format_timestamp(self.rated_at):
            raise ValueError("sort_key is not the rating's rated_at")
        return self


def rating_to_item(rating: FeedbackRating) -> Item:
    document = rating.model_dump(mode="json", exclude_none=True)
    document[PARTITION_KEY] = rating_partition_key(rating.user_id, rating.interview_id)
    document[SORT_KEY] = format_timestamp(rating.rated_at)
    document[RECORD_TYPE] = RecordType.RATING.value
    return document


def rating_from_item(item: Item) -> FeedbackRating:
    """The rating an item stores; a malformed item raises pydantic's ValidationError."""
    stored = _RatingItem.model_validate(item)
    return FeedbackRating.model_validate(
        stored.model_dump(exclude={PARTITION_KEY, SORT_KEY, RECORD_TYPE})
    )


# -- idempotency records ---------------------------------------------------------------------


class _IdempotencyItem(IdempotencyRecord):
    model_config = ConfigDict(frozen=True, extra="ignore")

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.IDEMPOTENCY]

    @model_validator(mode="before")
    @classmethod
    def _version_of_a_record_holding_its_response(cls, data: Any) -> Any:
        # Records written before they pointed at their version held the response itself, whose
        # `interview.updated_at` is that version's (they expire 24 hours after they were made).
        if isinstance(data, dict) and "version_updated_at" not in data and "response_body" in data:
            body = json.loads(data["response_body"])
            return {**data, "version_updated_at": body["interview"]["updated_at"]}
        return data

    @model_validator(mode="after")
    def _keys_match_attributes(self) -> Self:
        if self.partition_key != interview_partition_key(self.user_id, self.interview_id):
            raise ValueError("partition_key does not match user_id and interview_id")
        if self.sort_key != idempotency_sort_key(self.key):
            raise ValueError("sort_key does not match the idempotency key")
        return self


def idempotency_from_item(item: Item) -> IdempotencyRecord:
    stored = _IdempotencyItem.model_validate(item)
    return IdempotencyRecord.model_validate(
        stored.model_dump(exclude={PARTITION_KEY, SORT_KEY, RECORD_TYPE, TIME_TO_LIVE_ATTRIBUTE})
    )


def _floats_to_decimals(value: Any) -> Any:
    # DynamoDB numbers are decimals; boto3 refuses floats. repr() is the shortest text that
    # reads back as the same float, so the round trip is exact.
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {key: _floats_to_decimals(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_floats_to_decimals(item) for item in value]
    return value
