from __future__ import annotations

from itertools import pairwise

from tucoach_coach.bank import load_bank
from tucoach_coach.highlights import LABEL_SEPARATOR, highlights, quote_span, with_highlights
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.target import ScoringTarget
from tucoach_models import (
    CoachEngine,
    Correction,
    Feedback,
    Highlight,
    HighlightKind,
    Provenance,
    Unscored,
)

BANK = load_bank()
QUESTION = BANK.get("backend-senior-isolation-levels-anomalies")
TARGET = ScoringTarget.of_question(QUESTION, BANK)
POINTS = {p.id: p.point for p in QUESTION.talking_points}
LLM = Provenance(engine=CoachEngine.OPENAI, model="some-model", prompt_version="llm-feedback-2")


def _marked(answer: str, found: tuple[Highlight, ...]) -> list[tuple[HighlightKind, str]]:
    return [(h.kind, answer[h.start : h.end]) for h in found]


def _offline(answer: str) -> Feedback:
    return with_highlights(TARGET, answer, OfflineEngine().feedback(TARGET, answer))


def test_covered_points_are_marked_where_the_answer_states_them() -> None:
    # Given an answer that names the default level and one anomaly, and misses the rest
    answer = (
        "PostgreSQL defaults to Read Committed, where each statement sees a fresh snapshot. "
        "Write skew is an anomaly."
    )
    # When the offline engine's feedback gets its highlights
    feedback = _offline(answer)
    # Then each span is the answer's own words for a covered point, labelled with that point
    assert _marked(answer, feedback.highlights) == [
        (HighlightKind.COVERED, "defaults to Read Committed"),
        (HighlightKind.COVERED, "each statement sees"),
        (HighlightKind.COVERED, "fresh snapshot"),
        (HighlightKind.COVERED, "Write skew"),
    ]
    assert [h.label for h in feedback.highlights] == [
        POINTS["postgres-default"],
        POINTS["postgres-default"],
        POINTS["postgres-default"],
        POINTS["anomalies"],
    ]
    assert {h.label for h in feedback.highlights} == set(feedback.covered_points)


def test_wrong_claims_are_marked_and_win_over_the_points_inside_them() -> None:
    # Given an answer with a red flag in a sentence that also names a point's phrasing
    answer = "Write skew is an anomaly.\nPostgres uses serializable by default, so retry is rare."
    # When its feedback gets highlights
    feedback = _offline(answer)
    # Then the wrong claim is marked with the claim the coach corrects, nothing covered inside it
    assert _marked(answer, feedback.highlights) == [
        (HighlightKind.COVERED, "Write skew"),
        (HighlightKind.CORRECTION, "Postgres uses serializable by default, so retry is rare"),
    ]
    assert feedback.highlights[1].label == feedback.corrections[0].claim


def test_a_denied_phrasing_is_marked_as_the_wrong_claim_it_is_not_as_covered() -> None:
    # Given an answer that states one point and denies another
    answer = (
        "MySQL InnoDB defaults to Repeatable Read. "
        "Serializable is not about retry transactions, I think."
    )
    # When its feedback gets highlights
    feedback = _offline(answer)
    # Then the stated point is covered and the denial is a wrong claim
    assert _marked(answer, feedback.highlights) == [
        (HighlightKind.COVERED, "MySQL InnoDB defaults to Repeatable Read"),
        (HighlightKind.CORRECTION, "Serializable is not about retry transactions, I think"),
    ]


def test_spans_are_offsets_into_the_text_as_stored_even_after_wide_characters() -> None:
    # Given an answer that opens with characters outside the basic plane and odd spacing
    answer = "🙂🙂  Well…\n\nA  phantom read   happens when a range query returns new rows."
    # When its feedback gets highlights
    feedback = _offline(answer)
    # Then the offsets count code points, so slicing the stored text gives the words
    assert _marked(answer, feedback.highlights) == [(HighlightKind.COVERED, "phantom read")]


def test_an_llm_engines_feedback_gets_the_same_marks() -> None:
    # Given feedback an LLM engine wrote: a point it judged covered and a correction quoting
    # the answer with other case and punctuation
    answer = "Under serializable, transactions never fail -- so you need no retries at all!"
    feedback = Feedback(
        score=3.0,
        covered_points=(POINTS["mvcc-ssi"],),
        corrections=(
            Correction(
                said="transactions never fail, so you need no retries",
                claim="Serializable transactions never fail.",
                correction="They fail with serialization failures; retry them.",
            ),
        ),
        provenance=LLM,
    )
    # When the highlights are computed
    found = highlights(TARGET, answer, feedback)
    # Then the quote is found in the answer's own words; the point, stated in words the bank
    # does not list, gets no span
    assert _marked(answer, found) == [
        (HighlightKind.CORRECTION, "transactions never fail -- so you need no retries")
    ]
    assert found[0].label == "Serializable transactions never fail."


def test_a_quote_the_answer_does_not_contain_marks_nothing() -> None:
    assert quote_span("Read Committed is the default.", "Serializable is the default") is None
    assert quote_span("Read Committed is the default.", "...") is None


def test_overlapping_spans_become_one_naming_every_point() -> None:
    # Given an answer where phrasings of two points overlap ("read uncommitted" inside a span
    # of the anomalies point)
    answer = "A dirty read sees uncommitted changes of another transaction."
    # When its feedback gets highlights
    found = _offline(answer).highlights
    # Then the spans are sorted, never overlap, and name each point once
    assert all(a.end <= b.start for a, b in pairwise(found))
    joined = [h for h in found if LABEL_SEPARATOR in h.label]
    assert joined
    named = joined[0].label.split(LABEL_SEPARATOR)
    assert len(named) >= 2
    assert set(named) <= set(POINTS.values())


def test_unscored_feedback_has_no_highlights() -> None:
    # Given an answer in Spanish, which the offline rubric does not score
    answer = "Una lectura sucia ve los cambios no confirmados de otra transacción en la base."
    # When its feedback gets highlights
    feedback = _offline(answer)
    # Then nothing is marked
    assert feedback.unscored is Unscored.LANGUAGE
    assert feedback.highlights == ()
