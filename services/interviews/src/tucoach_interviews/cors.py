"""CORS headers for a web app on another origin, on every response the function gives.

In AWS there is none: CloudFront serves the app and routes `/api/*` to API Gateway on the same
origin, and `CORS_ALLOW_ORIGIN` is unset. A development setup that serves the app elsewhere sets
it (and answers its own preflights): with Lambda proxy integration the function's responses
reach the browser as they are, so without these headers the browser hides them, errors included.
"""

from __future__ import annotations

from collections.abc import Mapping

# What the app may read beyond the CORS-safelisted headers.
EXPOSED_HEADERS = "X-TuCoach-Version, Idempotent-Replayed, Retry-After"


def cors_headers(allowed_origin: str | None, request_headers: Mapping[str, str]) -> dict[str, str]:
    """The headers to add for a request from `allowed_origin`; none for any other origin."""
    if not allowed_origin:  # unset in AWS, where the app and the API share an origin
        return {}
    origin = next((v for k, v in request_headers.items() if k.lower() == "origin"), None)
    if origin != allowed_origin:
        return {}
    return {
        "Access-Control-Allow-Origin": allowed_origin,
        "Access-Control-Expose-Headers": EXPOSED_HEADERS,
        "Vary": "Origin",
    }
