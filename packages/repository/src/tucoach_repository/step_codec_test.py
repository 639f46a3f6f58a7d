from __future__ import annotations

import hashlib
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tucoach_models import MAX_ANSWER_LENGTH
from tucoach_repository.items import interview_from_item, interview_from_items, step_to_item
from tucoach_repository.step_codec import (
    CURRENT_DICTIONARY,
    DICTIONARIES,
    LEGACY_ZLIB,
    UnknownStepFormat,
    decode_step,
    dictionary,
    encode_step,
)
from tucoach_repository_testing import legacy_steps, typical

# Every dictionary ever shipped, by id, with the SHA-256 of its file. Stored steps depend on
# their dictionary forever: a file is never edited, a new dictionary takes a new id and a new
# line here, and no line is ever removed.
PINNED = {1: "cd84b59a900b0318ad611d1f476ef704d7e389b0c9a65f41c1f5a4c84682ac08"}
ZLIB_WINDOW = 32_768


def _step_json(length: int) -> bytes:
    previous, new = typical.interview("user-1", "interview-1", 1, length)[:2]
    item = step_to_item(previous, new)
    assert item is not None
    return decode_step(item["step"])


@pytest.mark.parametrize("dictionary_id", sorted(DICTIONARIES))
def test_a_shipped_dictionary_is_the_one_pinned(dictionary_id: int) -> None:
    # Given a dictionary the package ships
    # Then its bytes are exactly those pinned when it was first shipped
    assert hashlib.sha256(dictionary(dictionary_id)).hexdigest() == PINNED[dictionary_id]
    # And deflate can refer to all of it, and its id is a format byte unlike zlib's header
    assert 0 < len(dictionary(dictionary_id)) <= ZLIB_WINDOW
    assert 0 < dictionary_id <= 0xFF
    assert dictionary_id != LEGACY_ZLIB


def test_every_pinned_dictionary_is_still_shipped() -> None:
    assert set(DICTIONARIES) == set(PINNED)
    assert CURRENT_DICTIONARY in DICTIONARIES


@pytest.mark.parametrize(
    "change",
    [
        b"",
        b"{}",
        '{"answers":[{"text":"¿Qué pasa? ✓ 日本語 🚀 \\u0000"}]}'.encode(),
        _step_json(1_000),
        _step_json(MAX_ANSWER_LENGTH),
        bytes(range(256)) * 40,
    ],
    ids=["empty", "empty object", "unicode", "typical step", "longest answer", "binary"],
)
def test_a_step_survives_its_encoding(change: bytes) -> None:
    # When a step's JSON is encoded and decoded
    stored = encode_step(change)
    # Then it is written with the current dictionary and comes back byte for byte
    assert stored[0] == CURRENT_DICTIONARY
    assert decode_step(stored) == change


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=6_000), st.text(max_size=6_000).map(str.encode)))
def test_any_bytes_survive_their_encoding(change: bytes) -> None:
    assert decode_step(encode_step(change)) == change


def test_the_dictionary_makes_a_typical_step_smaller() -> None:
    # Given a typical answer's step
    change = _step_json(1_000)
    # Then it is stored in fewer bytes than plain zlib took
    assert len(encode_step(change)) < len(zlib.compress(change, 9))


def test_steps_written_before_dictionaries_still_read() -> None:
    # Given an interview whose steps were written by repository 0.3.0 (plain zlib, no dictionary)
    whole, *steps, expected = legacy_steps.items()
    assert all(bytes(step["step"])[0] == LEGACY_ZLIB for step in steps)
    # When it is folded
    # Then it is the interview that was stored
    assert interview_from_items([whole, *steps]) == interview_from_item(expected)


def test_a_new_step_folds_onto_steps_written_before_dictionaries() -> None:
    # Given the legacy interview, and the next answer stored today
    whole, *steps, expected = legacy_steps.items()
    latest = interview_from_item(expected)
    new = typical.answered(latest, len(latest.answers) + 1, 400)
    item = step_to_item(latest, new)
    assert item is not None
    assert item["step"][0] == CURRENT_DICTIONARY
    # Then one fold reads both formats
    assert interview_from_items([whole, *steps, item]) == new


@pytest.mark.parametrize(
    ("stored", "named"),
    [
        (b"", "no format byte"),
        (bytes((0x00,)) + b"\x03\x00", "format 0x00"),
        (bytes((0x02,)) + b"\x03\x00", "format 0x02"),
        (bytes((0xFF,)), "format 0xff"),
    ],
    ids=["empty", "zero", "a dictionary not shipped", "0xff"],
)
def test_an_unknown_format_is_refused_naming_it(stored: bytes, named: str) -> None:
    # Given stored bytes whose first byte names no format this code reads
    # Then decoding refuses them, naming the format and the ones it reads
    with pytest.raises(UnknownStepFormat, match=named) as refused:
        decode_step(stored)
    assert "reads 0x01" in str(refused.value)


@pytest.mark.parametrize("cut", [1, 10, -1])
def test_a_damaged_step_is_refused(cut: int) -> None:
    # Given a step cut short, or with a byte after its end
    stored = encode_step(_step_json(1_000))
    damaged = stored + b"\x00" if cut == -1 else stored[: len(stored) - cut]
    # Then decoding refuses it rather than returning part of it
    with pytest.raises(zlib.error):
        decode_step(damaged)
