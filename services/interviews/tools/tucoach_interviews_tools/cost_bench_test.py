from __future__ import annotations

from tucoach_interviews_tools.cost_bench import (
    PREFLIGHT_MAX_AGE_SECONDS,
    CountingStream,
    Request,
    preflights,
)


def test_a_preflight_is_cached_per_url_for_max_age() -> None:
    # Given two answers within Max-Age, one after it, and another URL in between
    answers = "/interviews/i/answers"
    requests = [
        Request("POST", answers, 0),
        Request("GET", "/interviews/i", 1),
        Request("POST", answers, PREFLIGHT_MAX_AGE_SECONDS),
        Request("POST", answers, PREFLIGHT_MAX_AGE_SECONDS + 1),
    ]

    # Then the browser preflights the answers' URL twice and the other URL once
    assert preflights(requests) == 3


def test_the_log_stream_counts_utf8_bytes_and_lines() -> None:
    stream = CountingStream()

    stream.write('{"message": "café"}\n')
    stream.write("no newline")

    assert stream.bytes == 21 + 10
    assert stream.lines == 1
