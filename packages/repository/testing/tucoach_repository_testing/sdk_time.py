"""The CPU time a client spends in its own calls, for the benchmark: how much of a request's
CPU is botocore's (checking, serialising, signing, sending, reading and parsing each request)
and how much is the function's, measured side by side in one run."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

# botocore's first event of a call (before its parameters are checked) and its last (once the
# response is parsed, or the call failed).
_STARTS = "provide-client-params.dynamodb"
_ENDS = ("after-call.dynamodb", "after-call-error.dynamodb")


class SdkTime:
    """Seconds of this thread's CPU spent inside the client's calls, retries included."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._started = threading.local()

    def _start(self, **_: object) -> None:
        self._started.at = time.thread_time()

    def _end(self, **_: object) -> None:
        started = getattr(self._started, "at", None)
        if started is not None:
            self.seconds += time.thread_time() - started
            self.calls += 1
            self._started.at = None


@contextmanager
def time_in_sdk(client: DynamoDBClient) -> Iterator[SdkTime]:
    """Yields an SdkTime that adds up the CPU time of the client's calls made inside the block."""
    spent = SdkTime()
    events = client.meta.events
    events.register_first(_STARTS, spent._start)
    for event in _ENDS:
        events.register_last(event, spent._end)
    try:
        yield spent
    finally:
        events.unregister(_STARTS, spent._start)
        for event in _ENDS:
            events.unregister(event, spent._end)
