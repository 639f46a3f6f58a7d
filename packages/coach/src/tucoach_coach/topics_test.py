from __future__ import annotations

import re

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.topics import topic_words


@pytest.mark.parametrize(
    ("topic", "words"),
    [
        ("query_tuning", "query tuning"),
        ("http_tls", "HTTP and TLS"),
        ("rest", "REST"),
        ("ci_cd", "CI/CD"),
        ("kubernetes_operations", "Kubernetes operations"),
        ("dora_metrics", "DORA metrics"),
    ],
)
def test_a_topic_id_reads_as_words(topic: str, words: str) -> None:
    assert topic_words(topic) == words


# Short words of the bank's topic ids that are English words, not acronyms to spell in capitals.
SHORT_ENGLISH_WORDS = {"and", "buy", "for", "of", "on", "or", "the", "to"}


def test_no_topic_of_the_bank_shows_an_acronym_in_lower_case() -> None:
    # Given every topic of the bank as the report writes it
    written = {topic: topic_words(topic) for topic in {q.topic for q in load_bank()}}
    # Then a short word is either an English word or spelled as an acronym ("SQL", not "sql")
    lower_acronyms = {
        topic: words
        for topic, words in written.items()
        if any(len(w) <= 3 and w.islower() and w not in SHORT_ENGLISH_WORDS for w in words.split())
    }
    assert not lower_acronyms, lower_acronyms


def test_no_topic_of_the_bank_keeps_a_digit_inside_a_word() -> None:
    # Given every topic of the bank as the report writes it
    written = {topic: topic_words(topic) for topic in {q.topic for q in load_bank()}}
    # Then none keeps a numeronym of its id ("i18n" is written "internationalisation")
    numeronyms = {topic: words for topic, words in written.items() if re.search(r"[a-z]\d", words)}
    assert not numeronyms, numeronyms
