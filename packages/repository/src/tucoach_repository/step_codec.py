"""How a step's change is stored: its compact JSON, deflated with a preset dictionary.

A step is small (2-5 KB of JSON), and deflate starts with an empty window: the JSON keys, the
rubric's names and comments and the offline coach's sentences are new to it in every step. A
preset dictionary (zlib's `zdict`) holds them, so deflate refers to them from the first byte on:
steps are about a third smaller, and a follow-up answer's item fits 1 KB (ADR 0008, "Preset
dictionary").

The first byte of the stored bytes says how the rest was written:

    0x78    a whole zlib stream, no dictionary: the steps written before dictionaries (0x78 is
            the first byte of every zlib stream with deflate's 32 KB window, which Python writes)
    0x01..  dictionary of that id, then raw deflate (no zlib header or checksum: the byte says
            all the header would, and the JSON is validated as it is read)

A stored step depends on its dictionary forever: a dictionary file never changes (its SHA-256 is
pinned by `step_codec_test.py`); a better one gets the next id, and the old ones stay.
"""

from __future__ import annotations

import zlib
from functools import cache
from importlib import resources

# The format byte of the steps written before dictionaries: the zlib header's first byte.
LEGACY_ZLIB = 0x78
# The dictionary new steps are written with; every id in DICTIONARIES stays readable.
CURRENT_DICTIONARY = 1
DICTIONARIES = {1: "step_dictionaries/1.zdict"}
_LEVEL = 9
_RAW_DEFLATE = -zlib.MAX_WBITS  # negative: no zlib header or trailer


class UnknownStepFormat(ValueError):
    """Stored bytes whose first byte names no format this code reads (say, a step written by a
    newer repository with a dictionary this one does not ship)."""

    def __init__(self, format_byte: int | None) -> None:
        known = ", ".join(f"0x{i:02x}" for i in (*DICTIONARIES, LEGACY_ZLIB))
        named = "no format byte (empty)" if format_byte is None else f"format 0x{format_byte:02x}"
        super().__init__(
            f"step stored with {named}; this repository reads {known} (a newer dictionary "
            "needs the code that ships it)"
        )


def encode_step(change: bytes) -> bytes:
    """The stored bytes of a step's JSON, with the current dictionary."""
    return bytes((CURRENT_DICTIONARY,)) + deflate(change, dictionary(CURRENT_DICTIONARY))


def deflate(change: bytes, preset: bytes) -> bytes:
    """Raw deflate of `change` as steps are stored, `preset` its dictionary (none if empty); the
    dictionary's builder measures its candidates with it."""
    compressor = (
        zlib.compressobj(_LEVEL, zlib.DEFLATED, _RAW_DEFLATE, zdict=preset)
        if preset
        else zlib.compressobj(_LEVEL, zlib.DEFLATED, _RAW_DEFLATE)
    )
    return compressor.compress(change) + compressor.flush()


def decode_step(stored: bytes) -> bytes:
    """The step's JSON from its stored bytes, whichever format wrote them; UnknownStepFormat
    for a format byte this code does not know, zlib.error for damaged bytes."""
    if not stored:
        raise UnknownStepFormat(None)
    format_byte = stored[0]
    if format_byte == LEGACY_ZLIB:
        return zlib.decompress(stored)
    if format_byte not in DICTIONARIES:
        raise UnknownStepFormat(format_byte)
    decompressor = zlib.decompressobj(_RAW_DEFLATE, dictionary(format_byte))
    change = decompressor.decompress(memoryview(stored)[1:]) + decompressor.flush()
    if not decompressor.eof or decompressor.unused_data:
        raise zlib.error("step is truncated or has bytes after its end")
    return change


@cache
def dictionary(dictionary_id: int) -> bytes:
    """The preset dictionary of this id, as shipped in the package (read once per process)."""
    return (resources.files("tucoach_repository") / DICTIONARIES[dictionary_id]).read_bytes()
