from __future__ import annotations

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.language import stems
from tucoach_coach.matching import (
    Phrase,
    PhraseIndex,
    PhraseKind,
    bank_vocabulary,
    question_phrases,
)
from tucoach_coach.statements import analyse

VOCABULARY = bank_vocabulary(load_bank())


@pytest.mark.parametrize(
    "phrasing",
    ["fresh snapshot", "40001", "kubectl logs --previous", "read-only", "mvcc", "innodb"],
)
def test_a_statement_or_a_rare_technical_token_is_specific(phrasing: str) -> None:
    assert VOCABULARY.is_specific(phrasing)


@pytest.mark.parametrize("phrasing", ["events", "retry", "at a time", "test", "data"])
def test_a_common_single_word_is_generic(phrasing: str) -> None:
    assert not VOCABULARY.is_specific(phrasing)


def test_the_bank_is_indexed_once() -> None:
    assert bank_vocabulary(load_bank()) is VOCABULARY


def _phrase(
    text: str, kind: PhraseKind = PhraseKind.POINT, sides: frozenset[str] = frozenset()
) -> Phrase:
    return Phrase("q", kind, "p", text, tuple(stems(text)), specific=True, sides=sides)


def test_a_point_phrasing_matches_with_a_few_words_between_its_own() -> None:
    index = PhraseIndex([_phrase("behind an interface")])
    (match,) = index.matches(analyse("I put the provider behind an internal versioned interface."))
    assert not match.denied


def test_a_negation_between_the_words_of_a_gapped_match_denies_it() -> None:
    index = PhraseIndex([_phrase("autoscaling is enough")])
    (match,) = index.matches(analyse("Autoscaling alone is not enough for the peak."))
    assert match.denied


def test_a_red_flag_allows_one_word_between_its_words_at_most() -> None:
    index = PhraseIndex([_phrase("rely on autoscaling", PhraseKind.RED_FLAG)])
    assert index.matches(analyse("We rely mostly on autoscaling at peak."))
    assert not index.matches(analyse("We rely on caches and on autoscaling at peak."))


def test_a_function_word_between_a_red_flags_words_can_make_it_right() -> None:
    index = PhraseIndex([_phrase("where o.id = null", PhraseKind.RED_FLAG)])
    assert not index.matches(analyse("Filter the rows WHERE o.id IS NULL after the join."))


def test_a_clause_saying_the_other_side_of_a_points_pair_contradicts_it() -> None:
    # Given a phrasing of a point that states "before" (run migrations before the deploy)
    index = PhraseIndex([_phrase("schema migration", sides=frozenset(stems("before")))])
    # When an answer names it on the other side, or on the point's side
    (swapped,) = index.matches(analyse("The schema migration runs after the new pods start."))
    (kept,) = index.matches(analyse("The schema migration runs before the new pods start."))
    # Then the swapped one contradicts the point and the other states it
    assert swapped.denied
    assert swapped.contradicted
    assert not kept.denied


def test_a_noun_negation_inside_a_gapped_match_contradicts_it() -> None:
    index = PhraseIndex([_phrase("renders in the browser")])
    (match,) = index.matches(analyse("This mode renders nothing in the browser at all."))
    assert match.denied
    assert match.contradicted


def test_a_phrasing_takes_its_sides_from_its_own_part_of_the_point() -> None:
    # Given the bank's phrasings, each with the sides of pairs its point states
    question = load_bank().get("backend-architect-cqrs-event-sourcing")
    sides = {p.text: p.sides for p in question_phrases(question, VOCABULARY)}
    # Then "crypto-shredding" is not on the "avoid" side its statement gives to plain CRUD
    assert not sides["crypto-shredding"]
