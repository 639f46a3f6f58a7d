"""How the local server runs the Lambda handler: like Lambda, one request at a time per
execution environment, with several environments side by side.

Powertools' resolver keeps the current event on itself, so one environment must never serve two
requests at once: in-process there is one, behind a lock; the worker pool has one per process.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from tucoach_local.gateway import Handler, LambdaContext

HANDLER = "tucoach_interviews.handler:lambda_handler"


class Invoker(Protocol):
    def invoke(self, event: dict[str, Any]) -> dict[str, Any]: ...

    def close(self) -> None: ...


class InProcessInvoker:
    """One execution environment in this process (tests, and --workers 1)."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._lock = threading.Lock()

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        context = LambdaContext(aws_request_id=event["requestContext"]["requestId"])
        with self._lock:
            return self._handler(event, context)

    def close(self) -> None:
        """Nothing to stop."""


class WorkerPoolInvoker:
    """`workers` execution environments, each a process that imports the handler once."""

    def __init__(self, workers: int, environment: Mapping[str, str]) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            # Not fork: the server's threads and sockets must not be copied into the workers.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(dict(environment),),
        )
        # Each submit while no worker is idle starts one more process: so every environment
        # starts now and imports the handler, as Lambda's do before they serve, and no request
        # waits for processes to start (four starting together take seconds on two cores).
        for started in [self._pool.submit(_started) for _ in range(workers)]:
            started.result()

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        return self._pool.submit(_invoke, event).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


_handler: Handler | None = None


def _start_worker(environment: dict[str, str]) -> None:
    # Ctrl-C reaches the whole process group; the server, not each worker, decides to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(environment)
    global _handler  # noqa: PLW0603 - one handler per worker process, as in Lambda
    module, name = HANDLER.split(":")
    _handler = getattr(importlib.import_module(module), name)


def _started() -> None:
    """Nothing: a worker runs it once its initializer has imported the handler."""


def _invoke(event: dict[str, Any]) -> dict[str, Any]:
    assert _handler is not None  # noqa: S101 - set by _start_worker before any task
    context = LambdaContext(aws_request_id=event["requestContext"]["requestId"])
    return _handler(event, context)
