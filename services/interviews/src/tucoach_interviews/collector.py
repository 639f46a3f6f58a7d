"""The cyclic garbage collector, paused while the container builds what it keeps for its life.

Loading the modules (boto3, pydantic, Powertools and ours) and building the service and the
Tracer allocate about a hundred thousand objects that live as long as the container: the
collector, triggered by allocation counts, runs dozens of times meanwhile and frees nothing
(README, "Cold start", for what that costs). Paused instead, and what was built frozen: later
collections skip it, on every request too. The little cyclic garbage made while building stays.
"""

from __future__ import annotations

# Nothing else imported: this module loads before the pause begins, so it allocates little.
import gc


class _Paused:
    def __init__(self) -> None:
        self._enabled = False

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *_: object) -> None:
        gc.freeze()
        if self._enabled:
            gc.enable()


def paused() -> _Paused:
    """No collection inside the `with` block; after it, every object is frozen (never scanned
    again) and the collector is on again if it was."""
    return _Paused()
