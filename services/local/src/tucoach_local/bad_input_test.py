"""Bad input of every kind gets a 4xx with a clear message, and writes nothing."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from tucoach_local.identity import CLIENT_ID, subject_of
from tucoach_local_testing.serving import RunningServer

EMAIL = "careful@example.com"


@pytest.fixture(scope="module")
def session(local_server: RunningServer) -> tuple[str, str]:
    token = local_server.client().sign_in(EMAIL)
    created = local_server.client(token).api(
        "POST", "/interviews", {"role": "devops", "seniority": "junior", "question_count": 3}
    )
    return token, created.body["interview_id"]


def _written(server: RunningServer, token: str, interview_id: str) -> Any:
    client = server.client(token)
    return (
        client.api("GET", "/interviews", headers={}).body,
        client.api("GET", f"/interviews/{interview_id}/versions").body,
    )


def _raw(
    server: RunningServer, token: str, method: str, path: str, body: bytes, content_type: str
) -> tuple[int, dict[str, Any]]:
    status, _, data = server.client().raw(
        method,
        f"/api{path}",
        body,
        {"Authorization": f"Bearer {token}", "Content-Type": content_type},
    )
    return status, json.loads(data)


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b'{"role": "' + b"x" * 70_000 + b'"}', "application/json", 413, "body_too_large"),
        (
            b'{"role": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
            "application/json",
            400,
            "json_too_deep",
        ),
        (b'{"role": "\xff\xfe"}', "application/json", 400, "malformed_json"),
        (b"{'role': 'backend'}", "application/json", 400, "malformed_json"),
        (
            b"role=backend&seniority=junior",
            "application/x-www-form-urlencoded",
            415,
            "unsupported_content_type",
        ),
        (
            b'{"role": "backend", "seniority": "junior"}',
            "text/plain",
            415,
            "unsupported_content_type",
        ),
        (
            b'{"role": "backend", "seniority": "junior", "question_count": 1e9}',
            "application/json",
            422,
            "validation_failed",
        ),
        (
            b'{"role": "backend", "seniority": "junior", "admin": true}',
            "application/json",
            422,
            "validation_failed",
        ),
        (b"[]", "application/json", 422, "validation_failed"),
        (b"null", "application/json", 422, "validation_failed"),
    ],
    ids=[
        "over-64-KB",
        "deeply-nested",
        "invalid-utf8",
        "not-json",
        "form-encoded",
        "text-plain",
        "huge-number",
        "unknown-field",
        "array",
        "null",
    ],
)
def test_a_bad_body_is_refused_and_writes_nothing(
    local_server: RunningServer,
    session: tuple[str, str],
    body: bytes,
    content_type: str,
    status: int,
    code: str,
) -> None:
    token, interview_id = session
    before = _written(local_server, token, interview_id)
    for method, path in (("POST", "/interviews"), ("POST", f"/interviews/{interview_id}/answers")):
        got, reply = _raw(local_server, token, method, path, body, content_type)
        assert (got, reply["error"]["code"]) == (status, code), reply
        assert len(reply["error"]["message"]) > 10
    assert _written(local_server, token, interview_id) == before


@pytest.mark.parametrize("limit", ["0", "-1", "101", "1000000000000000000000", "ten", ""])
def test_a_page_limit_outside_one_to_a_hundred_is_refused(
    local_server: RunningServer, session: tuple[str, str], limit: str
) -> None:
    token, _ = session
    reply = local_server.client(token).api("GET", f"/interviews?limit={limit}")
    assert reply.status == 422, reply.body
    assert "limit" in reply.body["error"]["message"]


def test_forged_and_foreign_next_tokens_are_refused(local_server: RunningServer) -> None:
    # Given a real next token of another user's list
    other = local_server.client().sign_in("other-pager@example.com")
    for _ in range(2):
        local_server.client(other).api(
            "POST", "/interviews", {"role": "backend", "seniority": "senior"}
        )
    foreign = local_server.client(other).api("GET", "/interviews?limit=1").body["next_token"]
    assert foreign
    me = local_server.client().sign_in("pager@example.com")
    forged = base64.urlsafe_b64encode(b'{"partition_key": {"S": "USER#someone"}}').decode()
    for token in (foreign, forged, "not-base64-$$$", "e30"):
        reply = local_server.client(me).api("GET", f"/interviews?limit=1&next_token={token}")
        assert reply.status == 400, (token, reply.body)
        assert reply.body["error"]["code"] == "invalid_next_token"


def _token(key: RSAKey, server: RunningServer, **changes: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": f"{server.url}/oidc",
        "sub": subject_of(EMAIL),
        "aud": CLIENT_ID,
        "token_use": "id",
        "iat": now,
        "exp": now + 600,
    } | changes
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


def test_bad_tokens_are_refused_and_write_nothing(
    local_server: RunningServer, session: tuple[str, str]
) -> None:
    token, interview_id = session
    before = _written(local_server, token, interview_id)
    stranger = RSAKey.generate_key(2048, parameters={"alg": "RS256"}, private=True, auto_kid=True)
    none_header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
    claims = _token(local_server.signing_key, local_server).split(".")[1]
    for name, bad in {
        "expired": _token(local_server.signing_key, local_server, exp=int(time.time()) - 600),
        "wrongly signed": _token(stranger, local_server),
        "alg none": f"{none_header}.{claims}.",
        "another audience": _token(local_server.signing_key, local_server, aud="another-app"),
        "tampered": token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
    }.items():
        reply = local_server.client(bad).api(
            "POST", "/interviews", {"role": "backend", "seniority": "junior"}
        )
        assert reply.status == 401, name
        assert reply.body["error"]["code"] == "unauthorized", name
    assert _written(local_server, token, interview_id) == before
