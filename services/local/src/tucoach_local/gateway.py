"""API Gateway's REST proxy integration, done locally: an HTTP request becomes the event the
Lambda function receives, and the function's result becomes the HTTP response."""

from __future__ import annotations

import base64
import gzip
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

# API Gateway gzips a response from this size for a client that accepts gzip: infra's
# api_minimum_compression_size (infra/tests/edge_test.py holds the two together).
MINIMUM_COMPRESSION_SIZE = 1024


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


@dataclass(frozen=True)
class LambdaContext:
    """The context object the Lambda runtime passes; the handler reads these fields."""

    aws_request_id: str
    function_name: str = "tucoach-interviews-local"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = (
        "arn:aws:lambda:us-east-1:000000000000:function:tucoach-interviews-local"
    )

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 30_000


def proxy_event(
    request: HttpRequest, claims: Mapping[str, Any] | None, stage: str = "local"
) -> dict[str, Any]:
    """The REST proxy event of `request`, with the authorizer's claims if it had a token."""
    headers: dict[str, str] = {}
    multi_headers: dict[str, list[str]] = {}
    for name, value in request.headers:
        headers[name] = value
        multi_headers.setdefault(name, []).append(value)
    request_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    try:
        body: str | None = request.body.decode("utf-8") if request.body else None
        encoded = False
    except UnicodeDecodeError:
        body, encoded = base64.b64encode(request.body).decode("ascii"), True
    context: dict[str, Any] = {
        "resourcePath": request.path,
        "httpMethod": request.method,
        "path": f"/{stage}{request.path}",
        "stage": stage,
        "requestId": request_id,
        "extendedRequestId": request_id,
        "requestTime": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
        "requestTimeEpoch": int(now.timestamp() * 1000),
        "protocol": "HTTP/1.1",
        "accountId": "000000000000",
        "apiId": "local",
        "identity": {"sourceIp": "127.0.0.1", "userAgent": headers.get("User-Agent")},
    }
    if claims is not None:
        # Cognito's authorizer hands every claim to the function as a string.
        context["authorizer"] = {"claims": {k: _as_claim_text(v) for k, v in claims.items()}}
    return {
        "resource": request.path,
        "path": request.path,
        "httpMethod": request.method,
        "headers": headers or None,
        "multiValueHeaders": multi_headers or None,
        "queryStringParameters": {k: v[-1] for k, v in request.query.items()} or None,
        "multiValueQueryStringParameters": dict(request.query) or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": context,
        "body": body,
        "isBase64Encoded": encoded,
    }


def http_response(result: dict[str, Any]) -> HttpResponse:
    """The HTTP response API Gateway makes of a proxy integration's result."""
    headers = [(k, str(v)) for k, v in (result.get("headers") or {}).items()]
    for name, values in (result.get("multiValueHeaders") or {}).items():
        headers.extend((name, str(value)) for value in values)
    body = result.get("body") or ""
    payload = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode("utf-8")
    return HttpResponse(int(result["statusCode"]), headers, payload)


def compressed(response: HttpResponse, accept_encoding: str | None) -> HttpResponse:
    """API Gateway's payload compression: a body of MINIMUM_COMPRESSION_SIZE bytes or more, not
    encoded already, is gzipped for a request whose Accept-Encoding takes gzip."""
    encoded = any(name.lower() == "content-encoding" for name, _ in response.headers)
    small = len(response.body) < MINIMUM_COMPRESSION_SIZE
    if encoded or small or not _accepts_gzip(accept_encoding or ""):
        return response
    return HttpResponse(
        response.status,
        [*response.headers, ("Content-Encoding", "gzip")],
        gzip.compress(response.body, mtime=0),
    )


def _accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header names gzip, without refusing it by a quality of 0."""
    for coding in accept_encoding.split(","):
        name, _, parameters = coding.partition(";")
        if name.strip().lower() == "gzip":
            quality = parameters.strip().lower().removeprefix("q=") or "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False


def _as_claim_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)
