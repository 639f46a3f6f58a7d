"""The interview flow: which question comes next, when to follow up, and each new version.

Every step takes an interview version and returns the next one (version + 1); nothing is
stored here. Choices are deterministic for an interview (seeded by its id), so a retried step
asks the same question.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tucoach_coach.bank import BankError, BankQuestion, FollowUp, QuestionBank
from tucoach_coach.engine import FeedbackEngine
from tucoach_coach.errors import (
    InterviewAlreadyCompleted,
    NoQuestionWaiting,
    NotAFollowUp,
    NothingToReport,
    NotTheCurrentQuestion,
    QuestionRetired,
)
from tucoach_coach.offline import FOLLOW_UP_ABOVE
from tucoach_coach.reporting import build_report
from tucoach_coach.target import FOLLOW_UP_SEPARATOR, ScoringTarget, follow_up_id
from tucoach_models import (
    Answer,
    AskedQuestion,
    CoachEngine,
    Feedback,
    Interview,
    InterviewStatus,
    Provenance,
    QuestionKind,
    Role,
    Seniority,
    Unscored,
)

# A main answer below this score gets the follow-up of its first missed point (one at most),
# unless it scored FOLLOW_UP_ABOVE or less or was not scored: then there is nothing to follow.
FOLLOW_UP_BELOW = 8.0
SKIP_PROMPT_VERSION = "skipped-1"
SKIPPED_FOLLOW_UP = "Follow-up skipped: not scored; the main answer's score stands."
SKIPPED_RETRY = "Skipped: the answer before stays as it was, not scored, and counts in no average."
# A main answer at or above this makes the next question harder; below EASIER_BELOW, easier.
HARDER_FROM = 7.5
EASIER_BELOW = 4.0
FIRST_DIFFICULTY = 1


@dataclass(frozen=True)
class Interviewer:
    bank: QuestionBank
    engine: FeedbackEngine
    # Scoring targets by (question id, follow-up point id): building one stems every phrasing
    # and the model answer, so each is built once per interviewer (a container), not per answer.
    _targets: dict[tuple[str, str | None], ScoringTarget] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def start(
        self,
        *,
        user_id: str,
        interview_id: str,
        role: Role,
        seniority: Seniority,
        question_count: int,
        avoided_question_ids: tuple[str, ...] = (),
        focus_topics: tuple[str, ...] = (),
        now: datetime,
    ) -> Interview:
        """Version 1 of a new interview, with its first question asked. One question of each
        of `focus_topics` comes first (recently seen or not), while the cell has them."""
        empty = Interview(
            user_id=user_id,
            interview_id=interview_id,
            role=role,
            seniority=seniority,
            version=1,
            question_count=question_count,
            avoided_question_ids=avoided_question_ids,
            focus_topics=focus_topics,
            created_at=now,
            updated_at=now,
        )
        first = self._next_main_question(empty)
        if first is None:
            raise BankError(f"the bank has no {role}/{seniority} questions")
        return empty.revised(questions=(_asked(first, now),))

    def answer(
        self, interview: Interview, *, question_id: str, text: str, now: datetime
    ) -> Interview:
        """The next version: the answer with its feedback, and the next question if any."""
        current = _waiting(interview, question_id)

        main = self._bank_question(current.follow_up_of or current.question_id)
        target = self._target(main, current)
        feedback = self.engine.feedback(target, text)
        follow_up = (
            self._follow_up_for(main, feedback.follow_up)
            if current.kind is QuestionKind.MAIN
            and feedback.unscored is None
            and FOLLOW_UP_ABOVE < feedback.score < FOLLOW_UP_BELOW
            else None
        )
        feedback = feedback.model_copy(update={"follow_up": follow_up.text if follow_up else None})
        return self._record(
            interview,
            question_id=question_id,
            text=text,
            feedback=feedback,
            main=main,
            follow_up=follow_up,
            # An answer in a language the engine does not read says nothing about the
            # candidate's knowledge: the same question is asked again, to answer in English.
            asked_again=current if feedback.unscored is Unscored.LANGUAGE else None,
            now=now,
        )

    def skip_follow_up(self, interview: Interview, *, question_id: str, now: datetime) -> Interview:
        """The next version: the waiting follow-up, or question asked again, skipped (recorded,
        not scored), and the next question.

        A skipped follow-up counts in no score: the main answer's score stands alone. A skipped
        retry leaves the answer before it as the question's answer, not scored.
        """
        current = _waiting(interview, question_id)
        if current.kind is not QuestionKind.FOLLOW_UP and not current.retry:
            raise NotAFollowUp(question_id)
        main = self._bank_question(current.follow_up_of or current.question_id)
        skipped = Feedback(
            score=0.0,
            unscored=Unscored.SKIPPED,
            improvements=(SKIPPED_RETRY if current.retry else SKIPPED_FOLLOW_UP,),
            provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version=SKIP_PROMPT_VERSION),
        )
        return self._record(
            interview,
            question_id=question_id,
            text="",
            feedback=skipped,
            main=main,
            follow_up=None,
            now=now,
        )

    def _record(
        self,
        interview: Interview,
        *,
        question_id: str,
        text: str,
        feedback: Feedback,
        main: BankQuestion,
        follow_up: FollowUp | None,
        now: datetime,
        asked_again: AskedQuestion | None = None,
    ) -> Interview:
        moment = _after(interview, now)
        # The new version keeps the answers before as they are and checks only what is new,
        # the feedback included: engines adjust theirs with model_copy, which checks nothing.
        answer = Answer.model_validate(
            {
                "question_id": question_id,
                "text": text,
                "answered_at": moment,
                "feedback": feedback.model_dump(),
            }
        )
        answers = (*interview.answers, answer)
        if asked_again is not None:
            next_question: AskedQuestion | None = asked_again.model_copy(
                update={"retry": True, "asked_at": moment}
            )
        elif follow_up is not None:
            next_question = _asked_follow_up(main, follow_up, moment)
        else:
            # Chosen with this answer counted: the next difficulty follows its score.
            chosen = self._next_main_question(interview.model_copy(update={"answers": answers}))
            next_question = _asked(chosen, moment) if chosen else None
        return interview.revised(
            version=interview.version + 1,
            updated_at=moment,
            questions=(*interview.questions, *((next_question,) if next_question else ())),
            answers=answers,
        )

    def complete(self, interview: Interview, *, now: datetime) -> Interview:
        """The next version, completed, with its report."""
        if interview.status is InterviewStatus.COMPLETED:
            raise InterviewAlreadyCompleted
        if not interview.answers:
            raise NothingToReport
        moment = _after(interview, now)
        return interview.revised(
            version=interview.version + 1,
            updated_at=moment,
            status=InterviewStatus.COMPLETED,
            report=build_report(interview, self.bank, moment),
        )

    def _bank_question(self, question_id: str) -> BankQuestion:
        try:
            return self.bank.get(question_id)
        except KeyError:
            raise QuestionRetired(question_id) from None

    def _target(self, main: BankQuestion, asked: AskedQuestion) -> ScoringTarget:
        follow_up = None if asked.kind is QuestionKind.MAIN else self._follow_up_of(main, asked)
        key = (main.id, follow_up.talking_point if follow_up else None)
        if key not in self._targets:
            self._targets[key] = (
                ScoringTarget.of_follow_up(main, follow_up, self.bank)
                if follow_up
                else ScoringTarget.of_question(main, self.bank)
            )
        return self._targets[key]

    def _follow_up_of(self, main: BankQuestion, asked: AskedQuestion) -> FollowUp:
        point_id = asked.question_id.split(FOLLOW_UP_SEPARATOR, 1)[1]
        follow_up = next((f for f in main.follow_ups if f.talking_point == point_id), None)
        if follow_up is None:
            raise QuestionRetired(asked.question_id)
        return follow_up

    @staticmethod
    def _follow_up_for(main: BankQuestion, text: str | None) -> FollowUp | None:
        return next((f for f in main.follow_ups if f.text == text), None) if text else None

    def _next_main_question(self, interview: Interview) -> BankQuestion | None:
        asked_main = [q for q in interview.questions if q.counts_as_main]
        if len(asked_main) >= interview.question_count:
            return None
        asked_ids = {q.question_id for q in asked_main}
        pool = [
            q
            for q in self.bank.questions(interview.role, interview.seniority)
            if q.id not in asked_ids
        ]
        if not pool:
            return None
        target = _target_difficulty(interview)
        avoided = set(interview.avoided_question_ids)
        used_topics = {q.topic for q in asked_main}
        focus = set(interview.focus_topics)

        def preference(question: BankQuestion) -> tuple[bool, bool, bool, int, bytes]:
            tie_break = hashlib.sha256(f"{interview.interview_id}/{question.id}".encode()).digest()
            # A focus topic not asked yet comes first, even through a recently seen question:
            # practising that topic is the point. Then the usual order.
            focus_first = question.topic in focus and question.topic not in used_topics
            return (
                not focus_first,
                question.id in avoided,
                question.topic in used_topics,
                abs(question.difficulty - target),
                tie_break,
            )

        return min(pool, key=preference)


def _waiting(interview: Interview, question_id: str) -> AskedQuestion:
    """The question waiting for an answer, which must be `question_id`."""
    if interview.status is InterviewStatus.COMPLETED:
        raise InterviewAlreadyCompleted
    current = interview.current_question
    if current is None:
        raise NoQuestionWaiting
    if current.question_id != question_id:
        raise NotTheCurrentQuestion(question_id, current.question_id)
    return current


def _target_difficulty(interview: Interview) -> int:
    """Harder after a strong main answer, easier after a weak one."""
    scores = {
        a.question_id: a.feedback.score for a in interview.answers if a.feedback.unscored is None
    }
    answered_main = [q for q in interview.questions if q.counts_as_main and q.question_id in scores]
    if not answered_main:
        return FIRST_DIFFICULTY
    last = answered_main[-1]
    score = scores[last.question_id]
    step = 1 if score >= HARDER_FROM else -1 if score < EASIER_BELOW else 0
    return min(3, max(1, last.difficulty + step))


def _after(interview: Interview, now: datetime) -> datetime:
    """A version time after the previous one, even if clocks tie or step back."""
    return max(now, interview.updated_at + timedelta(microseconds=1))


def _asked(question: BankQuestion, moment: datetime) -> AskedQuestion:
    return AskedQuestion(
        question_id=question.id,
        kind=QuestionKind.MAIN,
        topic=question.topic,
        difficulty=question.difficulty,
        text=question.text,
        asked_at=moment,
    )


def _asked_follow_up(main: BankQuestion, follow_up: FollowUp, moment: datetime) -> AskedQuestion:
    return AskedQuestion(
        question_id=follow_up_id(main.id, follow_up.talking_point),
        kind=QuestionKind.FOLLOW_UP,
        follow_up_of=main.id,
        topic=main.topic,
        difficulty=main.difficulty,
        text=follow_up.text,
        asked_at=moment,
    )
