from __future__ import annotations

from itertools import pairwise

import pytest

from tucoach_coach import highlights as highlights_module
from tucoach_coach.bank import load_bank
from tucoach_coach.highlights import LABEL_SEPARATOR, highlights, quote_span
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


def _offline(answer: str, target: ScoringTarget = TARGET) -> Feedback:
    return OfflineEngine().feedback(target, answer)


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


def test_a_point_stated_through_a_contraction_is_marked_in_the_contraction() -> None:
    # Given an answer that covers a point only by a contraction of its phrasing ("doesn't
    # reject" for "does not reject on http error")
    target = ScoringTarget.of_question(BANK.get("frontend-junior-fetch-error-handling"), BANK)
    answer = "Keep in mind that fetch doesn't reject when the server answers with a 404."
    # When the offline engine's feedback gets its highlights
    feedback = _offline(answer, target)
    # Then the point is covered and marked where the answer says it, as written
    assert feedback.covered_points
    assert _marked(answer, feedback.highlights) == [(HighlightKind.COVERED, "doesn't reject")]


def test_the_offline_engine_marks_what_its_rubric_found_without_reading_the_answer_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given highlights that may not analyse the answer themselves
    def analysed_again(text: str) -> object:
        raise AssertionError("the answer was analysed again for its highlights")

    monkeypatch.setattr(highlights_module, "analyse", analysed_again)
    answer = "PostgreSQL defaults to Read Committed. Write skew is an anomaly."
    # When the offline engine scores an answer, then its feedback is marked from that scoring
    assert _marked(answer, _offline(answer).highlights) == [
        (HighlightKind.COVERED, "defaults to Read Committed"),
        (HighlightKind.COVERED, "Write skew"),
    ]


def test_each_place_a_sentence_states_a_point_is_marked() -> None:
    # Given a sentence that names an anomaly twice
    answer = "Write skew is the anomaly to know, and write skew still happens under snapshot."
    # When its feedback gets highlights, then both places are marked
    assert _marked(answer, _offline(answer).highlights) == [
        (HighlightKind.COVERED, "Write skew"),
        (HighlightKind.COVERED, "write skew"),
    ]


def test_a_phrasing_found_with_words_between_around_itself_is_marked_in_its_own_words() -> None:
    # Given a sentence where "write skew" is found as it is, and also from the "write" before
    # it with words between ("write, and write skew")
    answer = "Two transactions each read and then write, and write skew follows from it."
    # When its feedback gets highlights, then only the phrasing's own words are marked
    assert _marked(answer, _offline(answer).highlights) == [(HighlightKind.COVERED, "write skew")]


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
    found = highlights(TARGET, answer, feedback, None)
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
