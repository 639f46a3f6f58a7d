"""Version timestamps: UTC, ISO-8601, fixed width, so that their text sorts as their time does."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer

# Always microseconds and a `Z`: 27 characters, e.g. 2026-11-30T12:34:56.000123Z.
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
TIMESTAMP_LENGTH = 27
_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z", re.ASCII)


def format_timestamp(moment: datetime) -> str:
    """The fixed-width text of an aware datetime, in UTC."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must carry a time zone; naive datetimes are ambiguous")
    return moment.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """The inverse of `format_timestamp`; any other shape is refused."""
    # The shape checked first, then read by fromisoformat (which reads the `Z` as UTC): a tenth
    # of strptime's time, and every version read parses its sort key.
    if _SHAPE.fullmatch(text) is None:
        raise ValueError(f"expected a UTC timestamp like 2026-11-30T12:34:56.000123Z, got {text!r}")
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(
            f"expected a UTC timestamp like 2026-11-30T12:34:56.000123Z, got {text!r}"
        ) from error


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("timestamps must carry a time zone; naive datetimes are ambiguous")
    return moment.astimezone(UTC)


UtcDatetime = Annotated[
    datetime,
    AfterValidator(_as_utc),
    PlainSerializer(format_timestamp, return_type=str, when_used="json"),
]
"""An aware datetime kept in UTC and written as fixed-width text in JSON."""
