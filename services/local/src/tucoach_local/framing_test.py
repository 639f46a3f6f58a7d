"""The local server as a well-behaved HTTP server: bad framing is a 400 (or 411, 408) and a
closed connection, never a traceback or a hung thread; every response carries the security
headers and no version in `Server`."""

from __future__ import annotations

import json
import logging
import socket
import time

import pytest

from tucoach_local.server import READ_TIMEOUT_SECONDS
from tucoach_local_testing.serving import RunningServer


def _exchange(server: RunningServer, raw: bytes, *, wait: float = 5.0) -> bytes:
    """Sends `raw` on a new connection and reads until the server closes it or `wait` passes."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(raw)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except TimeoutError:
            pass
        return received


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


@pytest.mark.parametrize("length", [b"abc", b"-1", b"1.5", b"10, 12"])
def test_a_malformed_content_length_is_400_and_closes_the_connection(
    local_server: RunningServer, length: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a request whose Content-Length is not one whole number
    request = (
        b"POST /api/interviews HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\n{}"
    )
    # When it is sent
    with caplog.at_level(logging.INFO, logger="tucoach.local"):
        response = _exchange(local_server, request)
    # Then the answer is 400, the connection is closed, and no traceback is logged
    assert _status(response) == 400
    assert b"Connection: close" in response
    assert "Traceback" not in caplog.text


def test_a_chunked_body_is_refused_with_411(local_server: RunningServer) -> None:
    request = (
        b"POST /api/interviews HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"2\r\n{}\r\n0\r\n\r\n"
    )
    response = _exchange(local_server, request)
    assert _status(response) == 411
    assert b"Connection: close" in response


def test_a_body_shorter_than_its_length_is_refused_when_the_client_stops(
    local_server: RunningServer,
) -> None:
    # Given a request that promises 100 bytes, sends 2 and then shuts its side down
    host, port = local_server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(
            b"POST /api/interviews HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}"
        )
        connection.shutdown(socket.SHUT_WR)
        response = connection.recv(65536)
    # Then the server answers 400 at once instead of waiting for bytes that cannot come
    assert _status(response) == 400


def test_a_stalled_body_times_out_with_408(local_server: RunningServer) -> None:
    # Given a request that promises a body and then goes quiet, connection open
    request = b"POST /api/interviews HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}"
    started = time.monotonic()
    # When the server's read timeout passes
    response = _exchange(local_server, request, wait=READ_TIMEOUT_SECONDS + 10)
    # Then it answers 408 and closes, rather than holding a thread for ever
    assert _status(response) == 408
    assert time.monotonic() - started < READ_TIMEOUT_SECONDS + 5


def test_pages_and_api_answers_carry_the_security_headers(local_server: RunningServer) -> None:
    client = local_server.client()
    for path in ("/", "/api/catalog", "/oidc/.well-known/openid-configuration"):
        _, headers, _ = client.raw("GET", path)
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert "microphone=(self)" in headers["Permissions-Policy"], path
        assert headers["Server"] == "TuCoachLocal", path
    _, page_headers, _ = client.raw("GET", "/")
    policy = page_headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    # The API's answers are kept by no one, but for the catalog, the same for everyone until
    # the next deployment, which the browser (and CloudFront in AWS) keep for an hour
    client.token = client.sign_in("framing@example.com")
    assert client.api("GET", "/interviews").header("Cache-Control") == "no-store"
    _, catalog_headers, _ = client.raw("GET", "/api/catalog")
    assert catalog_headers["Cache-Control"] == "public, max-age=3600"


def test_the_sign_in_page_cannot_be_framed_and_allows_only_its_own_styles(
    local_server: RunningServer,
) -> None:
    # Given the local provider's sign-in page
    status, headers, page = local_server.client().raw(
        "GET",
        "/oidc/authorize?response_type=code&client_id=tucoach-local&scope=openid"
        f"&redirect_uri={local_server.url}/callback&state=s&code_challenge="
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
    )
    assert status == 200, page
    # Then it cannot be framed, and its inline style is allowed by hash, not 'unsafe-inline'
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "'sha256-" in policy
    assert "unsafe-inline" not in policy


def test_unknown_methods_on_the_app_say_what_is_allowed(local_server: RunningServer) -> None:
    status, headers, _ = local_server.client().raw("DELETE", "/history")
    assert status == 405
    assert headers["Allow"] == "GET, HEAD"


def test_the_token_endpoint_says_it_takes_post(local_server: RunningServer) -> None:
    status, headers, data = local_server.client().raw("GET", "/oidc/token")
    assert status == 405
    assert headers["Allow"] == "POST"
    assert json.loads(data)["error"] == "invalid_request"


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "Bearer"])
def test_the_auth_scheme_is_case_insensitive(local_server: RunningServer, scheme: str) -> None:
    # Given a signed-in user's token, sent with the scheme in any case
    token = local_server.client().sign_in("scheme@example.com")
    reply = local_server.client().api(
        "GET", "/interviews", headers={"Authorization": f"{scheme} {token}"}
    )
    # Then it is accepted
    assert reply.status == 200, reply.body
