"""The collector paused while the container builds what it keeps."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tucoach_interviews.collector import paused


@pytest.fixture
def collections() -> Iterator[list[dict[str, int]]]:
    """The collections that start while the test runs (their generation and counts)."""
    started: list[dict[str, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info)

    gc.callbacks.append(record)
    yield started
    gc.callbacks.remove(record)


def _cycles(count: int) -> list[list[object]]:
    """Objects that refer to themselves: each one counts towards the next collection."""
    cycles: list[list[object]] = []
    for _ in range(count):
        cycle: list[object] = []
        cycle.append(cycle)
        cycles.append(cycle)
    return cycles


def test_nothing_is_collected_inside_and_what_was_built_is_frozen_after(
    collections: list[dict[str, int]],
) -> None:
    # Given the collector on, and as many new objects as trigger several collections unpaused
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    # When they are built with the collector paused
    with paused():
        built = _cycles(50_000)
        # Then no collection runs meanwhile
        assert not gc.isenabled()
    assert collections == []
    # And afterwards the collector is on, and skips what was built
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(built)


def test_the_collector_is_on_again_even_when_the_block_fails() -> None:
    with pytest.raises(ImportError), paused():
        raise ImportError("a module failed to load")
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
