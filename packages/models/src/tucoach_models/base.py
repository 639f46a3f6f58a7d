"""The base of every domain model: immutable, and strict about unknown fields."""

from pydantic import BaseModel, ConfigDict


class DomainModel(BaseModel):
    # Validators and serialisers are built at a model's first use rather than at import: the
    # function's cold start imports every model, and a request uses a few (subclasses inherit it).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
