"""Identifiers that become parts of table keys, so they may not contain the `#` delimiter."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

UserId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,127}$")]
"""The `sub` claim of the signed-in user (Cognito gives a UUID)."""

InterviewId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]

QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._~-]{0,199}$")]
"""A question bank id; a follow-up is `<main question id>~<talking point id>`."""
