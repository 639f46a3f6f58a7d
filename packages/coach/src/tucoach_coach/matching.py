"""Finding the bank's phrasings in what an answer states, and what the bank knows, indexed once.

A phrasing is *specific* when it names something on its own: two content words or more
("fresh snapshot"), a technical token (a digit, a hyphen, a dot, a slash: "40001", "--previous",
"read-only"), or a word that few questions of the bank use at all ("mvcc", "innodb"). Any other
phrasing is *generic* ("events", "retry", "at a time"): it supports a point only next to a second
phrasing of the same point in the same sentence. A phrasing that names a member of a closed set
of alternatives ("4xx means the client") also gets its variants with the other members (`SWAP`
phrases, `alternatives.py`), and one said of a set's member is checked for the wrong subject.
Document frequencies, every question's phrases and the word-order model are built once per bank
(`bank_vocabulary`), not per answer; the shipped bank's phrases and word-order counts once, when
it is compiled (`compiled_vocabulary.py`), so a bank's frequencies are counted only if a question's
phrases must be computed (another bank's, or a question changed since).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from tucoach_coach.alternatives import Subject, subjects, variants, wrong_subject
from tucoach_coach.bank import BankQuestion, QuestionBank, load_bank
from tucoach_coach.language import STOP_WORDS, contains_phrase, content_words, stem, stems, words
from tucoach_coach.statements import Sentence, analyse, opposes, sides_stated
from tucoach_coach.word_order import WordOrderModel

# A word used by at most this many questions of the bank is specific enough to stand alone.
RARE_WORD_QUESTIONS = 4
# "behind my own small interface" states "behind an interface": a few words may come between.
MAX_GAP = 3
RED_FLAG_GAP = 1
UNCOMMON_WORD_QUESTIONS = 12
# A part of a point's statement of this many words or fewer is a phrasing of its own for
# swapped values (`alternatives.py`).
SHORT_PART_WORDS = 6
# Words a point's phrasing may lose in other words: its determiners and modals ("behind an
# interface" is said by "behind my own small interface", "consumers must be idempotent" by
# "the consumer has to be idempotent"), never its relations or negations.
OPTIONAL_WORDS = frozenset(
    stems(
        "a an the my our your their its this that these those "
        "must should can could will would may might shall"
    )
)
_TECHNICAL_MARKS = frozenset("-./_#:@")
_STATEMENT_PARTS = re.compile(r"[;:,()]")


class PhraseKind(StrEnum):
    POINT = "point"
    RED_FLAG = "red_flag"
    # A point's phrasing with the value it names swapped for another of its set
    # (`alternatives.py`): stating it contradicts the point.
    SWAP = "swap"


class Phrase(NamedTuple):
    """A phrasing of a talking point (or a swap of one) or of a red flag. A named tuple,
    not a frozen dataclass: a container's first answer builds the bank's 10,000-odd from the
    compiled phrases, which a frozen dataclass's constructor (one `object.__setattr__` a field)
    made three times as slow; answers hash them often, which a tuple does in C."""

    question_id: str
    kind: PhraseKind
    owner_id: str  # the talking point's or red flag's id
    text: str
    stems: tuple[str, ...]
    specific: bool
    # The sides of opposite pairs ("before", "use") the point states: a clause saying the other
    # side contradicts it.
    sides: frozenset[str] = frozenset()
    # The question's own model answer states it only in a clause that denies it ("fixes
    # instead of manual toil"): an answer denying it too says nothing wrong.
    denied_by_model_answer: bool = False
    # The member of a set of subjects the point says this of ("liveness" for "kills the
    # container"): a sentence naming another one instead says it of the wrong subject.
    subjects: frozenset[Subject] = frozenset()
    # For a SWAP: the point's own phrasing it was made from.
    swapped_from: str = ""


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    sentence: int
    denied: bool
    # Where the analysed text says the phrasing: from its first word to its last, as written
    # (offsets, end exclusive), so a phrasing read in a spelled-out "isn't" is shown there.
    span: tuple[int, int]
    # Denied by a verb negation, a dismissal or a preference, outside a condition.
    contradicted: bool = False
    # Inside a condition ("if X, ...") or a supposition ("X would ..."): not stated as a fact.
    conditional: bool = False
    # Named to show its harm ("X breaks Y"): not recommended.
    criticised: bool = False
    # The clause of the sentence it was found in.
    clause: int = 0
    # The subject the sentence names instead of the point's own ("readiness" for a liveness
    # fact): the point is said of the wrong subject.
    wrong_subject: str | None = None


class PhraseIndex:
    """Phrases by their first two stems, so an answer is scanned once, whatever their number."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._phrases = tuple(p for p in phrases if p.stems)
        self._by_start: dict[tuple[str, ...], list[Phrase]] = defaultdict(list)
        # Phrases of two content words or more may also match with a few words between theirs.
        self._gapped: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in self._phrases:
            self._by_start[phrase.stems[:2]].append(phrase)
            if _may_gap(phrase):
                self._gapped[phrase.stems[0]].append(phrase)

    def all(self) -> tuple[Phrase, ...]:
        return self._phrases

    def matches(self, sentences: Sequence[Sentence]) -> list[Match]:
        """Every phrase found in the statements, with whether its clause denies it and where
        the text says it."""
        found: list[Match] = []
        by_start = self._by_start
        for position, sentence in enumerate(sentences):
            if not sentence.is_statement:
                continue
            clauses = [c.stems for c in sentence.clauses]
            for clause_index, clause in enumerate(sentence.clauses):
                clause_stems = clause.stems
                for start, token in enumerate(clause_stems):
                    candidates = dict.fromkeys(
                        [
                            *by_start.get((token,), ()),
                            *by_start.get(clause_stems[start : start + 2], ()),
                            *self._gapped.get(token, ()),
                        ]
                    )
                    for phrase in candidates:
                        end: int | None = start + len(phrase.stems)
                        exact = clause_stems[start:end] == phrase.stems
                        if not exact:
                            end = (
                                gapped_end(clause_stems, start, phrase)
                                if _may_gap(phrase)
                                else None
                            )
                        if end is not None:
                            # A negation between a gapped match's words is no part of the
                            # phrasing: "autoscaling alone is not enough" denies "is enough".
                            own = end if exact else start + 1
                            opposed = (
                                bool(phrase.sides) and opposes(phrase.sides, clause_stems)
                            ) or (not exact and clause.negates_between(start, end))
                            instead = next(
                                (
                                    said
                                    for subject in phrase.subjects
                                    if (said := wrong_subject(subject, clauses))
                                ),
                                None,
                            )
                            opposed = opposed or instead is not None
                            found.append(
                                Match(
                                    phrase,
                                    position,
                                    denied=opposed or clause.denies(start, own),
                                    span=(clause.spans[start][0], clause.spans[end - 1][1]),
                                    contradicted=opposed or clause.contradicts(start, own),
                                    conditional=clause.conditional or clause.supposes(end),
                                    criticised=sentence.criticises(clause_index, end),
                                    clause=clause_index,
                                    wrong_subject=instead,
                                )
                            )
        return found


def _may_gap(phrase: Phrase) -> bool:
    """A specific phrasing of two words or more that opens with a content word."""
    return phrase.specific and len(phrase.stems) >= 2 and phrase.stems[0] not in STOP_WORDS


def gapped_end(haystack: tuple[str, ...], start: int, phrase: Phrase) -> int | None:
    """Where `phrase` ends if its words follow `start` in order with few words between: up to
    MAX_GAP for a talking point; for a red flag (a precise wrong claim) RED_FLAG_GAP content
    words, since a function word between can turn it right ("o.id = null" -> "o.id is null")."""
    point = phrase.kind is PhraseKind.POINT
    gap = MAX_GAP if point else RED_FLAG_GAP
    position = start
    for word in phrase.stems[1:]:
        window = haystack[position + 1 : position + 2 + gap]
        if word not in window:
            if point and word in OPTIONAL_WORDS:
                continue
            return None
        skipped = window[: window.index(word)]
        if not point and any(s in STOP_WORDS for s in skipped):
            return None
        position += 1 + len(skipped)
    return position + 1


@dataclass(frozen=True)
class BankVocabulary:
    """What scoring needs from the whole bank, built once per bank."""

    bank: QuestionBank
    # The talking points' phrases of every question: what an answer to another question is
    # spotted by. Red flags and swaps are a question's own concern, and scanning an answer for
    # the whole bank's took a third of the index's work for nothing.
    point_phrases: PhraseIndex
    # Each question of the bank, with all its phrases (its talking points' are those
    # `point_phrases` indexes): a scoring target of the question takes them as they are.
    question_phrases: dict[str, tuple[BankQuestion, tuple[Phrase, ...]]]
    point_counts: dict[str, int]
    question_texts: dict[str, str]
    word_order: WordOrderModel

    @property
    def question_frequency(self) -> Counter[str]:
        """How many of the bank's questions use each word stem, which tells a specific phrasing
        when a question's phrases are computed. Counted when first asked for (once per bank):
        the shipped bank's phrases are compiled, so a container that scores its questions never
        asks."""
        return _question_frequency(self.bank)

    def is_specific(self, phrasing: str) -> bool:
        return _is_specific(phrasing, self.question_frequency)


@cache
def bank_vocabulary(bank: QuestionBank) -> BankVocabulary:
    # The shipped bank's phrases and word-order counts are computed when it is compiled
    # (compiled_vocabulary.py).
    if bank is load_bank():
        from tucoach_coach.compiled_vocabulary import (  # noqa: PLC0415 - it imports this
            read_phrases,
            read_word_order,
        )

        compiled = read_phrases()
        word_order = read_word_order()
    else:
        compiled = {}
        word_order = word_order_of(bank)
    missing = [q for q in bank if q.id not in compiled]
    if missing:
        frequency = _question_frequency(bank)
        compiled = {**compiled, **{q.id: tuple(_phrases(q, frequency)) for q in missing}}
    by_question = {q.id: (q, compiled[q.id]) for q in bank}
    return BankVocabulary(
        bank=bank,
        point_phrases=PhraseIndex(
            p for _, phrases in by_question.values() for p in phrases if p.kind is PhraseKind.POINT
        ),
        question_phrases=by_question,
        point_counts={q.id: len(q.talking_points) for q in bank},
        question_texts={q.id: q.text for q in bank},
        word_order=word_order,
    )


def word_order_of(bank: QuestionBank) -> WordOrderModel:
    """The word-order model of a bank's model answers, learned: what the bank's compiler writes
    the counts of for the shipped bank (compiled_vocabulary.py)."""
    return WordOrderModel.learned_from(q.model_answer for q in bank)


def question_phrases_of(bank: QuestionBank) -> dict[str, tuple[Phrase, ...]]:
    """Every question's phrases, computed: what the bank's compiler writes for the shipped bank
    (seconds of CPU; compiled_vocabulary.py)."""
    frequency = _question_frequency(bank)
    return {q.id: tuple(_phrases(q, frequency)) for q in bank}


@cache  # once per bank, whether a vocabulary being built or its `question_frequency` asks
def _question_frequency(bank: QuestionBank) -> Counter[str]:
    """How many of the bank's questions use each word stem."""
    frequency: Counter[str] = Counter()
    for question in bank:
        frequency.update(set(stems(" ".join(content_words(words(_all_text(question)))))))
    return frequency


def question_phrases(question: BankQuestion, vocabulary: BankVocabulary) -> tuple[Phrase, ...]:
    """The phrases of a question's talking points and red flags: for a question of the
    vocabulary's bank, those it built already (matching its model answer for them)."""
    built = vocabulary.question_phrases.get(question.id)
    if built is not None and built[0] == question:
        return built[1]
    return tuple(_phrases(question, vocabulary.question_frequency))


def _is_specific(phrasing: str, frequency: Counter[str]) -> bool:
    content = [stem(w) for w in content_words(words(phrasing))]
    if len(content) >= 2:
        return True
    if any(c.isdigit() or c in _TECHNICAL_MARKS for c in phrasing):
        return True
    if len(content) != 1:
        return False
    # One content word among function words ("keyboard use") is specific when the word is
    # uncommon in the bank; alone it must be rare ("mvcc"), and "at a time" is neither.
    limit = RARE_WORD_QUESTIONS if len(words(phrasing)) == 1 else UNCOMMON_WORD_QUESTIONS
    return frequency[content[0]] <= limit


def _phrases(question: BankQuestion, frequency: Counter[str]) -> list[Phrase]:
    phrases = [
        Phrase(
            question_id=question.id,
            kind=PhraseKind.POINT,
            owner_id=point.id,
            text=phrasing,
            stems=tuple(stems(phrasing)),
            specific=_is_specific(phrasing, frequency),
            sides=_sides(point.point, phrasing),
            subjects=subjects(_part_of(point.point, phrasing), stems(phrasing)),
        )
        for point in question.talking_points
        for phrasing in point.phrasings
    ]
    phrases.extend(_swaps(question))
    phrases.extend(
        Phrase(
            question_id=question.id,
            kind=PhraseKind.RED_FLAG,
            owner_id=flag.id,
            text=phrasing,
            stems=tuple(stems(phrasing)),
            specific=True,
        )
        for flag in question.red_flags
        for phrasing in flag.phrasings
    )
    own = PhraseIndex(p for p in phrases if p.kind is PhraseKind.POINT)
    found = own.matches(analyse(question.model_answer))
    stated = {m.phrase for m in found if not m.contradicted}
    denied = {m.phrase for m in found if m.contradicted} - stated
    return [p._replace(denied_by_model_answer=True) if p in denied else p for p in phrases]


def _swaps(question: BankQuestion) -> list[Phrase]:
    """The point phrasings that name a member of a set of alternatives, with another member in
    its place; never a variant that another phrasing of the question holds ("defaults to
    repeatable read" inside "mysql defaults to repeatable read") or that the model answer
    states (it may deny it: "exactly-once end to end is not realistic")."""
    phrasings = [tuple(stems(p)) for point in question.talking_points for p in point.phrasings]
    swaps: dict[tuple[str, tuple[str, ...]], Phrase] = {}
    for point in question.talking_points:
        for phrasing in (*point.phrasings, *_short_parts(point.point)):
            for variant in variants(phrasing):
                if any(contains_phrase(text, variant.stems) for text in phrasings):
                    continue
                swaps.setdefault(
                    (point.id, variant.stems),
                    Phrase(
                        question_id=question.id,
                        kind=PhraseKind.SWAP,
                        owner_id=point.id,
                        text=variant.text,
                        stems=variant.stems,
                        specific=True,
                        swapped_from=phrasing,
                    ),
                )
    stated = {
        m.phrase
        for m in PhraseIndex(swaps.values()).matches(analyse(question.model_answer))
        if not m.denied
    }
    return [p for p in swaps.values() if p not in stated]


def _short_parts(statement: str) -> list[str]:
    """The parts of a point's statement short enough to be said as they are ("var is
    function-scoped"): their variants are wrong claims too."""
    parts = (p.strip().lower() for p in _STATEMENT_PARTS.split(statement))
    return [p for p in parts if 2 <= len(words(p)) <= SHORT_PART_WORDS]


def _part_of(statement: str, phrasing: str) -> list[str]:
    """The stems of the first part of a point's statement a phrasing shares words with; a
    statement of one part is the whole fact, whatever words the phrasing uses."""
    own = set(stems(phrasing)) - STOP_WORDS
    parts = [stems(p) for p in _STATEMENT_PARTS.split(statement)]
    return next((part for part in parts if set(part) & own), parts[0] if len(parts) == 1 else [])


def _sides(statement: str, phrasing: str) -> frozenset[str]:
    """The sides of opposite pairs a phrasing states, alone or in the part of its point's
    statement it belongs to ("Handle erasure via crypto-shredding; avoid where CRUD suffices":
    "crypto-shredding" is not on the avoid side), where that part states one side only."""
    own = set(stems(phrasing))
    said = set(own)
    for part in _STATEMENT_PARTS.split(statement):
        part_stems = set(stems(part))
        if part_stems & own - STOP_WORDS:
            said |= part_stems
    return sides_stated(tuple(said))


def _all_text(question: BankQuestion) -> str:
    texts = [question.text, question.model_answer]
    for point in question.talking_points:
        texts.extend([point.point, *point.phrasings])
    return " ".join(texts)
