from __future__ import annotations

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


def test_no_topic_of_the_bank_shows_its_identifier() -> None:
    topics = {question.topic for question in load_bank()}
    assert all("_" not in topic_words(topic) for topic in topics)
