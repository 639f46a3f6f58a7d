"""The one place that turns an error into an HTTP status and the one JSON error shape.

    {"error": {"code": "version_conflict", "message": "...", "details": {...}, "request_id": "..."}}

`code` is the error class's name in snake_case, so it is stable and specific; `message` is for
a person. Unexpected errors become 500 with a generic message: the detail goes to the logs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tucoach_interviews.schemas import ErrorBody, ErrorDetail
from tucoach_models import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    QuotaExceededError,
    TooLargeError,
    TuCoachError,
    UnavailableError,
    UnprocessableError,
)


class NotSignedIn(TuCoachError):
    def __init__(self) -> None:
        super().__init__("Sign in to use TuCoach; your session may have expired.")


class UnsupportedContentType(TuCoachError):
    def __init__(self, content_type: str | None) -> None:
        super().__init__(
            "Send the request body as JSON with the header Content-Type: application/json.",
            details={"content_type": content_type},
        )


class BodyTooLarge(TooLargeError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"The request body is {size} bytes; the limit is {limit} bytes.",
            details={"size": size, "limit": limit},
        )


class NoSuchRoute(NotFoundError):
    def __init__(self, method: str, path: str) -> None:
        super().__init__(f"There is no {method} {path} in this API.")


class MethodNotAllowed(TuCoachError):
    def __init__(self, method: str, path: str, allowed: tuple[str, ...]) -> None:
        super().__init__(
            f"{path} does not answer {method}; it answers {', '.join(allowed)}.",
            details={"allowed": list(allowed)},
        )
        self.allowed = allowed


class MalformedJson(InvalidRequestError):
    def __init__(self) -> None:
        super().__init__("The request body is not valid JSON text (UTF-8).")


class JsonTooDeep(InvalidRequestError):
    def __init__(self) -> None:
        super().__init__("The request body is nested too deeply to be a request of this API.")


class IdempotencyKeyReused(UnprocessableError):
    def __init__(self) -> None:
        super().__init__(
            "This Idempotency-Key was already used for a different request; use a new key for "
            "each new answer."
        )


class StaleVersion(ConflictError):
    def __init__(self, expected: int, latest: int) -> None:
        super().__init__(
            "The interview has changed since you loaded it; reload it and try again.",
            details={"expected_version": expected, "latest_version": latest},
        )


class ReportNotReady(ConflictError):
    def __init__(self) -> None:
        super().__init__("This interview is not finished yet; finish it to get its report.")


# Most specific first: the first base an error is an instance of decides its status.
_STATUS_OF: tuple[tuple[type[TuCoachError], int], ...] = (
    (NotSignedIn, 401),
    (UnsupportedContentType, 415),
    (MethodNotAllowed, 405),
    (InvalidRequestError, 400),
    (NotFoundError, 404),
    (ConflictError, 409),
    (TooLargeError, 413),
    (UnprocessableError, 422),
    (QuotaExceededError, 429),
    (UnavailableError, 503),
)

INTERNAL_ERROR_MESSAGE = (
    "Something went wrong on our side. Try again; if it keeps happening, contact support with "
    "the request id."
)


@dataclass(frozen=True)
class HttpError:
    status: int
    body: ErrorBody
    headers: dict[str, str] = field(default_factory=dict)


def http_error(error: Exception, request_id: str | None) -> HttpError:
    """The status, body and headers a client gets for `error`."""
    if not isinstance(error, TuCoachError):
        return HttpError(500, _body("internal_error", INTERNAL_ERROR_MESSAGE, None, request_id))
    status = next((s for kind, s in _STATUS_OF if isinstance(error, kind)), 500)
    headers = {}
    if isinstance(error, UnavailableError | QuotaExceededError):
        headers["Retry-After"] = str(error.retry_after_seconds)
    if isinstance(error, MethodNotAllowed):
        headers["Allow"] = ", ".join(error.allowed)
    code = _snake_case(type(error).__name__)
    return HttpError(status, _body(code, error.message, error.details or None, request_id), headers)


def validation_error(problems: list[dict[str, object]], request_id: str | None) -> HttpError:
    """422 for a request whose fields break the schema; 400 if its body is not JSON at all."""
    if any(p.get("type") == "json_invalid" for p in problems):
        return http_error(MalformedJson(), request_id)
    fields = [{"field": _field_path(p.get("loc")), "message": str(p.get("msg"))} for p in problems]
    names = ", ".join(f["field"] for f in fields)
    return HttpError(
        422,
        _body(
            "validation_failed",
            f"Some fields are not valid: {names}.",
            {"fields": fields},
            request_id,
        ),
    )


def _body(
    code: str, message: str, details: dict[str, object] | None, request_id: str | None
) -> ErrorBody:
    return ErrorBody(
        error=ErrorDetail(
            code=code,
            message=message,
            details=details,
            # API Gateway always sends one; "unavailable" keeps the shape if an event has none.
            request_id=request_id or "unavailable",
        )
    )


def _field_path(location: object) -> str:
    parts = location if isinstance(location, list | tuple) else ()
    return ".".join(str(part) for part in parts)


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
