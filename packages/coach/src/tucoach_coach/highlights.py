"""Where an answer says what its feedback names: the spans the app marks in the candidate's text.

One place for every engine: the Interviewer applies it to whatever feedback an engine returned.

- A **covered point** is located by the offline rubric's own phrase matching (`PhraseIndex` over
  `analyse`): the phrasings of that point found in the answer, in the sentence they were found
  in, leaving out denied ones (unless every match of the point is denied: a point that itself
  denies something is stated by a denying clause). A point an engine judged covered in
  words the bank does not list has no span: the feedback still lists it.
- A **correction** is located by its quote (`said`): the same words in the same order, whatever
  the case, punctuation and spacing (the rule the LLM verdicts are validated by).

Spans are offsets into the answer as stored (Unicode code points, end exclusive), sorted and never
overlapping: a wrong claim wins over a covered point inside it, and overlapping spans of one kind
become one, its label naming each point or claim (joined by "; ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tucoach_coach.language import phrase_starts, stem
from tucoach_coach.matching import Phrase, PhraseKind, gapped_end
from tucoach_coach.statements import analyse
from tucoach_coach.target import ScoringTarget
from tucoach_models import Feedback, Highlight, HighlightKind

# The word tokens `language.words` reads ([a-z0-9]+ after lowercasing), on the original text so
# their offsets are the answer's own.
_WORD = re.compile(r"[A-Za-z0-9]+")
_QUOTE_WORD = re.compile(r"\w+")
LABEL_SEPARATOR = "; "


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def with_highlights(target: ScoringTarget, answer: str, feedback: Feedback) -> Feedback:
    """The feedback with the spans of `answer` that state its covered points or its corrected
    claims; unscored feedback has none."""
    if feedback.unscored is not None:
        return feedback.model_copy(update={"highlights": ()})
    return feedback.model_copy(update={"highlights": highlights(target, answer, feedback)})


def highlights(target: ScoringTarget, answer: str, feedback: Feedback) -> tuple[Highlight, ...]:
    corrections = [
        Highlight(start=start, end=end, kind=HighlightKind.CORRECTION, label=correction.claim)
        for correction in feedback.corrections
        if (span := quote_span(answer, correction.said)) is not None
        for start, end in (span,)
    ]
    covered = [
        span
        for span in _covered_spans(target, answer, feedback.covered_points)
        if not any(_overlaps(span, c) for c in corrections)
    ]
    return tuple(_merged(sorted([*corrections, *covered], key=lambda h: (h.start, h.end))))


def quote_span(answer: str, quote: str) -> tuple[int, int] | None:
    """Where the answer says `quote`: its words in order, whatever the case and punctuation."""
    wanted = [w.casefold() for w in _QUOTE_WORD.findall(quote)]
    if not wanted:
        return None
    tokens = list(_QUOTE_WORD.finditer(answer))
    said = [t.group().casefold() for t in tokens]
    starts = phrase_starts(said, wanted)
    if not starts:
        return None
    first = starts[0]
    return tokens[first].start(), tokens[first + len(wanted) - 1].end()


def _covered_spans(
    target: ScoringTarget, answer: str, covered_points: Iterable[str]
) -> Iterator[Highlight]:
    covered = set(covered_points)
    labels = {p.id: p.point for p in target.talking_points if p.point in covered}
    if not labels:
        return
    sentences = analyse(answer)
    offsets = _sentence_offsets(answer, (s.text for s in sentences))
    matches = [
        m
        for m in target.phrases.matches(sentences)
        if m.phrase.kind is PhraseKind.POINT and m.phrase.owner_id in labels
    ]
    # A point is shown where the answer states it; a point that itself denies something ("JWTs
    # are not encrypted") is only ever found in a denying clause, and shown there.
    stated = {m.phrase.owner_id for m in matches if not m.denied}
    for match in matches:
        if match.denied and match.phrase.owner_id in stated:
            continue
        span = _phrase_span(sentences[match.sentence].text, match.phrase)
        if span is not None:
            start = offsets[match.sentence]
            yield Highlight(
                start=start + span[0],
                end=start + span[1],
                kind=HighlightKind.COVERED,
                label=labels[match.phrase.owner_id],
            )


def _sentence_offsets(answer: str, sentences: Iterable[str]) -> list[int]:
    """Where each sentence of `analyse` starts: they are the answer's pieces, in order."""
    offsets: list[int] = []
    cursor = 0
    for sentence in sentences:
        cursor = answer.index(sentence, cursor)
        offsets.append(cursor)
        cursor += len(sentence)
    return offsets


def _phrase_span(sentence: str, phrase: Phrase) -> tuple[int, int] | None:
    """The first place the matcher finds `phrase` in the sentence (its stems in order, with the
    gaps and optional words `matching.gapped_end` allows), as offsets into the sentence."""
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    sentence_stems = tuple(stem(t.text.lower()) for t in tokens)
    exact = phrase_starts(sentence_stems, phrase.stems)
    if exact:
        return tokens[exact[0]].start, tokens[exact[0] + len(phrase.stems) - 1].end
    for start, token_stem in enumerate(sentence_stems):
        if token_stem == phrase.stems[0]:
            end = gapped_end(sentence_stems, start, phrase)
            if end is not None:
                return tokens[start].start, tokens[end - 1].end
    return None


def _overlaps(highlight: Highlight, other: Highlight) -> bool:
    return highlight.start < other.end and other.start < highlight.end


def _merged(spans: list[Highlight]) -> Iterator[Highlight]:
    """Sorted spans with overlaps joined (they are of one kind: corrections never overlap
    covered spans), naming every point or claim they show."""
    group: list[Highlight] = []
    for span in spans:
        if group and span.start >= max(h.end for h in group):
            yield _joined(group)
            group = []
        group.append(span)
    if group:
        yield _joined(group)


def _joined(group: list[Highlight]) -> Highlight:
    return group[0].model_copy(
        update={
            "end": max(h.end for h in group),
            "label": LABEL_SEPARATOR.join(dict.fromkeys(h.label for h in group)),
        }
    )
