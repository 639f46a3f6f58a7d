"""One origin for everything: /api (the Lambda handler behind a local authorizer), /oidc (the
local sign-in) and the web app for every other path."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc.jwk import RSAKey

from tucoach_local.authorizer import TokenVerifier, Unauthorized
from tucoach_local.gateway import (
    HttpRequest,
    HttpResponse,
    compressed,
    http_response,
    proxy_event,
)
from tucoach_local.headers import SECURITY_HEADERS, content_security_policy
from tucoach_local.identity import (
    CLIENT_ID,
    SESSION_COOKIE,
    SESSION_LIFETIME_SECONDS,
    IdentityProvider,
    OAuthError,
    SignInPaths,
)
from tucoach_local.invokers import Invoker
from tucoach_local.routes import PublicRoutes
from tucoach_local.signing import public_key_set
from tucoach_local.static import StaticSite

API_PREFIX = "/api"
OIDC_PREFIX = "/oidc"
MAX_BODY_BYTES = 1024 * 1024  # API Gateway's own limit is 10 MB; the function's is 64 KB
# A client that stops sending (a body shorter than its Content-Length, a stalled request line)
# gets 408 after this long instead of holding a thread for ever.
READ_TIMEOUT_SECONDS = 10.0

logger = logging.getLogger("tucoach.local")


class TuCoachServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog (5) resets connections when a page's requests, or many
    # users, arrive together.
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        *,
        invoker: Invoker,
        signing_key: RSAKey,
        public_routes: PublicRoutes,
        site: StaticSite,
        sign_in_paths: SignInPaths,
    ) -> None:
        super().__init__(address, _RequestHandler)
        # The issuer is the URL people reach, known once the port is bound.
        host = "localhost" if address[0] in ("0.0.0.0", "::") else address[0]  # noqa: S104
        self.url = f"http://{host}:{self.server_address[1]}"
        issuer = f"{self.url}{OIDC_PREFIX}"
        origins = (self.url, f"http://localhost:{self.server_address[1]}")
        self.identity = IdentityProvider(issuer, signing_key, origins, sign_in_paths)
        self.verifier = TokenVerifier(issuer, CLIENT_ID, public_key_set(signing_key))
        self.invoker = invoker
        self.public_routes = public_routes
        self.site = site

    def dispatch(self, request: HttpRequest) -> HttpResponse:
        if request.path == API_PREFIX or request.path.startswith(f"{API_PREFIX}/"):
            return self._api(request)
        if request.path.startswith(f"{OIDC_PREFIX}/"):
            return self._oidc(request)
        if request.path == "/healthz":
            return _json(200, {"status": "ok"})
        if request.method not in ("GET", "HEAD"):
            return _json(
                405,
                {"error": {"code": "method_not_allowed", "message": "GET only."}},
                [("Allow", "GET, HEAD")],
            )
        response = self.site.serve(request.path)
        if _is_html(response):
            response.headers.append(("Content-Security-Policy", content_security_policy()))
        return response

    def _api(self, request: HttpRequest) -> HttpResponse:
        path = request.path.removeprefix(API_PREFIX) or "/"
        forwarded = HttpRequest(request.method, path, request.query, request.headers, request.body)
        claims = None
        if (request.method, path) not in self.public_routes:
            try:
                claims = self.verifier.claims(_header(request, "Authorization"))
            except Unauthorized as refusal:
                logger.info("401 %s %s: %s", request.method, path, refusal)
                # The body API Gateway's UNAUTHORIZED gateway response gives in AWS (infra/).
                return _json(
                    401,
                    {
                        "error": {
                            "code": "unauthorized",
                            "message": "Sign in to use TuCoach; your session may have expired.",
                            "request_id": str(uuid.uuid4()),
                        }
                    },
                    [("WWW-Authenticate", 'Bearer realm="tucoach"')],
                )
        if len(request.body) > MAX_BODY_BYTES:
            return _json(413, {"error": {"code": "request_too_large", "message": "Too large."}})
        response = http_response(self.invoker.invoke(proxy_event(forwarded, claims)))
        return compressed(response, _header(request, "Accept-Encoding"))

    def _oidc(self, request: HttpRequest) -> HttpResponse:
        route = request.path.removeprefix(OIDC_PREFIX)
        query = {k: v[-1] for k, v in request.query.items()}
        endpoints: dict[str, Callable[[], HttpResponse]] = {
            "/.well-known/openid-configuration": lambda: _json(200, self.identity.discovery()),
            "/jwks.json": lambda: _json(200, self.identity.jwks()),
            "/authorize": lambda: self._authorize(request, query),
            "/token": lambda: self._token(request),
            "/logout": lambda: self._logout(request, query),
        }
        endpoint = endpoints.get(route)
        if endpoint is None:
            return _json(404, {"error": "not_found", "error_description": "No such endpoint."})
        try:
            return endpoint()
        except OAuthError as error:
            return _json(error.status, error.body())

    def _token(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            refused = OAuthError("invalid_request", "The token endpoint takes POST.", status=405)
            return _json(refused.status, refused.body(), [("Allow", "POST")])
        form = {k: v[-1] for k, v in parse_qs(request.body.decode("utf-8")).items()}
        return _json(200, self.identity.exchange(form), [("Cache-Control", "no-store")])

    def _authorize(self, request: HttpRequest, query: dict[str, str]) -> HttpResponse:
        authorization = self.identity.parse_authorization_request(query)
        query_string = urlsplit(request_target(request)).query
        if request.method == "POST":
            form = {k: v[-1] for k, v in parse_qs(request.body.decode("utf-8")).items()}
            email = form.get("email", "")
            try:
                location = self.identity.approve(authorization, email)
            except OAuthError as error:
                page = self.identity.sign_in_page(authorization, query_string, error.description)
                return _html(400, page)
            session = self.identity.start_session(email)
            cookie = _session_cookie(session, SESSION_LIFETIME_SECONDS)
            return HttpResponse(302, [("Location", location), ("Set-Cookie", cookie)])
        # Signed in already in this browser (another tab): a code at once, as the hosted UI does.
        signed_in = self.identity.session_email(_cookie(request, SESSION_COOKIE))
        if signed_in is not None:
            return HttpResponse(
                302, [("Location", self.identity.approve(authorization, signed_in))]
            )
        return _html(200, self.identity.sign_in_page(authorization, query_string))

    def _logout(self, request: HttpRequest, query: dict[str, str]) -> HttpResponse:
        location = self.identity.logout_redirect(query)
        self.identity.end_session(_cookie(request, SESSION_COOKIE))
        return HttpResponse(302, [("Location", location), ("Set-Cookie", _session_cookie("", 0))])


def request_target(request: HttpRequest) -> str:
    return f"{request.path}?{urlencode(request.query, doseq=True)}"


class BadFraming(Exception):
    """The request's framing cannot be read (a client mistake, answered without a traceback)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _RequestHandler(BaseHTTPRequestHandler):
    server: TuCoachServer
    protocol_version = "HTTP/1.1"
    timeout = READ_TIMEOUT_SECONDS

    def version_string(self) -> str:
        # No interpreter or library versions in the Server header.
        return "TuCoachLocal"

    def do_GET(self) -> None:
        self._handle()

    def __getattr__(self, name: str) -> Any:
        # http.server looks up `do_<METHOD>`: every method, even one no route has, reaches
        # dispatch, which answers as API Gateway would (unknown routes and methods: 404).
        if name.startswith("do_"):
            return self.do_GET
        raise AttributeError(name)

    def _handle(self) -> None:
        started = time.perf_counter()
        target = urlsplit(self.path)
        try:
            body = self._read_body()
        except BadFraming as refusal:
            # What was sent after the bad framing cannot be told apart from a next request.
            self.close_connection = True
            logger.info("%d %s %s: %s", refusal.status, self.command, target.path, refusal)
            self._send(
                _json(
                    refusal.status, {"error": {"code": "bad_request", "message": refusal.message}}
                )
            )
            return
        request = HttpRequest(
            method=self.command,
            path=target.path,
            query=parse_qs(target.query, keep_blank_values=True),
            headers=list(self.headers.items()),
            body=body,
        )
        try:
            response = self.server.dispatch(request)
        except Exception:
            logger.exception("local server error on %s %s", self.command, target.path)
            response = _json(500, {"error": {"code": "internal_error", "message": "Local error."}})
        self._send(response)
        logger.info(
            "%s %s %d %.1f ms",
            self.command,
            target.path,
            response.status,
            (time.perf_counter() - started) * 1000,
        )

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding") is not None:
            # API Gateway takes chunked bodies; no client of ours sends them, so the local
            # server asks for a length rather than decode them.
            raise BadFraming(411, "Send the body with a Content-Length, not chunked.")
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            return b""
        if len(set(lengths)) != 1 or not lengths[0].strip().isdigit():
            raise BadFraming(400, "Content-Length must be one non-negative whole number.")
        length = int(lengths[0])
        if length > MAX_BODY_BYTES:
            # The rest of an oversized body is not read, so the connection cannot be reused.
            self.close_connection = True
        try:
            body = self.rfile.read(min(length, MAX_BODY_BYTES + 1))
        except TimeoutError:
            raise BadFraming(408, "The request body did not arrive in time.") from None
        if len(body) < min(length, MAX_BODY_BYTES + 1):
            raise BadFraming(400, "The request body is shorter than its Content-Length.")
        return body

    def _send(self, response: HttpResponse) -> None:
        self.send_response(response.status)
        sent = {name.lower() for name, _ in response.headers}
        for name, value in response.headers:
            if name.lower() not in ("content-length", "connection"):
                self.send_header(name, value)
        for name, value in SECURITY_HEADERS:
            if name.lower() not in sent:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (TimeoutError, ConnectionError):
            # A client that went quiet or away: nothing to answer, nothing to log as an error.
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Access lines go through `logger` in _handle instead."""


def _header(request: HttpRequest, name: str) -> str | None:
    return next((v for k, v in request.headers if k.lower() == name.lower()), None)


def _cookie(request: HttpRequest, name: str) -> str | None:
    header = _header(request, "Cookie")
    if header is None:
        return None
    morsel = SimpleCookie(header).get(name)
    return morsel.value if morsel is not None else None


def _session_cookie(value: str, max_age: int) -> str:
    """The provider's session cookie: on its own path, unreadable by scripts (HttpOnly), and
    sent on top-level navigations only (SameSite=Lax). No `Secure`: the server is plain HTTP
    on loopback."""
    return (
        f"{SESSION_COOKIE}={value}; Path={OIDC_PREFIX}; Max-Age={max_age}; HttpOnly; SameSite=Lax"
    )


def _json(status: int, body: object, headers: list[tuple[str, str]] | None = None) -> HttpResponse:
    return HttpResponse(
        status,
        [("Content-Type", "application/json"), *(headers or [])],
        json.dumps(body).encode("utf-8"),
    )


def _html(status: int, page: str) -> HttpResponse:
    return HttpResponse(
        status,
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Cache-Control", "no-store"),
            ("Content-Security-Policy", content_security_policy(page)),
        ],
        page.encode("utf-8"),
    )


def _is_html(response: HttpResponse) -> bool:
    return any(
        name.lower() == "content-type" and value.startswith("text/html")
        for name, value in response.headers
    )
