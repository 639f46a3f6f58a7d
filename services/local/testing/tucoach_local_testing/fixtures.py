"""Pytest fixtures of the local server's tests (a plugin: `pytest_plugins` in their conftest.py),
over DynamoDB Local (`dynamodb_local_endpoint` of `tucoach_repository_testing.fixtures`: see there
how the engine is found, and when a missing one skips or fails)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tucoach_local.invokers import WorkerPoolInvoker
from tucoach_local_testing.serving import RunningServer, in_process, serving


@pytest.fixture(scope="module")
def local_server(
    dynamodb_local_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServer]:
    """One function instance in this process: the simplest, for most tests."""
    with serving(dynamodb_local_endpoint, tmp_path_factory.mktemp("web"), in_process) as server:
        yield server


@pytest.fixture(scope="module")
def pooled_server(
    dynamodb_local_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServer]:
    """Four function instances in worker processes, serving requests truly side by side."""
    with serving(
        dynamodb_local_endpoint,
        tmp_path_factory.mktemp("web"),
        lambda environment: WorkerPoolInvoker(4, environment),
    ) as server:
        yield server
