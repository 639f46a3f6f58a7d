"""The API's logic: one method per route, over the store and the coach. No AWS SDK here."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from tucoach_interviews.errors import IdempotencyKeyReused, ReportNotReady, StaleVersion
from tucoach_interviews.practice_plan import LIST_SCAN, PLAN_INTERVIEWS, practice_plan
from tucoach_interviews.schemas import (
    AnswerRequest,
    AnswerResponse,
    Catalog,
    CatalogCell,
    CreateInterviewRequest,
    InterviewList,
    InterviewView,
    PracticePlan,
    RatingRequest,
    RatingState,
    RatingView,
    SkipRequest,
)
from tucoach_interviews.store import InterviewStore, QuotaStore
from tucoach_models import (
    ConflictError,
    DailyQuota,
    FeedbackRating,
    IdempotencyRecord,
    Interview,
    InterviewStatus,
    MadeRequest,
    QuotaExceededError,
    Report,
    Role,
    Seniority,
)

if TYPE_CHECKING:
    from tucoach_coach import Interviewer

# How many recent interviews' questions a new interview avoids.
RECENT_INTERVIEWS = 5


@dataclass(frozen=True)
class AnswerOutcome:
    response: AnswerResponse
    replayed: bool


@dataclass(frozen=True)
class InterviewService:
    store: InterviewStore
    interviewer: Interviewer
    clock: Callable[[], datetime]
    new_id: Callable[[], str]
    quotas: QuotaStore
    daily_limits: Mapping[DailyQuota, int]

    def create(self, user_id: str, request: CreateInterviewRequest) -> InterviewView:
        now = self.clock()
        self._take(user_id, DailyQuota.INTERVIEWS, now)
        recent = self.store.list_interviews(user_id, RECENT_INTERVIEWS, None).items
        interview = self.interviewer.start(
            user_id=user_id,
            interview_id=self.new_id(),
            role=request.role,
            seniority=request.seniority,
            question_count=request.question_count,
            avoided_question_ids=tuple(q for s in recent for q in s.question_ids),
            focus_topics=request.focus_topics,
            now=now,
        )
        self.store.create(interview)
        return InterviewView.of(interview)

    def list(self, user_id: str, limit: int, next_token: str | None) -> InterviewList:
        return InterviewList.of(self.store.list_interviews(user_id, limit, next_token))

    def get(self, user_id: str, interview_id: str) -> InterviewView:
        return InterviewView.of(self.store.get_latest(user_id, interview_id))

    def versions(
        self, user_id: str, interview_id: str, limit: int, next_token: str | None
    ) -> InterviewList:
        return InterviewList.of(self.store.list_versions(user_id, interview_id, limit, next_token))

    def answer(
        self,
        user_id: str,
        interview_id: str,
        request: AnswerRequest,
        idempotency_key: str | None,
    ) -> AnswerOutcome:
        """Scores the answer and stores the new version, once per Idempotency-Key.

        When this container kept the interview waiting for this very answer, the answer is
        appended on that version without a read (ADR 0013). If that is refused (another
        container moved the interview on, or the quota is spent), the answer goes as if nothing
        were kept: read, then replayed or answered on what the read finds, without taking a
        second unit."""
        fingerprint = _fingerprint(interview_id, request)
        kept = self.store.get_kept(user_id, interview_id, idempotency_key)
        charged = False
        if kept is not None and _waits_for(kept, request):
            try:
                response = self._answer(kept, request, idempotency_key, fingerprint, charge=True)
                return AnswerOutcome(response, replayed=False)
            except ConflictError:
                charged = True  # the unit was taken before the answer was scored
            except QuotaExceededError:
                # No unit was taken. What the read finds decides, in a read's order: a replay,
                # another refusal (the interview deleted, the version stale), or this one again.
                charged = False
        previous, made = self._read(user_id, interview_id, idempotency_key)
        if made is not None:
            return _replay(made, fingerprint)
        try:
            response = self._answer(
                previous, request, idempotency_key, fingerprint, charge=not charged
            )
        except ConflictError:
            # A twin request with the same key may have won the race (this one then saw the
            # question answered, or lost the write): its response is this request's too.
            if idempotency_key is None:
                raise
            _, made = self._read(user_id, interview_id, idempotency_key)
            if made is None:
                raise
            return _replay(made, fingerprint)
        return AnswerOutcome(response, replayed=False)

    def _read(
        self, user_id: str, interview_id: str, idempotency_key: str | None
    ) -> tuple[Interview, MadeRequest | None]:
        """The latest version, and the request made with this key with the version it produced,
        if one was (one read: versions carry the key of the request that made them)."""
        if idempotency_key is None:
            return self.store.get_latest(user_id, interview_id), None
        return self.store.get_latest_and_request(user_id, interview_id, idempotency_key)

    def _answer(
        self,
        previous: Interview,
        request: AnswerRequest,
        idempotency_key: str | None,
        fingerprint: str,
        *,
        charge: bool,
    ) -> AnswerResponse:
        _check_expected(previous, request.expected_version)
        now = self.clock()
        # Scoring is what costs (an LLM call), so a unit is taken once the answer is known to
        # be for this interview's current state (as read, or as this container kept it), and
        # before it is scored.
        if charge:
            self._take(previous.user_id, DailyQuota.ANSWERS, now)
        new = self.interviewer.answer(
            previous, question_id=request.question_id, text=request.answer, now=now
        )
        record = (
            IdempotencyRecord(
                user_id=previous.user_id,
                key=idempotency_key,
                interview_id=previous.interview_id,
                request_hash=fingerprint,
                status_code=200,
                version_updated_at=new.updated_at,
                created_at=now,
            )
            if idempotency_key is not None
            else None
        )
        self.store.append_version(previous, new, idempotency=record)
        return _answer_response(new)

    def _take(self, user_id: str, quota: DailyQuota, now: datetime) -> None:
        self.quotas.consume(user_id, quota, self.daily_limits[quota], now)

    def skip(self, user_id: str, interview_id: str, request: SkipRequest) -> AnswerResponse:
        """Skips the waiting follow-up or retry (recorded, not scored) and moves on."""
        previous = self._latest(user_id, interview_id, request.expected_version)
        new = self.interviewer.skip_follow_up(
            previous, question_id=request.question_id, now=self.clock()
        )
        self.store.append_version(previous, new)
        return _answer_response(new)

    def _latest(self, user_id: str, interview_id: str, expected_version: int | None) -> Interview:
        """The latest version, if it is the one the client expects (when it says which)."""
        latest = self.store.get_latest(user_id, interview_id)
        _check_expected(latest, expected_version)
        return latest

    def complete(self, user_id: str, interview_id: str) -> InterviewView:
        """Finishes the interview, early too (after one answer at least): the report then
        says what was left out. The finished interview is returned whole, with its report,
        which is all a report page shows."""
        previous = self.store.get_latest(user_id, interview_id)
        completed = self.interviewer.complete(previous, now=self.clock())
        self.store.append_version(previous, completed)
        return InterviewView.of(completed)

    def report(self, user_id: str, interview_id: str) -> Report:
        return _report_of(self.store.get_latest(user_id, interview_id))

    def rate(self, user_id: str, interview_id: str, request: RatingRequest) -> RatingView:
        self.store.check_exists(user_id, interview_id)  # only the owner may rate it
        rating = FeedbackRating(
            user_id=user_id,
            interview_id=interview_id,
            helpful=request.helpful,
            comment=request.comment,
            rated_at=self.clock(),
        )
        self.store.put_rating(rating)
        return RatingView.of(rating)

    def rating(self, user_id: str, interview_id: str) -> RatingState:
        self.store.check_exists(user_id, interview_id)  # only the owner may read it
        rating = self.store.get_rating(user_id, interview_id)
        return RatingState(rating=RatingView.of(rating) if rating else None)

    def practice_plan(self, user_id: str) -> PracticePlan:
        listed = self.store.list_interviews(user_id, LIST_SCAN, None).items
        finished = [s for s in listed if s.status is InterviewStatus.COMPLETED][:PLAN_INTERVIEWS]
        return practice_plan([self.store.get_latest(user_id, s.interview_id) for s in finished])

    def delete(self, user_id: str, interview_id: str) -> None:
        self.store.delete(user_id, interview_id)

    @cached_property
    def catalog_json(self) -> str:
        """GET /catalog's body, what can be practised. The bank is fixed for the life of the
        service (a container), so the catalog is built and serialised once, not per request."""
        bank = self.interviewer.bank
        return Catalog(
            roles=tuple(Role),
            seniorities=tuple(Seniority),
            cells=tuple(
                CatalogCell(
                    role=role,
                    seniority=seniority,
                    question_count=len(bank.questions(role, seniority)),
                    topics=bank.topics(role, seniority),
                )
                for role in Role
                for seniority in Seniority
            ),
        ).model_dump_json()


def _replay(made: MadeRequest, fingerprint: str) -> AnswerOutcome:
    if made.record.request_hash != fingerprint:
        raise IdempotencyKeyReused
    # The response is rebuilt from the version the request produced, as it first was.
    return AnswerOutcome(_answer_response(made.version), replayed=True)


def _waits_for(interview: Interview, request: AnswerRequest) -> bool:
    """Whether `interview` waits for this answer: a test, not `_check_expected`'s or the coach's
    refusals, so that an answer on a version kept is tried only where nothing can refuse it
    before its unit of the quota is taken."""
    current = interview.current_question
    return (
        current is not None
        and current.question_id == request.question_id
        and request.expected_version in (None, interview.version)
    )


def _check_expected(latest: Interview, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != latest.version:
        raise StaleVersion(expected_version, latest.version)


def _report_of(interview: Interview) -> Report:
    if interview.status is not InterviewStatus.COMPLETED or interview.report is None:
        raise ReportNotReady
    return interview.report


def _answer_response(interview: Interview) -> AnswerResponse:
    return AnswerResponse.of(interview)


def _fingerprint(interview_id: str, request: AnswerRequest) -> str:
    canonical = json.dumps(
        {"interview_id": interview_id, **request.model_dump(mode="json")}, sort_keys=True
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
