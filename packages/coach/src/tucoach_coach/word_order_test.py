from __future__ import annotations

import math
import random
import re

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.language import words
from tucoach_coach.matching import bank_vocabulary
from tucoach_coach.word_order import WordOrderModel
from tucoach_coach_tools.calibrate import load_cases

BANK = load_bank()
MODEL = bank_vocabulary(BANK).word_order


def _shuffled(text: str, seed: int) -> list[str]:
    tokens = re.findall(r"[\w'-]+", text)
    random.Random(seed).shuffle(tokens)  # noqa: S311 - a repeatable shuffle, not cryptography
    return words(" ".join(tokens))


def test_every_model_answer_shuffled_reads_as_words_in_no_order() -> None:
    # Given every model answer of the bank, its words shuffled three ways
    unflagged = [
        (q.id, seed)
        for q in BANK
        for seed in range(3)
        if not MODEL.is_shuffled(_shuffled(q.model_answer, seed))
    ]
    # Then each shuffle is told from prose
    assert not unflagged


def test_written_answers_read_as_english() -> None:
    # Given answers written by people (the calibration's, not what the model learned from)
    texts = [answer for case in load_cases() for answer in case.answers.values()]
    # Then none of them is taken for a shuffle
    flagged = [t[:60] for t in texts if MODEL.is_shuffled(words(t))]
    assert not flagged


def test_prose_is_more_plausible_than_its_shuffle() -> None:
    text = BANK.get("backend-senior-isolation-levels-anomalies").model_answer
    assert MODEL.plausibility(words(text)) > 0 > MODEL.plausibility(_shuffled(text, 1))


def test_a_pair_with_a_word_the_corpus_never_showed_counts_nothing() -> None:
    # Given a model learned from one sentence, which never shows "of" or "to"
    model = WordOrderModel.learned_from(["the cache holds the data"])
    # Then a text of those words says nothing either way, and a pair it showed reads as English
    assert model.plausibility(["of", "to", "of"]) == 0.0
    assert model.plausibility(["the", "of"]) == 0.0
    assert model.plausibility(["the", "cache"]) > 0


def test_a_pairs_ratio_is_its_smoothed_share_against_the_next_words_own() -> None:
    # Given a model learned from one sentence: "the" then content words, then "the" again
    model = WordOrderModel.learned_from(["the cache holds the data"])
    # Then its counts are those of "the _ _ the _"
    assert model.counts() == ({"_": 3, "the": 2}, [("_", "_", 1), ("_", "the", 1), ("the", "_", 2)])
    # And "the" then a content word scores log(P(_ | the) / P(_)): "the" is followed twice, both
    # times by a content word (2 + 0.5 smoothed, over 2 + 0.5 x 2 classes), and a content word
    # is 3 of 5 words (3 + 1 over 5 + 2)
    assert model.plausibility(["the", "cache"]) == pytest.approx(math.log((2.5 / 3) / (4 / 7)))
