"""The local server over real sockets: sign-in, the authorizer, every route, the web app."""

from __future__ import annotations

import base64
import gzip
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from tucoach_local.identity import CLIENT_ID, subject_of
from tucoach_local_testing.client import LocalClient
from tucoach_local_testing.serving import RunningServer

ANSWER = (
    "A liveness probe restarts a container that is stuck, a readiness probe takes a pod out "
    "of the service endpoints until it can serve traffic, and a startup probe holds the other "
    "two off while a slow app boots. For example, a JVM service gets a startup probe with a "
    "long failure threshold, because otherwise liveness would kill it during startup."
)


@pytest.fixture(scope="module")
def signed_in(local_server: RunningServer) -> str:
    return local_server.client().sign_in("ada@example.com")


def _token(key: RSAKey, server: RunningServer, **changes: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": f"{server.url}/oidc",
        "sub": subject_of("ada@example.com"),
        "aud": CLIENT_ID,
        "token_use": "id",
        "iat": now,
        "exp": now + 600,
        "email": "ada@example.com",
    } | changes
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


def _start(server: RunningServer, token: str, **changes: Any) -> dict[str, Any]:
    body = {"role": "devops", "seniority": "senior", "question_count": 3} | changes
    reply = server.client(token).api("POST", "/interviews", body)
    assert reply.status == 201, reply.body
    return dict(reply.body)


# -- sign-in -------------------------------------------------------------------------------


def test_the_discovery_document_describes_code_flow_with_pkce(local_server: RunningServer) -> None:
    status, _, data = local_server.client().raw("GET", "/oidc/.well-known/openid-configuration")
    document = json.loads(data)
    assert status == 200
    assert document["issuer"] == f"{local_server.url}/oidc"
    assert document["code_challenge_methods_supported"] == ["S256"]
    status, _, data = local_server.client().raw("GET", "/oidc/jwks.json")
    assert [k["kty"] for k in json.loads(data)["keys"]] == ["RSA"]
    assert "d" not in json.loads(data)["keys"][0]  # never the private part


def test_signing_in_gives_an_id_token_with_cognitos_claims(local_server: RunningServer) -> None:
    token = local_server.client().sign_in("grace@example.com")
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["sub"] == subject_of("grace@example.com")
    assert uuid.UUID(claims["sub"])
    assert claims["email"] == "grace@example.com"
    assert claims["token_use"] == "id"
    assert claims["aud"] == CLIENT_ID
    assert claims["cognito:username"] == claims["sub"]


def _authorization_query(server: RunningServer) -> str:
    return urlencode(
        {
            "response_type": "code",
            "client_id": CLIENT_ID,
            "redirect_uri": f"{server.url}/callback",
            "scope": "openid email",
            "code_challenge": "x" * 43,
            "code_challenge_method": "S256",
        }
    )


def test_a_second_authorization_in_the_same_browser_needs_no_form_until_sign_out(
    local_server: RunningServer,
) -> None:
    # Given a person who signed in with the form: the provider set its session cookie
    client = local_server.client()
    query = _authorization_query(local_server)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = client.raw(
        "POST", f"/oidc/authorize?{query}", b"email=ada%40example.com", form
    )
    assert status == 302
    set_cookie = next(v for k, v in headers.items() if k.lower() == "set-cookie")
    assert {"HttpOnly", "SameSite=Lax", "Path=/oidc", "Max-Age=3600"} <= {
        part.strip() for part in set_cookie.split(";")
    }
    cookie = {"Cookie": set_cookie.split(";")[0]}

    # When a second tab asks to sign in, the browser sending that cookie
    status, headers, _ = client.raw("GET", f"/oidc/authorize?{query}", headers=cookie)

    # Then it goes straight back to the app with a code, no form shown
    assert status == 302
    assert "code=" in headers["Location"]

    # And after sign-out, the cookie is cleared and the form is back
    status, headers, _ = client.raw("GET", "/oidc/logout", headers=cookie)
    assert status == 302
    assert "Max-Age=0" in next(v for k, v in headers.items() if k.lower() == "set-cookie")
    status, _, page = client.raw("GET", f"/oidc/authorize?{query}", headers=cookie)
    assert status == 200
    assert b"Email address" in page


def test_an_unknown_session_cookie_shows_the_form(local_server: RunningServer) -> None:
    query = _authorization_query(local_server)
    cookie = {"Cookie": "tucoach_idp_session=forged"}
    status, _, page = local_server.client().raw("GET", f"/oidc/authorize?{query}", headers=cookie)
    assert status == 200
    assert b"Email address" in page


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"code_challenge_method": "plain"}, "PKCE is required"),
        ({"redirect_uri": "https://evil.example/cb"}, "redirect_uri"),
        ({"client_id": "someone-else"}, "Unknown client"),
        ({"response_type": "token"}, "response_type=code"),
    ],
)
def test_a_bad_authorization_request_is_refused(
    local_server: RunningServer, change: dict[str, str], fragment: str
) -> None:
    query = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": f"{local_server.url}/callback",
        "scope": "openid",
        "code_challenge": "x" * 43,
        "code_challenge_method": "S256",
    } | change
    status, _, data = local_server.client().raw("GET", f"/oidc/authorize?{urlencode(query)}")
    assert status == 400
    assert fragment in json.loads(data)["error_description"]


def test_an_unknown_code_is_refused_by_the_token_endpoint(local_server: RunningServer) -> None:
    # (Single use and the PKCE verifier are checked in identity_test.py.)
    client = local_server.client()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, data = client.raw(
        "POST",
        "/oidc/token",
        urlencode(
            {"grant_type": "authorization_code", "code": "made-up", "client_id": CLIENT_ID}
        ).encode(),
        form,
    )
    assert status == 400
    assert json.loads(data)["error"] == "invalid_grant"


# -- the authorizer ------------------------------------------------------------------------


def test_requests_without_a_valid_token_are_unauthorized(local_server: RunningServer) -> None:
    key = local_server.signing_key
    other_key = RSAKey.generate_key(2048, parameters={"alg": "RS256"}, private=True, auto_kid=True)
    header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
    valid_claims = _token(key, local_server).split(".")[1]
    tokens = {
        "missing": None,
        "garbage": "not-a-token",
        "expired": _token(key, local_server, exp=int(time.time()) - 120),
        "wrongly signed": _token(other_key, local_server),
        "alg none": f"{header}.{valid_claims}.",
        "other audience": _token(key, local_server, aud="another-app"),
        "other issuer": _token(key, local_server, iss="https://cognito.example/other"),
        "access token": _token(key, local_server, token_use="access"),
    }
    for name, token in tokens.items():
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        reply = local_server.client().api("GET", "/interviews", headers=headers)
        assert reply.status == 401, name
        assert reply.body["error"]["code"] == "unauthorized", name


def test_the_catalog_needs_no_sign_in(local_server: RunningServer) -> None:
    reply = local_server.client().api("GET", "/catalog")
    assert reply.status == 200
    assert len(reply.body["cells"]) == 12


def test_the_api_is_gzipped_for_a_browser_as_api_gateway_does(
    local_server: RunningServer,
) -> None:
    client = local_server.client()

    # Given the catalog asked for as a browser asks, and as a client that takes no gzip
    status, headers, body = client.raw(
        "GET", "/api/catalog", headers={"Accept-Encoding": "gzip, br"}
    )
    plain = client.api("GET", "/catalog")

    # Then the browser gets it gzipped (it is over a kilobyte), the same JSON as the other
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(body)) == plain.body
    assert "Content-Encoding" not in plain.headers


# -- the API through the server --------------------------------------------------------------


def test_a_whole_interview_over_http(local_server: RunningServer, signed_in: str) -> None:
    client = local_server.client(signed_in)
    interview = _start(local_server, signed_in)
    interview_id = interview["interview_id"]
    key_number = 0
    while interview["current_question"] is not None:
        key_number += 1
        reply = client.api(
            "POST",
            f"/interviews/{interview_id}/answers",
            {"question_id": interview["current_question"]["question_id"], "answer": ANSWER},
            headers={"Idempotency-Key": f"whole-{interview_id}-{key_number}"},
        )
        assert reply.status == 200, reply.body
        assert reply.header("X-TuCoach-Version")
        interview = reply.body["interview"]
    completed = client.api("POST", f"/interviews/{interview_id}/complete")
    assert completed.status == 200, completed.body
    report = client.api("GET", f"/interviews/{interview_id}/report").body
    assert completed.body["report"] == report
    versions = client.api("GET", f"/interviews/{interview_id}/versions").body["items"]
    assert [v["version"] for v in versions] == list(range(1, len(versions) + 1))
    rating = client.api("POST", f"/interviews/{interview_id}/rating", {"helpful": True})
    assert rating.status == 201
    listed = client.api("GET", "/interviews", headers={}).body["items"]
    assert interview_id in [item["interview_id"] for item in listed]
    assert client.api("DELETE", f"/interviews/{interview_id}").status == 200
    assert client.api("GET", f"/interviews/{interview_id}").status == 404


def _first_answer(
    local_server: RunningServer, signed_in: str
) -> tuple[LocalClient, dict[str, Any], str, dict[str, str]]:
    """A client, a new interview, and the path and body of an answer to its first question."""
    interview = _start(local_server, signed_in)
    path = f"/interviews/{interview['interview_id']}/answers"
    body = {"question_id": interview["current_question"]["question_id"], "answer": ANSWER}
    return local_server.client(signed_in), interview, path, body


def test_a_replayed_answer_returns_the_same_body_once(
    local_server: RunningServer, signed_in: str
) -> None:
    client, interview, path, body = _first_answer(local_server, signed_in)
    first = client.api("POST", path, body, headers={"Idempotency-Key": "replay-http-0001"})
    second = client.api("POST", path, body, headers={"Idempotency-Key": "replay-http-0001"})
    assert first.status == second.status == 200
    assert second.body == first.body
    assert second.header("Idempotent-Replayed") == "true"
    versions = client.api("GET", f"/interviews/{interview['interview_id']}/versions").body
    assert len(versions["items"]) == 2


def test_an_answer_to_a_stale_question_conflicts(
    local_server: RunningServer, signed_in: str
) -> None:
    client, _, path, body = _first_answer(local_server, signed_in)
    assert client.api("POST", path, body).status == 200
    stale = client.api("POST", path, body)
    assert stale.status == 409
    assert stale.body["error"]["code"] == "not_the_current_question"


def test_another_users_interview_is_not_found(local_server: RunningServer, signed_in: str) -> None:
    interview = _start(local_server, signed_in)
    intruder = local_server.client().sign_in("mallory@example.com")
    reply = local_server.client(intruder).api("GET", f"/interviews/{interview['interview_id']}")
    assert reply.status == 404
    assert reply.body["error"]["code"] == "interview_not_found"


def test_errors_keep_their_shape_through_the_server(
    local_server: RunningServer, signed_in: str
) -> None:
    client = local_server.client(signed_in)
    invalid = client.api("POST", "/interviews", {"role": "qa", "seniority": "junior"})
    assert invalid.status == 422
    assert invalid.body["error"]["code"] == "validation_failed"
    assert invalid.body["error"]["request_id"]
    status, _, data = client.raw(
        "POST",
        "/api/interviews",
        b"\xff\xfe not utf-8",
        {"Authorization": f"Bearer {signed_in}", "Content-Type": "application/json"},
    )
    assert status == 400
    assert json.loads(data)["error"]["code"] == "malformed_json"


# -- the web app -----------------------------------------------------------------------------


def test_the_app_is_served_for_its_own_routes_and_assets(local_server: RunningServer) -> None:
    client = local_server.client()
    status, headers, data = client.raw("GET", "/interviews/123")
    assert status == 200
    assert b"<title>TuCoach</title>" in data
    assert headers["Cache-Control"] == "no-cache"
    status, headers, data = client.raw("GET", "/assets/app-1234.js")
    assert data == b"console.log('app')"
    assert "immutable" in headers["Cache-Control"]


def test_no_file_outside_the_app_is_served(local_server: RunningServer) -> None:
    status, _, data = local_server.client().raw("GET", "/../../../etc/passwd")
    assert status == 200
    assert b"root:" not in data
