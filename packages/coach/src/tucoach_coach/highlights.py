"""Where an answer says what its feedback names: the spans the app marks in the candidate's text.

One place for every engine: each engine's scored feedback gets its highlights here, from the
matches its rubric run found (`Assessment.matches`), so the answer is not analysed twice.

- A **covered point** is located by the offline rubric's own phrase matching (`PhraseIndex` over
  `analyse`): the places the matcher found a phrasing of that point, as written (a phrasing read
  in a spelled-out contraction, "isn't", is shown in the contraction), leaving out denied ones
  (unless every match of the point is denied: a point that itself denies something is stated by
  a denying clause). A point an engine judged covered in words the bank does not list has no
  span: the feedback still lists it.
- A **correction** is located by its quote (`said`): the same words in the same order, whatever
  the case, punctuation and spacing (the rule the LLM verdicts are validated by).

Spans are offsets into the answer as stored (Unicode code points, end exclusive), sorted and never
overlapping: a wrong claim wins over a covered point inside it, and overlapping spans of one kind
become one, its label naming each point or claim (joined by "; ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from tucoach_coach.language import phrase_starts
from tucoach_coach.matching import Match, PhraseKind
from tucoach_coach.statements import analyse
from tucoach_coach.target import ScoringTarget
from tucoach_models import Feedback, Highlight, HighlightKind

_QUOTE_WORD = re.compile(r"\w+")
LABEL_SEPARATOR = "; "


def with_highlights(
    target: ScoringTarget, answer: str, feedback: Feedback, matches: Sequence[Match] | None
) -> Feedback:
    """The feedback with the spans of `answer` that state its covered points or its corrected
    claims; unscored feedback has none. `matches` are the target's phrase matches in the
    answer, found when it was scored; None when the rubric did not read it (another language):
    then the answer is analysed here."""
    if feedback.unscored is not None:
        return feedback.model_copy(update={"highlights": ()})
    return feedback.model_copy(update={"highlights": highlights(target, answer, feedback, matches)})


def highlights(
    target: ScoringTarget, answer: str, feedback: Feedback, matches: Sequence[Match] | None
) -> tuple[Highlight, ...]:
    corrections = [
        Highlight(start=start, end=end, kind=HighlightKind.CORRECTION, label=correction.claim)
        for correction in feedback.corrections
        if (span := quote_span(answer, correction.said)) is not None
        for start, end in (span,)
    ]
    covered = [
        span
        for span in _covered_spans(target, answer, matches, feedback.covered_points)
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
    target: ScoringTarget,
    answer: str,
    matches: Sequence[Match] | None,
    covered_points: Iterable[str],
) -> Iterator[Highlight]:
    covered = set(covered_points)
    labels = {p.id: p.point for p in target.talking_points if p.point in covered}
    if not labels:
        return
    if matches is None:
        matches = target.phrases.matches(analyse(answer))
    points = [
        m for m in matches if m.phrase.kind is PhraseKind.POINT and m.phrase.owner_id in labels
    ]
    # A point is shown where the answer states it; a point that itself denies something ("JWTs
    # are not encrypted") is only ever found in a denying clause, and shown there.
    stated = {m.phrase.owner_id for m in points if not m.denied}
    for match in points:
        if (match.denied and match.phrase.owner_id in stated) or _around_itself(match, points):
            continue
        yield Highlight(
            start=match.span[0],
            end=match.span[1],
            kind=HighlightKind.COVERED,
            label=labels[match.phrase.owner_id],
        )


def _around_itself(match: Match, matches: Sequence[Match]) -> bool:
    """Whether the matcher found this phrasing with words between its own ("merge creates a
    merge commit") around the place it found it as it is ("merge commit"): shown there only."""
    start, end = match.span
    return any(
        other.phrase == match.phrase
        and other.span != match.span
        and start <= other.span[0]
        and other.span[1] <= end
        for other in matches
    )


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
