"""One page of a list, and the token that fetches the next."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    model_config = ConfigDict(frozen=True, extra="forbid")

    items: tuple[T, ...]
    next_token: str | None = None
    """Pass it back to get the next page; None on the last page."""
