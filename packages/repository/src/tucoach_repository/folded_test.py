"""The folded interviews kept between reads: the least recently read forgotten first."""

from __future__ import annotations

from tucoach_repository.folded import Folded, FoldedInterviews
from tucoach_repository_testing.samples import new_interview


def _folded(version: str) -> Folded:
    return Folded(version=version, interview=new_interview(), request_keys=frozenset())


def test_the_least_recently_read_is_forgotten_first() -> None:
    # Given room for two, holding a and b, a read since b was kept
    folded = FoldedInterviews(2)
    folded.put("a", _folded("1"))
    folded.put("b", _folded("1"))
    assert folded.get("a") is not None
    # When a third is kept
    folded.put("c", _folded("1"))
    # Then b, the least recently read, is forgotten, and a and c are kept
    assert folded.get("b") is None
    assert folded.get("a") is not None
    assert folded.get("c") is not None


def test_keeping_a_newer_version_replaces_the_older() -> None:
    folded = FoldedInterviews(2)
    folded.put("a", _folded("1"))
    folded.put("a", _folded("2"))
    kept = folded.get("a")
    assert kept is not None
    assert kept.version == "2"


def test_a_size_of_zero_keeps_nothing() -> None:
    folded = FoldedInterviews(0)
    folded.put("a", _folded("1"))
    assert folded.get("a") is None


def test_a_forgotten_interview_is_read_from_the_start_again() -> None:
    folded = FoldedInterviews(2)
    folded.put("a", _folded("1"))
    folded.forget("a")
    folded.forget("never kept")
    assert folded.get("a") is None
