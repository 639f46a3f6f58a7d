"""One page of a list, and the opaque token that fetches the next."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

MAX_PAGE_LIMIT = 100
DEFAULT_PAGE_LIMIT = 20


class Page[T](BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    items: tuple[T, ...]
    next_token: str | None = None
