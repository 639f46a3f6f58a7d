"""Does a text have English word order, or is it words in any order?

A shuffle of an answer's own words keeps every term and the share of function words, so term
counts cannot tell it from the answer. Word order can: in English, "the" is followed by a noun
and not by "of", "to" by a verb or a noun phrase, and so on. The model here is a bigram model
over function words, every other word collapsed to one class (`_CONTENT`), learned from prose
(the bank's model answers). A text's plausibility is the mean, over its adjacent word pairs, of
log P(next | previous) / P(next): positive for prose, near or below zero for a shuffle.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from tucoach_coach.language import STOP_WORDS, words

_CONTENT = "_"
# Add-k smoothing, so a pair the corpus never showed is unlikely, not impossible.
_SMOOTHING = 0.5

# How sure we must be, by length: long texts give a steady mean, short ones a noisy one, so
# short texts must look much less like English before they are called a shuffle.
LONG_TEXT_WORDS = 80
LONG_TEXT_THRESHOLD = -0.09
MEDIUM_TEXT_WORDS = 40
MEDIUM_TEXT_THRESHOLD = -0.15


class WordOrderModel:
    def __init__(self, unigrams: Mapping[str, int], bigrams: Mapping[tuple[str, str], int]) -> None:
        """A model of these counts: each word class's, and each adjacent pair's."""
        self._unigrams = Counter(unigrams)
        self._bigrams = Counter(bigrams)
        # How often each class is followed by any other.
        self._left: Counter[str] = Counter()
        for (previous, _), count in self._bigrams.items():
            self._left[previous] += count
        self._total = sum(self._unigrams.values())
        self._types = len(self._unigrams)
        # Each pair's ratio as first met: computing all of them up front (20,000-odd for the
        # bank) took a container's first answer about 60 ms of CPU, for the few hundred that
        # answers use.
        self._ratios: dict[tuple[str, str], float] = {}

    @classmethod
    def learned_from(cls, corpus: Iterable[str]) -> WordOrderModel:
        """The model of a corpus of prose. For the shipped bank, its counts are compiled with it
        (`compiled_vocabulary.read_word_order`): counting the model answers' 29,000-odd words
        took a container's first answer tens of milliseconds of CPU."""
        unigrams: Counter[str] = Counter()
        bigrams: Counter[tuple[str, str]] = Counter()
        for text in corpus:
            tokens = _classes(words(text))
            unigrams.update(tokens)
            bigrams.update(pairwise(tokens))
        return cls(unigrams, bigrams)

    def counts(self) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
        """Its counts, in a stable order: each class's, then each pair's (previous, next,
        count): what the bank's compiler writes, and `compiled_vocabulary.read_word_order`
        reads back into a model."""
        return dict(sorted(self._unigrams.items())), sorted(
            (previous, following, count) for (previous, following), count in self._bigrams.items()
        )

    def plausibility(self, tokens: Sequence[str]) -> float:
        """Mean log-likelihood ratio of the text's word pairs: prose > 0, a shuffle <= 0."""
        classes = _classes(tokens)
        pairs = list(pairwise(classes))
        if not pairs or not self._total:
            return 0.0
        ratios = self._ratios
        for pair in pairs:
            if pair not in ratios:
                ratios[pair] = self._ratio(*pair)
        return sum(ratios[pair] for pair in pairs) / len(pairs)

    def is_shuffled(self, tokens: Sequence[str]) -> bool:
        """Whether a text of 40 words or more reads as words in no English order."""
        if len(tokens) >= LONG_TEXT_WORDS:
            return self.plausibility(tokens) < LONG_TEXT_THRESHOLD
        if len(tokens) >= MEDIUM_TEXT_WORDS:
            return self.plausibility(tokens) < MEDIUM_TEXT_THRESHOLD
        return False

    def _ratio(self, previous: str, following: str) -> float:
        # A function word the corpus never used is no evidence of order either way (and the
        # model has no count to smooth for it).
        if following not in self._unigrams:
            return 0.0
        p_following = (self._unigrams[following] + 1) / (self._total + self._types)
        if not self._left[previous]:
            return 0.0
        p_pair = (self._bigrams[previous, following] + _SMOOTHING) / (
            self._left[previous] + _SMOOTHING * self._types
        )
        return math.log(p_pair / p_following)


def _classes(tokens: Sequence[str]) -> list[str]:
    return [t if t in STOP_WORDS else _CONTENT for t in tokens]
