"""What a route can answer, for its OpenAPI entry: its model, and errors in the one shape."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse
from pydantic import BaseModel

from tucoach_interviews.schemas import ErrorBody

JSON = "application/json"

_DESCRIPTIONS = {
    400: "Malformed request: the body is not JSON, or a next_token is not valid for this list.",
    401: "Not signed in, or the session expired.",
    404: "No such interview for this user (another user's interview is not found either).",
    409: "The interview is not in a state that allows this: it changed since it was read, this "
    "question is no longer current, it is already complete, or it is not finished yet.",
    413: "The request body is over 64 KB.",
    415: "The body is not sent as application/json.",
    422: "A field is not valid, or an Idempotency-Key was reused for a different request.",
    429: "Today's limit for this (interviews started, or answers scored) is used up; it resets "
    "at midnight UTC, in Retry-After seconds.",
    503: "A dependency is busy or unavailable; retry after Retry-After seconds.",
    500: "Unexpected failure; quote the request id.",
}


def responses(
    success: int,
    model: type[BaseModel],
    description: str,
    *statuses: int,
    links: dict[str, Any] | None = None,
) -> dict[int, OpenAPIResponse]:
    """The route's success response (with the links to what can follow it) and its error
    responses. Every route can answer 422 (a parameter Powertools validates) and 500;
    Powertools would document its own 422 shape."""
    documented: dict[int, OpenAPIResponse] = {
        success: {"description": description, "content": {JSON: {"model": model}}}
    }
    if links:
        documented[success]["links"] = links
    for status in sorted({*statuses, 422, 500}):
        documented[status] = {
            "description": _DESCRIPTIONS[status],
            "content": {JSON: {"model": ErrorBody}},
        }
    return documented
