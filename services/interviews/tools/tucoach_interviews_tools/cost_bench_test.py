from __future__ import annotations

import gzip
import json

from tucoach_interviews_tools.cost_bench import (
    PREFLIGHT_MAX_AGE_SECONDS,
    CountingStream,
    Request,
    preflights,
    sent_bytes,
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


def test_bodies_from_the_minimum_size_are_sent_gzipped_and_smaller_ones_as_they_are() -> None:
    # Given an interview-like JSON body of a few kilobytes and a small one
    body = json.dumps(
        {"answers": [{"answer": f"Cache the reads, invalidate on write ({n})"} for n in range(50)]}
    ).encode()
    small = b'{"rating": null}'

    # Then the large one is sent as gzip, much smaller, and the small one byte for byte
    sent = sent_bytes(body, 1024)
    assert sent < len(body) / 4
    assert sent == len(gzip.compress(body, compresslevel=6, mtime=0))
    assert sent_bytes(small, 1024) == len(small)
    # ... and the threshold counts: at the body's own size it compresses, one byte above not
    assert sent_bytes(body, len(body)) == sent
    assert sent_bytes(body, len(body) + 1) == len(body)
