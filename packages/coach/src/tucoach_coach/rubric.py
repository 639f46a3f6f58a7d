"""The offline rubric: an answer's score, 0 to 10, and why.

    coverage  0-6  share of the question's talking points the answer covers
    depth     0-2  specifics: an example, the reasoning, trade-offs, numbers or job terms
    clarity   0-2  full sentences of sensible length, no repetition, a sensible overall length

Then caps, so gaming does not pay: no answer or an evasive one scores at most 0.5; a question
echoed back or off-topic text at most 1; a salad of keywords without sentences at most 1.5;
very short or repetitive text at most 2; long padding at most 3. Listing terms without
explaining them earns only part of their coverage. Pure and deterministic: the same answer to
the same target always gets the same assessment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from tucoach_coach.language import (
    STOP_WORDS,
    contains_phrase,
    content_words,
    distinct_ratio,
    phrase_starts,
    sentences,
    stems,
    words,
)
from tucoach_coach.target import ScoringTarget

COVERAGE_MAX = 6.0
DEPTH_MAX = 2.0
CLARITY_MAX = 2.0

# A real explanation spends several content words per point it makes.
CONTENT_WORDS_PER_POINT = 6
SALAD_STOP_WORD_RATIO = 0.15
# Prose explains the terms it uses; a salad is mostly the terms themselves, or fragments.
SALAD_PHRASE_SHARE = 0.6
FRAGMENT_WORDS = 3
ECHO_SHARE = 0.75
OFF_TOPIC_RELEVANCE = 0.2
FULLY_RELEVANT = 0.3
REPETITION_DISTINCT_RATIO = 0.5
MIN_CONTENT_WORDS = 8
LONG_ANSWER_WORDS = 450

_EVASIVE = re.compile(
    r"\b(i\s*(do\s*n[o']?t|dont)\s*know|idk|no\s+idea|not\s+sure|no\s+clue|pass|skip|"
    r"next( question)?|whatever|n/?a|nothing|fine|ok(ay)?|good|yes|no)\b",
    re.IGNORECASE,
)
_EXAMPLE_MARKERS = (
    "for example",
    "for instance",
    "e g",
    "such as",
    "in my last",
    "in my previous",
    "in my current",
    "we had",
    "at my",
    "in production",
    "in practice",
    "i once",
    "our team",
    "we used",
    "imagine",
    "say we",
)
_REASONING_MARKERS = (
    "because",
    "so that",
    "which means",
    "therefore",
    "since",
    "as a result",
    "the reason",
    "this means",
    "that way",
    "otherwise",
    "in order to",
    "so the",
    "so we",
    "so you",
    "that is why",
)
_TRADE_OFF_MARKERS = (
    "trade off",
    "tradeoff",
    "however",
    "downside",
    "on the other hand",
    "the cost",
    "at the cost",
    "instead",
    "it depends",
    "depends on",
    "whereas",
    "drawback",
    "but",
    "risk",
    "versus",
    "vs",
)


class Cap(StrEnum):
    """Why a score was held down, each with its ceiling."""

    NO_ANSWER = "no_answer"
    EVASIVE = "evasive"
    ECHO = "echo"
    OFF_TOPIC = "off_topic"
    KEYWORD_SALAD = "keyword_salad"
    TOO_SHORT = "too_short"
    REPETITIVE = "repetitive"
    PADDED = "padded"

    @property
    def ceiling(self) -> float:
        return _CEILINGS[self]


_CEILINGS = {
    Cap.NO_ANSWER: 0.0,
    Cap.EVASIVE: 0.5,
    Cap.ECHO: 1.0,
    Cap.OFF_TOPIC: 1.0,
    Cap.KEYWORD_SALAD: 1.5,
    Cap.TOO_SHORT: 2.0,
    Cap.REPETITIVE: 2.0,
    Cap.PADDED: 3.0,
}


@dataclass(frozen=True)
class Assessment:
    score: float
    coverage: float
    depth: float
    clarity: float
    covered_point_ids: tuple[str, ...]
    missed_point_ids: tuple[str, ...]
    job_terms_used: tuple[str, ...]
    has_example: bool
    has_reasoning: bool
    has_trade_offs: bool
    listed_without_explaining: bool
    caps: tuple[Cap, ...]
    word_count: int


def assess(target: ScoringTarget, answer: str) -> Assessment:
    tokens = words(answer)
    answer_stems = stems(answer)
    content = content_words(tokens)
    covered = tuple(
        point.id
        for point in target.talking_points
        if any(contains_phrase(answer_stems, stems(p)) for p in point.phrasings)
    )
    missed = tuple(p.id for p in target.talking_points if p.id not in covered)
    job_terms = tuple(t for t in target.job_terms if contains_phrase(answer_stems, stems(t)))

    has_example = _has_any(answer_stems, _EXAMPLE_MARKERS)
    has_reasoning = _has_any(answer_stems, _REASONING_MARKERS)
    has_trade_offs = _has_any(answer_stems, _TRADE_OFF_MARKERS)
    has_specifics = any(t.isdigit() for t in tokens) or len(job_terms) >= 2

    coverage = COVERAGE_MAX * len(covered) / len(target.talking_points)
    listed = len(covered) >= 2 and len(content) < CONTENT_WORDS_PER_POINT * len(covered)
    if listed:
        coverage *= len(content) / (CONTENT_WORDS_PER_POINT * len(covered))

    signals = sum((has_example, has_reasoning, has_trade_offs, has_specifics))
    depth = DEPTH_MAX * min(1.0, signals / 3)
    if not covered:
        depth *= 0.25

    clarity = _clarity(answer, tokens)
    relevance = _relevance(target, content)
    caps = _caps(
        target=target,
        answer=answer,
        tokens=tokens,
        content=content,
        covered=covered,
        relevance=relevance,
    )
    ceiling = min((c.ceiling for c in caps), default=10.0)
    # Between the off-topic line and FULLY_RELEVANT, credit grows with the on-topic share, so a
    # long unrelated answer that happens to use a phrase or two earns little for it.
    on_topic = min(1.0, max(0.5, relevance / FULLY_RELEVANT))
    score = round(min(ceiling, (coverage + depth + clarity) * on_topic), 1)
    return Assessment(
        score=score,
        coverage=round(coverage, 2),
        depth=round(depth, 2),
        clarity=round(clarity, 2),
        covered_point_ids=covered,
        missed_point_ids=missed,
        job_terms_used=job_terms,
        has_example=has_example,
        has_reasoning=has_reasoning,
        has_trade_offs=has_trade_offs,
        listed_without_explaining=listed,
        caps=caps,
        word_count=len(tokens),
    )


def _has_any(answer_stems: list[str], markers: tuple[str, ...]) -> bool:
    return any(contains_phrase(answer_stems, stems(m)) for m in markers)


def _clarity(answer: str, tokens: list[str]) -> float:
    if not tokens:
        return 0.0
    parts = sentences(answer)
    clarity = 0.0
    clarity += 0.5 if len(parts) >= 2 else (0.25 if len(tokens) >= 15 else 0.0)
    average = len(tokens) / max(1, len(parts))
    clarity += 0.5 if 6 <= average <= 40 else 0.0
    variety = distinct_ratio(tokens)
    clarity += 0.5 * min(1.0, max(0.0, (variety - 0.5) / 0.35))
    if 35 <= len(tokens) <= LONG_ANSWER_WORDS:
        clarity += 0.5
    elif 15 <= len(tokens) < 35 or LONG_ANSWER_WORDS < len(tokens) <= 700:
        clarity += 0.25
    return min(CLARITY_MAX, clarity)


def _is_salad(target: ScoringTarget, answer: str, tokens: list[str]) -> bool:
    if sum(t in STOP_WORDS for t in tokens) / len(tokens) < SALAD_STOP_WORD_RATIO:
        return True
    parts = sentences(answer)
    if len(parts) >= 3 and sum(len(words(p)) <= FRAGMENT_WORDS for p in parts) * 2 >= len(parts):
        return True
    answer_stems = stems(answer)
    in_phrases: set[int] = set()
    for point in target.talking_points:
        for phrasing in point.phrasings:
            phrase = stems(phrasing)
            for start in phrase_starts(answer_stems, phrase):
                in_phrases.update(range(start, start + len(phrase)))
    return len(in_phrases) / len(answer_stems) >= SALAD_PHRASE_SHARE


def _relevance(target: ScoringTarget, content: list[str]) -> float:
    """The share of the answer's distinct content stems that belong to the question's topic."""
    answer_content = set(stems(" ".join(content)))
    return len(answer_content & target.vocabulary) / len(answer_content) if answer_content else 0.0


def _caps(
    *,
    target: ScoringTarget,
    answer: str,
    tokens: list[str],
    content: list[str],
    covered: tuple[str, ...],
    relevance: float,
) -> tuple[Cap, ...]:
    if not tokens:
        return (Cap.NO_ANSWER,)
    caps: list[Cap] = []
    if len(tokens) <= 12 and (len(content) <= 2 or (_EVASIVE.search(answer) and not covered)):
        caps.append(Cap.EVASIVE)
    if len(content) < MIN_CONTENT_WORDS:
        caps.append(Cap.TOO_SHORT)
    if len(tokens) >= 6 and _is_salad(target, answer, tokens):
        caps.append(Cap.KEYWORD_SALAD)
    if len(tokens) >= 30 and distinct_ratio(tokens) < REPETITION_DISTINCT_RATIO:
        caps.append(Cap.REPETITIVE)

    answer_content = set(stems(" ".join(content)))
    question_content = set(stems(" ".join(content_words(words(target.question_text)))))
    if answer_content and len(answer_content & question_content) / len(answer_content) >= (
        ECHO_SHARE
    ):
        caps.append(Cap.ECHO)
    if relevance < OFF_TOPIC_RELEVANCE:
        caps.append(Cap.OFF_TOPIC)
    if len(tokens) > LONG_ANSWER_WORDS and relevance < OFF_TOPIC_RELEVANCE + 0.05:
        caps.append(Cap.PADDED)
    return tuple(caps)
