"""The interviews a process has read or written, kept folded at the version read or written, so
that reading one again reads only what is newer (reads.py), and answering it needs no read at
all while this process wrote its latest version (ADR 0013).

A version item never changes once stored (ADR 0010), so an interview folded at a version is that
version for good: the next read of the interview needs only the items from that version on (the
summary, which names the latest version, and any version appended since), not every step again.
The summary is read every time, so what a read returns is always the table's latest. A warm
Lambda container reading an interview it answered before reads three small items instead of the
whole partition, and folds one step instead of all of them; answering it again, it reads nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from tucoach_models import Interview, format_timestamp


@dataclass(frozen=True)
class Folded:
    """An interview as folded at one of its versions."""

    version: str
    """The sort key of the version folded (its `updated_at`)."""
    interview: Interview
    request_keys: frozenset[str]
    """The Idempotency-Keys of the requests that made this version and those before it."""

    @classmethod
    def written(cls, interview: Interview, request_keys: frozenset[str]) -> Folded:
        """An interview as this process wrote it (its sort key is its `updated_at`)."""
        return cls(format_timestamp(interview.updated_at), interview, request_keys)


class FoldedInterviews:
    """Folded interviews by partition key, the least recently read or written forgotten first once
    there are more than `size` (0 keeps none). Safe to share between threads (the local
    server's)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[str, Folded] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, partition_key: str) -> Folded | None:
        with self._lock:
            folded = self._entries.get(partition_key)
            if folded is not None:
                self._entries.move_to_end(partition_key)
            return folded

    def put(self, partition_key: str, folded: Folded) -> None:
        if self._size == 0:
            return
        with self._lock:
            self._entries[partition_key] = folded
            self._entries.move_to_end(partition_key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def advance(
        self, partition_key: str, previous: Interview, new: Interview, key: str | None
    ) -> None:
        """Keeps `new`, which this process appended after `previous`, in place of `previous` if
        that is the version kept, with the Idempotency-Key `key` of the request that made it. A
        kept copy of another version is left as it is."""
        with self._lock:
            kept = self._entries.get(partition_key)
            if kept is None or kept.version != format_timestamp(previous.updated_at):
                return
            keys = kept.request_keys if key is None else kept.request_keys | {key}
            self._entries[partition_key] = Folded.written(new, keys)
            self._entries.move_to_end(partition_key)

    def forget(self, partition_key: str) -> None:
        with self._lock:
            self._entries.pop(partition_key, None)
