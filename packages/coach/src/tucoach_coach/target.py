"""What an answer is scored against: a bank question, or one of its follow-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from tucoach_coach.bank import (
    BankQuestion,
    FollowUp,
    QuestionBank,
    RedFlag,
    TalkingPoint,
    load_bank,
)
from tucoach_coach.language import contains_phrase, content_words, stems, words
from tucoach_coach.matching import BankVocabulary, PhraseIndex, bank_vocabulary, question_phrases
from tucoach_coach.statements import states_a_denial

FOLLOW_UP_SEPARATOR = "~"


@dataclass(frozen=True)
class ScoringTarget:
    question_id: str
    topic: str
    difficulty: int
    question_text: str
    talking_points: tuple[TalkingPoint, ...]
    example_answer: str
    job_terms: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    vocabulary: frozenset[str] = field(default=frozenset(), compare=False)
    # The bank this question belongs to, indexed; None scores the target on its own points only.
    bank: BankVocabulary | None = field(default=None, compare=False, repr=False)
    phrases: PhraseIndex = field(default_factory=lambda: PhraseIndex(()), compare=False, repr=False)
    # Main questions are compared with the rest of the bank, to spot answers to another question.
    compare_with_bank: bool = False

    @classmethod
    def of_question(cls, question: BankQuestion, bank: QuestionBank | None = None) -> ScoringTarget:
        """The target of a main question; `bank` (default: the shipped one) is its context."""
        context = bank_vocabulary(bank if bank is not None else load_bank())
        return cls(
            question_id=question.id,
            topic=question.topic,
            difficulty=question.difficulty,
            question_text=question.text,
            talking_points=question.talking_points,
            example_answer=question.model_answer.strip(),
            job_terms=question.job_terms,
            follow_ups=question.follow_ups,
            red_flags=question.red_flags,
            vocabulary=_vocabulary(question),
            bank=context,
            phrases=PhraseIndex(question_phrases(question, context)),
            compare_with_bank=True,
        )

    @classmethod
    def of_follow_up(
        cls, question: BankQuestion, follow_up: FollowUp, bank: QuestionBank | None = None
    ) -> ScoringTarget:
        """A follow-up is scored on the one talking point it probes (and the red flags)."""
        context = bank_vocabulary(bank if bank is not None else load_bank())
        point = question.talking_point(follow_up.talking_point)
        return cls(
            question_id=follow_up_id(question.id, point.id),
            topic=question.topic,
            difficulty=question.difficulty,
            question_text=follow_up.text,
            talking_points=(point,),
            example_answer=_example_for_point(question, point),
            job_terms=question.job_terms,
            red_flags=question.red_flags,
            vocabulary=_vocabulary(question) | frozenset(stems(follow_up.text)),
            bank=context,
            phrases=PhraseIndex(
                p
                for p in question_phrases(question, context)
                if p.owner_id == point.id or p.owner_id in {f.id for f in question.red_flags}
            ),
        )

    def point(self, point_id: str) -> TalkingPoint:
        return next(p for p in self.talking_points if p.id == point_id)

    def follow_up_on(self, missed_point_ids: tuple[str, ...]) -> str | None:
        """The follow-up of the first missed point that has one."""
        by_point = {f.talking_point: f.text for f in self.follow_ups}
        return next((by_point[i] for i in missed_point_ids if i in by_point), None)

    @cached_property
    def question_stems(self) -> frozenset[str]:
        """The question's own content stems: an answer made of them echoes the question."""
        return frozenset(stems(" ".join(content_words(words(self.question_text)))))

    @cached_property
    def denial_point_ids(self) -> frozenset[str]:
        """Points that themselves deny or protect against something ("JWTs are not
        encrypted", "stops eavesdropping"): a clause that denies their words states them."""
        return frozenset(p.id for p in self.talking_points if states_a_denial(p.point))


def follow_up_id(question_id: str, talking_point_id: str) -> str:
    return f"{question_id}{FOLLOW_UP_SEPARATOR}{talking_point_id}"


def _vocabulary(question: BankQuestion) -> frozenset[str]:
    """The stems an on-topic answer is likely to draw on."""
    texts = [question.text, question.model_answer, *question.job_terms]
    for point in question.talking_points:
        texts.extend([point.point, *point.phrasings])
    texts.extend(f.text for f in question.follow_ups)
    return frozenset(stems(" ".join(content_words(words(" ".join(texts))))))


def _example_for_point(question: BankQuestion, point: TalkingPoint) -> str:
    """The point itself, plus the model answer's sentences that speak of it."""
    phrasings = [stems(p) for p in point.phrasings]
    relevant = [
        sentence
        for sentence in re.split(r"(?<=[.!?])\s+", question.model_answer.strip())
        if any(contains_phrase(stems(sentence), phrase) for phrase in phrasings)
    ]
    return " ".join([f"{point.point}.", *relevant]) if relevant else f"{point.point}."
