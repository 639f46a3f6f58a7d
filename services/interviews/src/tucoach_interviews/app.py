"""The REST resolver: request limits, routes, and every error rendered in the one JSON shape."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.utilities.typing import LambdaContext

from tucoach_interviews import __version__
from tucoach_interviews.container import settings
from tucoach_interviews.cors import cors_headers
from tucoach_interviews.errors import (
    BodyTooLarge,
    HttpError,
    JsonTooDeep,
    MalformedJson,
    MethodNotAllowed,
    NoSuchRoute,
    UnsupportedContentType,
    http_error,
    validation_error,
)
from tucoach_interviews.observability import logger
from tucoach_interviews.routes import catalog, interviews
from tucoach_models import TuCoachError

VERSION_HEADER = "X-TuCoach-Version"
COGNITO = "cognito"
JSON = "application/json"
TITLE = "TuCoach AI interviews API"
DESCRIPTION = (
    "Mock technical interviews with feedback. Every route but GET /catalog needs a Cognito "
    "ID token (Authorization header); interviews are the caller's own: another user's is 404."
)

app = APIGatewayRestResolver(enable_validation=True)


def _request_id() -> str | None:
    try:
        request_id = app.current_event.request_context.request_id
    except (KeyError, AttributeError):
        return None
    return request_id if isinstance(request_id, str) else None


def _render(error: HttpError) -> Response[str]:
    return Response(
        status_code=error.status,
        content_type=JSON,
        body=error.body.model_dump_json(exclude_none=True),
        headers=error.headers,
    )


def _common_headers(request_headers: Mapping[str, str] | None) -> dict[str, str]:
    """On every response: the function's version, no caching (answers and feedback are
    personal) unless the route says otherwise, and CORS headers for the web app."""
    cors = cors_headers(settings().cors_allow_origin, request_headers or {})
    return {VERSION_HEADER: __version__, "Cache-Control": "no-store", **cors}


def _unknown_query_parameters(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A query parameter the route does not take is a 422, as an unknown body field is: what
    the OpenAPI lists is what is accepted, and a misspelt `limt=5` is not silently ignored.
    Only for a route that answers the method; any other request is the resolver's 404 or 405."""
    names = event.get("queryStringParameters")
    if not names:
        return []
    route = _route(event.get("path") or "")
    if route is None or event.get("httpMethod") not in ROUTES[route]:
        return []
    return [
        {"loc": ("query", name), "msg": "Not a parameter of this route", "type": "extra"}
        for name in sorted(set(names) - QUERY_PARAMETERS.get(route, frozenset()))
    ]


def resolve(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Checks the body's size, type and syntax and the query's parameters, then routes; every
    response leaves with the common headers. Powertools validates a body before a middleware
    could run, so these checks come first, and their errors take the one error shape. (Not
    middlewares either way: each costs every request a few microseconds of Powertools' own
    bookkeeping, a fifth of a warm GET /catalog.)"""
    request_id = (event.get("requestContext") or {}).get("requestId")
    request_id = request_id if isinstance(request_id, str) else None
    try:
        _check_body(event)
    except TuCoachError as error:
        return _refused(http_error(error, request_id), event)
    unknown = _unknown_query_parameters(event)
    if unknown:
        return _refused(validation_error(unknown, request_id), event)
    response = app.resolve(_with_lowercase_media_type(event), context)
    # API Gateway REST responses: Powertools puts every header in multiValueHeaders.
    headers = response.setdefault("multiValueHeaders", {})
    set_by_route = {name.lower() for name in headers}
    for name, value in _common_headers(event.get("headers")).items():
        # A route's own Cache-Control stands, however it spells the name: GET /catalog's
        # answer, the same for everyone, may be kept. Its errors, rendered without one, are
        # no-store like all others.
        if name != "Cache-Control" or name.lower() not in set_by_route:
            headers[name] = [value]
    return response


def _refused(rendered: HttpError, event: Mapping[str, Any]) -> dict[str, Any]:
    """A request refused before it reaches the resolver, in the resolver's response format."""
    headers = {**rendered.headers, "Content-Type": JSON, **_common_headers(event.get("headers"))}
    return {
        "statusCode": rendered.status,
        "multiValueHeaders": {name: [value] for name, value in headers.items()},
        "body": rendered.body.model_dump_json(exclude_none=True),
        "isBase64Encoded": False,
    }


def _with_lowercase_media_type(event: dict[str, Any]) -> dict[str, Any]:
    """The event with its Content-Type's media type in lower case: media types are
    case-insensitive (RFC 9110), but Powertools' validator compares them case-sensitively.
    The event itself when there is nothing to change (every request from the web app)."""
    headers: dict[str, str] = event.get("headers") or {}
    name = next((n for n in headers if n.lower() == "content-type"), None)
    if name is None:
        return event
    media_type, separator, parameters = headers[name].partition(";")
    lowered = media_type.strip().lower() + separator + parameters
    if lowered == headers[name]:
        return event
    multi_headers = {
        n: [lowered] if n.lower() == "content-type" else values
        for n, values in (event.get("multiValueHeaders") or {}).items()
    }
    return {**event, "headers": {**headers, name: lowered}, "multiValueHeaders": multi_headers}


def _check_body(event: dict[str, Any]) -> None:
    body = event.get("body")
    if not body:
        return
    raw = (
        base64.b64decode(body, validate=False)
        if event.get("isBase64Encoded")
        else body.encode("utf-8", errors="surrogatepass")
    )
    limit = settings().max_body_bytes
    if len(raw) > limit:
        raise BodyTooLarge(len(raw), limit)
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    content_type = headers.get("content-type")
    if content_type is None or content_type.split(";")[0].strip().lower() != JSON:
        raise UnsupportedContentType(content_type)
    try:
        json.loads(raw.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError is one too
        raise MalformedJson from None
    except RecursionError:
        # Deeper than the parser's recursion limit (~1000 levels): no request of ours is.
        raise JsonTooDeep from None


app.include_router(interviews.router)
app.include_router(catalog.router)


@app.exception_handler(RequestValidationError)
def _invalid_request(error: RequestValidationError) -> Response[str]:
    return _render(validation_error(list(error.errors()), _request_id()))


@app.exception_handler(TuCoachError)
def _domain_error(error: TuCoachError) -> Response[str]:
    rendered = http_error(error, _request_id())
    logger.info(
        "request refused",
        extra={"status": rendered.status, "code": rendered.body.error.code, "detail": str(error)},
    )
    return _render(rendered)


@app.exception_handler(Exception)
def _unexpected_error(error: Exception) -> Response[str]:
    logger.exception("unexpected error")
    return _render(http_error(error, _request_id()))


@app.not_found
def _no_such_route(_: Exception) -> Response[str]:
    event = app.current_event
    allowed = allowed_methods(event.path)
    error: TuCoachError = (
        MethodNotAllowed(event.http_method, event.path, allowed)
        if allowed
        else NoSuchRoute(event.http_method, event.path)
    )
    return _render(http_error(error, _request_id()))


# Every route's path and methods, in the order they were declared (`/interviews/<interview_id>`
# style); openapi_test checks this against the generated document.
ROUTES: dict[str, tuple[str, ...]] = {
    "/catalog": ("GET",),
    "/interviews": ("GET", "POST"),
    "/interviews/<interview_id>": ("DELETE", "GET"),
    "/interviews/<interview_id>/versions": ("GET",),
    "/interviews/<interview_id>/answers": ("POST",),
    "/interviews/<interview_id>/skip": ("POST",),
    "/interviews/<interview_id>/complete": ("POST",),
    "/interviews/<interview_id>/report": ("GET",),
    "/interviews/<interview_id>/rating": ("GET", "POST"),
    "/practice-plan": ("GET",),
}
# The query parameters of the routes that take any (the lists); openapi_test checks this too.
QUERY_PARAMETERS: dict[str, frozenset[str]] = {
    "/interviews": frozenset({"limit", "next_token"}),
    "/interviews/<interview_id>/versions": frozenset({"limit", "next_token"}),
}
# Each route's segments; a `<name>` segment matches any non-empty one.
_ROUTE_SEGMENTS = tuple((tuple(path.split("/")), path) for path in ROUTES)


def _route(path: str) -> str | None:
    segments = path.split("/")
    return next(
        (
            route
            for pattern, route in _ROUTE_SEGMENTS
            if len(pattern) == len(segments)
            and all(
                expected == given or (expected.startswith("<") and given != "")
                for expected, given in zip(pattern, segments, strict=True)
            )
        ),
        None,
    )


def allowed_methods(path: str) -> tuple[str, ...]:
    """The methods a known path answers; () if the path is unknown. (CORS preflights never
    reach the function: API Gateway answers them.)"""
    route = _route(path)
    return ROUTES[route] if route else ()


def openapi_json() -> str:
    """The OpenAPI document of the routes above, as committed in docs/api/openapi.json."""
    # Only the document needs these models; importing them costs every cold start ~0.1 s.
    from aws_lambda_powertools.event_handler.openapi.models import (  # noqa: PLC0415
        APIKey,
        APIKeyIn,
        Server,
    )

    document = app.get_openapi_schema(
        title=TITLE,
        version=__version__,
        description=DESCRIPTION,
        servers=[Server(url="/")],
        security_schemes={
            COGNITO: APIKey(
                name="Authorization",
                in_=APIKeyIn.header,
                description="A Cognito ID token (in AWS) or a local sign-in token (on a laptop).",
            )
        },
        security=[{COGNITO: []}],
    ).model_dump(mode="json", by_alias=True, exclude_none=True)
    for operations in document["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", ()):
                parameter["schema"] = _without_null(parameter["schema"])
    return json.dumps(document, indent=2, ensure_ascii=False)


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A query or header parameter's schema without the `null` that `str | None` adds: such a
    parameter is left out when it has no value, and "null" in a URL or header is just text."""
    branches = [branch for branch in schema.get("anyOf", ()) if branch != {"type": "null"}]
    if len(branches) != 1:
        return schema
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    return {**branches[0], **rest}
