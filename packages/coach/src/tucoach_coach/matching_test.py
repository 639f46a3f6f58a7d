from __future__ import annotations

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.language import stems
from tucoach_coach.matching import Phrase, PhraseIndex, PhraseKind, bank_vocabulary
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


def _phrase(text: str, kind: PhraseKind = PhraseKind.POINT) -> Phrase:
    return Phrase("q", kind, "p", text, tuple(stems(text)), specific=True)


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
