from __future__ import annotations

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.language import (
    contains_phrase,
    content_words,
    distinct_ratio,
    stem,
    stems,
    word_spans,
    words,
)


@pytest.mark.parametrize(
    "forms",
    [
        ("cache", "caches", "caching", "cached"),
        ("retry", "retries", "retried", "retrying"),
        ("index", "indexes"),
        ("map", "mapping", "mapped"),
        ("replica", "replicas"),
        ("lock", "locks", "locking", "locked"),
    ],
)
def test_inflected_forms_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1


@pytest.mark.parametrize(
    "forms",
    [
        ("split", "divide", "divided"),
        ("change", "modify", "modified", "alter"),
        ("serve", "served", "deliver", "delivers"),
        ("issue", "problems"),
    ],
)
def test_everyday_synonyms_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1


def test_technical_terms_are_not_synonyms() -> None:
    assert stem("process") != stem("handle")
    assert stem("partition") != stem("split")


def test_words_are_lowercase_alphanumeric_runs_with_contractions_spelled_out() -> None:
    assert words("Don't use O(n^2) in CI/CD!") == [
        "do",
        "not",
        "use",
        "o",
        "n",
        "2",
        "in",
        "ci",
        "cd",
    ]
    assert words("It can't, won\u2019t and shouldn't; we'd say they're right") == [
        *("it", "can", "not", "will", "not", "and", "should", "not"),
        *("we", "would", "say", "they", "are", "right"),
    ]


def test_each_word_knows_the_whole_written_words_it_was_read_from() -> None:
    # Given text with contractions, capitals and a letter that lowercases into two characters
    text = "\u0130t isn't slow; they\u2019re FAST, won't they?"
    # When its words are read with their places
    found = word_spans(text)
    # Then they are the words `words` reads, and a contraction's words are the whole contraction
    assert [w.text for w in found] == words(text)
    assert [text[w.start : w.end] for w in found] == [
        *("\u0130", "t", "isn't", "isn't", "slow", "they\u2019re", "they\u2019re"),
        *("FAST", "won't", "won't", "they"),
    ]


def test_the_words_placed_in_the_text_are_the_words_read_from_it_for_every_bank_text() -> None:
    # Given every text of the bank (questions, model answers, points and their phrasings)
    texts = [
        text
        for question in load_bank()
        for text in (
            question.text,
            question.model_answer,
            *(p.point for p in question.talking_points),
            *(f.claim for f in question.red_flags),
        )
    ]
    # Then the words found with their places are the words scoring reads
    assert all([w.text for w in word_spans(text)] == words(text) for text in texts)


def test_a_contracted_answer_states_a_phrasing_written_out() -> None:
    # Given a phrasing written out, when an answer says it with a contraction, then it matches
    answer = stems("GET and HEAD are safe: they shouldn't change state at all.")
    assert contains_phrase(answer, stems("should not change state"))


def test_a_phrase_matches_only_as_consecutive_words() -> None:
    answer = stems("We retried the requests with exponential backoff and jitter.")
    assert contains_phrase(answer, stems("exponential backoff"))
    assert contains_phrase(answer, stems("retry the request"))
    assert not contains_phrase(answer, stems("backoff exponential"))
    assert not contains_phrase(answer, [])


def test_stop_words_are_not_content() -> None:
    assert content_words(words("It is the index that makes the query fast")) == [
        "index",
        "makes",
        "query",
        "fast",
    ]


def test_repeated_text_has_a_low_distinct_ratio() -> None:
    prose = words("An index speeds up reads at the cost of slower writes and more storage.")
    repeated = words("use an index " * 20)
    assert distinct_ratio(prose) == 1.0
    assert distinct_ratio(repeated) < 0.1
