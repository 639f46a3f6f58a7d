"""The kinds of failure every layer may raise; the API maps each kind to one HTTP status.

Packages raise subclasses with their own detail (the repository's `VersionConflict` is a
`ConflictError`), so the mapping knows these bases only. Messages are written for the person
using TuCoach: they say what happened and what to do, never how the code failed.
"""

from __future__ import annotations


class TuCoachError(Exception):
    """The base of every error TuCoach raises on purpose."""

    def __init__(self, message: str, *, details: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InvalidRequestError(TuCoachError):
    """The request cannot be carried out as asked (400)."""


class NotFoundError(TuCoachError):
    """The thing asked for does not exist, or is not the caller's (404)."""


class ConflictError(TuCoachError):
    """Someone changed the thing first; read it again and retry (409)."""


class TooLargeError(TuCoachError):
    """The thing to store is larger than the limit (413)."""


class UnprocessableError(TuCoachError):
    """The request is well formed but not valid in the thing's current state (422)."""


class UnavailableError(TuCoachError):
    """A dependency is throttled or down; retrying later may work (503)."""

    def __init__(
        self,
        message: str,
        *,
        retry_after_seconds: int = 1,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.retry_after_seconds = retry_after_seconds


class QuotaExceededError(TuCoachError):
    """The caller has used up a limit for now; it frees up after a while (429)."""

    def __init__(
        self,
        message: str,
        *,
        retry_after_seconds: int,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.retry_after_seconds = retry_after_seconds
