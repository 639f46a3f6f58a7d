"""Interviews kept folded between reads and appends: the least recently used forgotten first."""

from __future__ import annotations

from tucoach_models import format_timestamp
from tucoach_repository.folded import Folded, FoldedInterviews
from tucoach_repository_testing.samples import new_interview, next_version


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


def test_an_append_on_the_version_kept_takes_its_place_with_its_key() -> None:
    # Given version 1 kept, made by a request with a key
    folded = FoldedInterviews(2)
    first = new_interview()
    folded.put("a", Folded.written(first, frozenset({"key-1"})))
    # When this process appends version 2 on it, with another key
    second = next_version(first)
    folded.advance("a", first, second, "key-2")
    # Then version 2 is kept, with both keys
    kept = folded.get("a")
    assert kept == Folded(
        format_timestamp(second.updated_at), second, frozenset({"key-1", "key-2"})
    )


def test_an_append_on_another_version_than_the_one_kept_leaves_it() -> None:
    # Given version 3 kept (read after another process appended 2 and 3)
    first = new_interview()
    second = next_version(first)
    third = Folded.written(next_version(second), frozenset())
    folded = FoldedInterviews(2)
    folded.put("a", third)
    # When this process's append on version 1 is reported, and one on an interview not kept
    folded.advance("a", first, second, None)
    folded.advance("b", first, second, None)
    # Then version 3 stays kept, and nothing is kept of the other
    assert folded.get("a") == third
    assert folded.get("b") is None
