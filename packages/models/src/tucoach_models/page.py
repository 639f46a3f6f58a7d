"""One page of a list, and the opaque token that fetches the next."""

from pydantic import BaseModel, ConfigDict

MAX_PAGE_LIMIT = 100
DEFAULT_PAGE_LIMIT = 20


class Page[T](BaseModel):
    # Built when a page of some T is first made (a list's request), not as the models load.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    items: tuple[T, ...]
    next_token: str | None = None
