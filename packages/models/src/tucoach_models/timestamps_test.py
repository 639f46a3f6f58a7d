from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings

from tucoach_models import format_timestamp, parse_timestamp
from tucoach_models_testing.strategies import moments


@settings(deadline=None)  # examples, not their speed: CI machines are shared
@given(moments)
def test_formatting_then_parsing_gives_the_same_moment(moment: datetime) -> None:
    text = format_timestamp(moment)
    assert len(text) == 27
    assert parse_timestamp(text) == moment
    assert parse_timestamp(text).tzinfo is UTC


def test_the_format_is_fixed_width_even_on_a_whole_second() -> None:
    assert format_timestamp(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00.000000Z"


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-01",
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.000000+00:00",
        "not a time at all, no",
        "2026-02-30T00:00:00.000000Z",
        "2026-01-01T24:00:00.000000Z",
        "2026-01-01T00:00:00.000000z",
        "\uff12026-01-01T00:00:00.000000Z",  # a full-width digit two
    ],
)
def test_other_shapes_are_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match=r"like 2026-11-30T12:34:56\.000123Z"):
        parse_timestamp(text)


def test_naive_datetimes_cannot_be_formatted() -> None:
    with pytest.raises(ValueError, match="time zone"):
        format_timestamp(datetime(2026, 1, 1))
