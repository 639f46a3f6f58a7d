from __future__ import annotations

import pytest

from tucoach_coach.language import (
    contains_phrase,
    content_words,
    distinct_ratio,
    stem,
    stems,
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


def test_words_are_lowercase_alphanumeric_runs() -> None:
    assert words("Don't use O(n^2) in CI/CD!") == [
        "don",
        "t",
        "use",
        "o",
        "n",
        "2",
        "in",
        "ci",
        "cd",
    ]


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
