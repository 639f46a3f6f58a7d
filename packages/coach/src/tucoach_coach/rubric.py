"""The offline rubric: an answer's score, 0 to 10, and why.

    coverage  0-6  share of the question's talking points the answer states
    depth     0-2  specifics: an example, the reasoning, trade-offs, numbers or job terms
    clarity   0-2  full sentences of sensible length, no repetition, a sensible overall length

A point counts only where the answer states it: inside a sentence, in a clause that does not
deny or dismiss it (`statements.py`), by a specific phrasing or two generic ones together
(`matching.py`), or by most of the point's own words in one sentence (said in other words).
Wrong claims cost points: each red flag of the question the answer states (a correction) and
each point it denies, or states with another value or of another subject of a closed set
(`alternatives.py`; such a point is covered nowhere), is deducted, up to a limit. Then caps,
so gaming does not pay: no answer or an evasive one scores at most 0.5; a question echoed back
or off-topic text at most 1; a salad of keywords, or words in no English order, at most 1.5;
very short or repetitive text, or an answer that fits another bank question clearly better, at
most 2; long padding at most 3. Answers not in English are not scored at all (`scored` is
False): this rubric reads English only. Pure and deterministic: the same answer always gets
the same assessment.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum

from tucoach_coach.language import (
    STOP_WORDS,
    content_words,
    distinct_ratio,
    phrase_starts,
    stem,
    stems,
    words,
)
from tucoach_coach.languages import ENGLISH, detect_language
from tucoach_coach.matching import Match, PhraseKind
from tucoach_coach.statements import Sentence, analyse, opposes, sides_stated
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
# Clarity is a quality of content: full clarity needs this many content words.
CLARITY_CONTENT_WORDS = 20

# Wrong claims: points off per red flag stated and per talking point denied, and the most
# they may take together. A strict interviewer marks a confidently wrong key fact down hard,
# more than a point left out (which costs only its coverage); saying the opposite of a key
# point is worse still, so a denied point costs its coverage and more than a red flag on top.
RED_FLAG_DEDUCTION = 3.0
CONTRADICTION_DEDUCTION = 4.0
MAX_DEDUCTION = 6.0

# Said in other words: a sentence holding this share (and at least this many) of the distinct
# content words of a point's own statement covers it.
PARAPHRASE_SHARE = 0.75
PARAPHRASE_MIN_WORDS = 3

# Another question fits clearly better when it has this many points covered, this share of
# its points, and this much more of a share than the question asked.
OTHER_QUESTION_MIN_POINTS = 2
OTHER_QUESTION_MIN_SHARE = 0.5
OTHER_QUESTION_MARGIN = 0.3


def _stemmed(*markers: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(stems(m)) for m in markers)


_EVASIVE = re.compile(
    r"\b(i\s*(do\s*n[o']?t|dont)\s*know|idk|no\s+idea|not\s+sure|no\s+clue|pass|skip|"
    r"next( question)?|whatever|n/?a|nothing|fine|ok(ay)?|good|yes|no)\b",
    re.IGNORECASE,
)
_EXAMPLE_MARKERS = _stemmed(
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
_REASONING_MARKERS = _stemmed(
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
_TRADE_OFF_MARKERS = _stemmed(
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
    OTHER_QUESTION = "other_question"
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
    Cap.OTHER_QUESTION: 2.0,
    Cap.PADDED: 3.0,
}
# Caps at or under this ceiling mean the answer gave nothing to build on: no strengths are
# claimed for it and no follow-up is asked.
NOTHING_TO_BUILD_ON = 2.0


@dataclass(frozen=True)
class WrongClaim:
    """A claim the answer made that the coach knows to be wrong."""

    said: str
    claim: str
    correction: str
    red_flag_id: str | None = None
    point_id: str | None = None


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
    wrong_claims: tuple[WrongClaim, ...] = ()
    deduction: float = 0.0
    # The bank question the answer fits clearly better, when the OTHER_QUESTION cap applies.
    seems_to_answer: str | None = None
    language: str = ENGLISH
    # False when the rubric cannot read the answer's language: the score (0) means nothing.
    scored: bool = True
    # The target's phrasings found in the answer, each where the answer says it (what the
    # feedback's highlights show); None when the rubric did not read the answer.
    matches: tuple[Match, ...] | None = None

    @property
    def gave_nothing_to_build_on(self) -> bool:
        return any(c.ceiling <= NOTHING_TO_BUILD_ON for c in self.caps)


def assess(target: ScoringTarget, answer: str) -> Assessment:
    tokens = words(answer)
    language = detect_language(answer)
    if language != ENGLISH:
        return _unscored(target, tokens, language)
    answer_stems = stems(answer)
    content = content_words(tokens)
    sentences = analyse(answer)
    found = _coverage(target, sentences)
    covered, missed = found.covered, found.missed
    job_terms = tuple(
        t for t in target.job_terms if phrase_starts(answer_stems, stems(t)) and stems(t)
    )

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

    answer_content = frozenset(stem(w) for w in content)
    relevance = _relevance(target, answer_content)
    seems_to_answer = _other_question(target, sentences, found.phrase_covered)
    caps = _caps(
        target=target,
        answer=answer,
        tokens=tokens,
        content=content,
        answer_content=answer_content,
        sentences=sentences,
        covered=covered,
        relevance=relevance,
        other_question=seems_to_answer is not None,
    )
    clarity = _clarity(sentences, tokens, content, caps)
    deduction = min(
        MAX_DEDUCTION,
        sum(
            RED_FLAG_DEDUCTION if w.red_flag_id else CONTRADICTION_DEDUCTION
            for w in found.wrong_claims
        ),
    )
    ceiling = min((c.ceiling for c in caps), default=10.0)
    # Between the off-topic line and FULLY_RELEVANT, credit grows with the on-topic share, so a
    # long unrelated answer that happens to use a phrase or two earns little for it.
    on_topic = min(1.0, max(0.5, relevance / FULLY_RELEVANT))
    raw = (coverage + depth + clarity) * on_topic - deduction
    score = round(max(0.0, min(ceiling, raw)), 1)
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
        wrong_claims=found.wrong_claims,
        deduction=round(deduction, 2),
        seems_to_answer=seems_to_answer,
        matches=found.matches,
    )


def _unscored(target: ScoringTarget, tokens: list[str], language: str) -> Assessment:
    return Assessment(
        score=0.0,
        coverage=0.0,
        depth=0.0,
        clarity=0.0,
        covered_point_ids=(),
        missed_point_ids=tuple(p.id for p in target.talking_points),
        job_terms_used=(),
        has_example=False,
        has_reasoning=False,
        has_trade_offs=False,
        listed_without_explaining=False,
        caps=(),
        word_count=len(tokens),
        language=language,
        scored=False,
    )


@dataclass(frozen=True)
class _Coverage:
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    paraphrased: tuple[str, ...]
    # Covered by phrasings alone: what is compared with other questions, on equal terms.
    phrase_covered: tuple[str, ...]
    wrong_claims: tuple[WrongClaim, ...]
    matches: tuple[Match, ...]


def _coverage(target: ScoringTarget, sentences: tuple[Sentence, ...]) -> _Coverage:
    matches = target.phrases.matches(sentences)
    flags = {f.id: f for f in target.red_flags}
    wrong: list[WrongClaim] = []
    flagged_sentences: set[int] = set()
    for match in matches:
        flag = flags.get(match.phrase.owner_id)
        if (
            match.phrase.kind is not PhraseKind.RED_FLAG
            or match.denied
            or match.conditional
            or match.criticised
            or flag is None
        ):
            continue
        flagged_sentences.add(match.sentence)
        if all(w.red_flag_id != flag.id for w in wrong):
            wrong.append(
                WrongClaim(
                    said=sentences[match.sentence].text,
                    claim=flag.claim,
                    correction=flag.correction,
                    red_flag_id=flag.id,
                )
            )
    swapped = _swapped(matches, flagged_sentences)
    # A sentence that states a misconception covers nothing, and a point stated with a wrong
    # value or of the wrong subject is not covered at all.
    point_matches = [
        m
        for m in matches
        if m.phrase.kind is PhraseKind.POINT
        and m.sentence not in flagged_sentences
        and m.phrase.owner_id not in swapped
    ]
    # A point that itself denies something ("JWTs are not encrypted", "stops eavesdropping") is
    # stated by a clause that denies it too, so for those points a denied match counts.
    point_matches = [
        replace(m, denied=False, contradicted=False)
        if m.denied and m.phrase.owner_id in target.denial_point_ids
        else m
        for m in point_matches
    ]
    point_matches = _withdrawn_after_denial(point_matches)
    phrase_covered = _covered_by_phrases(point_matches)
    statements = _undenied_statements(sentences, flagged_sentences)
    paraphrased = tuple(
        p.id
        for p in target.talking_points
        if p.id not in phrase_covered and _said_in_other_words(p.point, statements)
    )
    paraphrased = tuple(p for p in paraphrased if p not in swapped)
    covered = tuple(
        p.id for p in target.talking_points if p.id in phrase_covered or p.id in paraphrased
    )
    for point in target.talking_points:
        if point.id in swapped:
            swap = swapped[point.id]
            if swap.corrected:
                wrong.append(
                    WrongClaim(
                        said=sentences[swap.match.sentence].text,
                        claim=swap.claim,
                        correction=f"A good answer holds that: {point.point}.",
                        point_id=point.id,
                    )
                )
            continue
        if point.id in covered:
            continue
        denied = next(
            (
                m
                for m in point_matches
                if m.phrase.owner_id == point.id
                and m.contradicted
                and not m.phrase.denied_by_model_answer
            ),
            None,
        )
        if denied is not None:
            wrong.append(
                WrongClaim(
                    said=sentences[denied.sentence].text,
                    claim=f'This denies or dismisses "{denied.phrase.text}".',
                    correction=f"A good answer holds that: {point.point}.",
                    point_id=point.id,
                )
            )
    return _Coverage(
        covered=covered,
        missed=tuple(p.id for p in target.talking_points if p.id not in covered),
        paraphrased=paraphrased,
        phrase_covered=tuple(p.id for p in target.talking_points if p.id in phrase_covered),
        wrong_claims=tuple(wrong),
        matches=tuple(matches),
    )


@dataclass(frozen=True)
class _Swap:
    match: Match
    claim: str
    # A sentence that states a red flag too is corrected by the red flag's curated words: the
    # point is not covered, and the claim is not corrected (nor deducted) twice.
    corrected: bool


def _swapped(matches: list[Match], flagged: set[int]) -> dict[str, _Swap]:
    """Points the answer states with a wrong value of a closed set ("get is not idempotent" for
    "post is not idempotent"), outside conditions and criticism, or of the wrong subject ("a
    readiness probe ... kills the container"): the first such statement of each."""
    found: dict[str, _Swap] = {}
    for match in matches:
        if match.criticised:
            continue
        phrase = match.phrase
        # A condition names the subject it speaks of ("when a readiness probe fails, the
        # kubelet restarts the container"): a wrong subject is wrong there too.
        if phrase.kind is PhraseKind.SWAP and not match.denied and not match.conditional:
            claim = f'This says "{phrase.text}" where a good answer says "{phrase.swapped_from}".'
        elif phrase.kind is PhraseKind.POINT and match.wrong_subject is not None:
            claim = f'This says "{phrase.text}" of {match.wrong_subject}, the wrong one.'
        else:
            continue
        swap = _Swap(match, claim, corrected=match.sentence not in flagged)
        if phrase.owner_id not in found or (
            swap.corrected and not found[phrase.owner_id].corrected
        ):
            found[phrase.owner_id] = swap
    return found


def _withdrawn_after_denial(matches: list[Match]) -> list[Match]:
    """A sentence that denies a point up front says nothing for it afterwards: in "this is not
    the dual-write problem: a crash between the two writes loses the event", the explanation
    belongs to the denial. Matches of the point in later clauses of that sentence are denied."""
    denied_from: dict[tuple[str, int], int] = {}
    for match in matches:
        if match.contradicted and match.phrase.specific and not match.phrase.denied_by_model_answer:
            key = (match.phrase.owner_id, match.sentence)
            denied_from[key] = min(denied_from.get(key, match.clause), match.clause)
    return [
        replace(m, denied=True)
        if denied_from.get((m.phrase.owner_id, m.sentence), m.clause) < m.clause
        else m
        for m in matches
    ]


def _covered_by_phrases(matches: list[Match]) -> set[str]:
    """Owners stated by a specific phrasing, or by two generic ones in one sentence (the
    matches of one question)."""
    generic: dict[tuple[str, int], set[str]] = defaultdict(set)
    covered: set[str] = set()
    for match in matches:
        if match.denied:
            continue
        if match.phrase.specific:
            covered.add(match.phrase.owner_id)
        else:
            generic[match.phrase.owner_id, match.sentence].add(match.phrase.text)
    covered.update(owner for (owner, _), texts in generic.items() if len(texts) >= 2)
    return covered


def _covered_per_question(matches: list[Match]) -> dict[str, set[str]]:
    """The talking points each question's matches cover (matches of the bank's point index)."""
    by_question: dict[str, list[Match]] = defaultdict(list)
    for match in matches:
        by_question[match.phrase.question_id].append(match)
    return {q: _covered_by_phrases(found) for q, found in by_question.items()}


@dataclass(frozen=True)
class _Statement:
    stems: tuple[str, ...]
    # The stems of its clauses that no verb negation or dismissal denies.
    undenied: frozenset[str]


def _undenied_statements(
    sentences: tuple[Sentence, ...], flagged: set[int]
) -> tuple[_Statement, ...]:
    """The answer's statements that state no misconception, with what they say undenied."""
    return tuple(
        _Statement(
            stems=sentence.stems,
            undenied=frozenset(
                s
                for clause in sentence.clauses
                if not clause.whole_clause_cues
                for s in clause.stems
            ),
        )
        for position, sentence in enumerate(sentences)
        if position not in flagged and sentence.is_statement
    )


def _said_in_other_words(statement: str, said: tuple[_Statement, ...]) -> bool:
    wanted = {stem(w) for w in content_words(words(statement))}
    if len(wanted) < PARAPHRASE_MIN_WORDS:
        return False
    needed = max(PARAPHRASE_MIN_WORDS, PARAPHRASE_SHARE * len(wanted))
    sides = sides_stated(stems(statement))
    # The point's words with the other side of a pair it states ("after" for its "before")
    # say the opposite.
    return any(
        len(wanted & sentence.undenied) >= needed and not opposes(sides, sentence.stems)
        for sentence in said
    )


def _other_question(
    target: ScoringTarget, sentences: tuple[Sentence, ...], own_covered: tuple[str, ...]
) -> str | None:
    """The bank question this answer fits clearly better than its own, if any."""
    if not target.compare_with_bank or target.bank is None:
        return None
    own_share = len(own_covered) / len(target.talking_points)
    best: tuple[float, str] | None = None
    for question_id, points in _covered_per_question(
        target.bank.point_phrases.matches(sentences)
    ).items():
        if question_id == target.question_id or len(points) < OTHER_QUESTION_MIN_POINTS:
            continue
        share = len(points) / target.bank.point_counts[question_id]
        clearly_better = share >= max(OTHER_QUESTION_MIN_SHARE, own_share + OTHER_QUESTION_MARGIN)
        if clearly_better and (best is None or share > best[0]):
            best = (share, question_id)
    return best[1] if best else None


def _has_any(answer_stems: list[str], markers: tuple[tuple[str, ...], ...]) -> bool:
    return any(phrase_starts(answer_stems, m) for m in markers)


def _clarity(
    parts: tuple[Sentence, ...], tokens: list[str], content: list[str], caps: tuple[Cap, ...]
) -> float:
    if not tokens or Cap.EVASIVE in caps or Cap.NO_ANSWER in caps:
        return 0.0
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
    return min(CLARITY_MAX, clarity) * min(1.0, len(content) / CLARITY_CONTENT_WORDS)


def _is_salad(target: ScoringTarget, tokens: list[str], sentences: tuple[Sentence, ...]) -> bool:
    if sum(t in STOP_WORDS for t in tokens) / len(tokens) < SALAD_STOP_WORD_RATIO:
        return True
    if not any(s.is_statement for s in sentences):
        return True
    if len(sentences) >= 3 and sum(len(s.stems) <= FRAGMENT_WORDS for s in sentences) * 2 >= len(
        sentences
    ):
        return True
    if target.bank is not None and target.bank.word_order.is_shuffled(tokens):
        return True
    answer_stems = [stem(t) for t in tokens]
    in_phrases: set[int] = set()
    for phrase in target.phrases.all():
        for start in phrase_starts(answer_stems, phrase.stems):
            in_phrases.update(range(start, start + len(phrase.stems)))
    return len(in_phrases) / len(answer_stems) >= SALAD_PHRASE_SHARE


def _relevance(target: ScoringTarget, answer_content: frozenset[str]) -> float:
    """The share of the answer's distinct content stems that belong to the question's topic."""
    return len(answer_content & target.vocabulary) / len(answer_content) if answer_content else 0.0


def _caps(
    *,
    target: ScoringTarget,
    answer: str,
    tokens: list[str],
    content: list[str],
    answer_content: frozenset[str],
    sentences: tuple[Sentence, ...],
    covered: tuple[str, ...],
    relevance: float,
    other_question: bool,
) -> tuple[Cap, ...]:
    if not tokens:
        return (Cap.NO_ANSWER,)
    caps: list[Cap] = []
    if len(tokens) <= 12 and (len(content) <= 2 or (_EVASIVE.search(answer) and not covered)):
        caps.append(Cap.EVASIVE)
    if len(content) < MIN_CONTENT_WORDS:
        caps.append(Cap.TOO_SHORT)
    if len(tokens) >= 6 and _is_salad(target, tokens, sentences):
        caps.append(Cap.KEYWORD_SALAD)
    if len(tokens) >= 30 and distinct_ratio(tokens) < REPETITION_DISTINCT_RATIO:
        caps.append(Cap.REPETITIVE)

    if answer_content and len(answer_content & target.question_stems) / len(answer_content) >= (
        ECHO_SHARE
    ):
        caps.append(Cap.ECHO)
    if relevance < OFF_TOPIC_RELEVANCE:
        caps.append(Cap.OFF_TOPIC)
    if other_question:
        caps.append(Cap.OTHER_QUESTION)
    if len(tokens) > LONG_ANSWER_WORDS and relevance < OFF_TOPIC_RELEVANCE + 0.05:
        caps.append(Cap.PADDED)
    return tuple(caps)
