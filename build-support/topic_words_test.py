"""The report (tucoach_coach.topics, Python) and the web app (topicLabel in
frontend/src/lib/reportLabels.ts) write a bank topic's words alike: the same words spelled in
capitals and the same whole topics, the app's with a capital first letter (it writes labels)."""

from __future__ import annotations

import re
from pathlib import Path

from tucoach_coach import topics

REPORT_LABELS = Path("frontend/src/lib/reportLabels.ts")


def _app_table(name: str) -> dict[str, str]:
    """One of reportLabels.ts' `const NAME: Record<string, string> = {...};` tables."""
    text = REPORT_LABELS.read_text(encoding="utf-8")
    table = re.search(
        rf"^const {name}: Record<string, string> = \{{\n(.*?)^\}};", text, re.M | re.S
    )
    assert table is not None, f"{REPORT_LABELS} has no table {name}"
    entries = dict(re.findall(r'^\s+(\w+): "([^"]*)",$', table.group(1), re.M))
    assert len(entries) == table.group(1).count("\n"), f"{name} has an entry this test cannot read"
    return entries


def test_the_app_spells_the_same_words_of_topic_ids_in_capitals() -> None:
    # Given the words of topic ids the report does not write in lower case
    # Then the app's table is the same
    assert _app_table("TOPIC_WORDS") == topics.WORDS


def test_the_app_writes_the_same_whole_topics() -> None:
    # Given the topics the report writes in words other than their ids'
    # Then the app's labels are the same words with a capital first letter
    assert _app_table("TOPICS") == {
        topic: words[0].upper() + words[1:] for topic, words in topics.WHOLE_TOPICS.items()
    }
