"""What an answer is scored against: a bank question, or one of its follow-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tucoach_coach.bank import BankQuestion, FollowUp, RedFlag, TalkingPoint
from tucoach_coach.language import contains_phrase, content_words, stems, words

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

    @classmethod
    def of_question(cls, question: BankQuestion) -> ScoringTarget:
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
        )

    @classmethod
    def of_follow_up(cls, question: BankQuestion, follow_up: FollowUp) -> ScoringTarget:
        """A follow-up is scored on the one talking point it probes."""
        point = question.talking_point(follow_up.talking_point)
        return cls(
            question_id=follow_up_id(question.id, point.id),
            topic=question.topic,
            difficulty=question.difficulty,
            question_text=follow_up.text,
            talking_points=(point,),
            example_answer=_example_for_point(question, point),
            job_terms=question.job_terms,
            # A follow-up answer can state the question's misconceptions as well as the main one.
            red_flags=question.red_flags,
            vocabulary=_vocabulary(question) | frozenset(stems(follow_up.text)),
        )


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
