from __future__ import annotations

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.matching import bank_vocabulary

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
