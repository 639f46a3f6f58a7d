from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest
from joserfc.jwk import RSAKey

from tucoach_local.authorizer import TokenVerifier, Unauthorized
from tucoach_local.identity import (
    CLIENT_ID,
    SESSION_LIFETIME_SECONDS,
    IdentityProvider,
    OAuthError,
    SignInPaths,
    s256_challenge,
    subject_of,
)
from tucoach_local.signing import load_or_create_key, public_key_set

ORIGIN = "http://127.0.0.1:8000"
ISSUER = f"{ORIGIN}/oidc"
PATHS = SignInPaths(callback="/callback", signed_out="/")
VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"


@pytest.fixture(scope="module")
def key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"alg": "RS256"}, private=True, auto_kid=True)


@pytest.fixture
def provider(key: RSAKey) -> IdentityProvider:
    return IdentityProvider(ISSUER, key, (ORIGIN,), PATHS)


def _authorize(provider: IdentityProvider, **changes: str) -> str:
    query = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": "http://127.0.0.1:8000/callback",
        "scope": "openid email",
        "state": "s-1",
        "nonce": "n-1",
        "code_challenge": s256_challenge(VERIFIER),
        "code_challenge_method": "S256",
    } | changes
    location = provider.approve(provider.parse_authorization_request(query), "ada@example.com")
    return location.split("code=")[1].split("&")[0]


def _exchange(provider: IdentityProvider, code: str, **changes: str) -> dict[str, object]:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": CLIENT_ID,
        "redirect_uri": "http://127.0.0.1:8000/callback",
        "code_verifier": VERIFIER,
    } | changes
    return provider.exchange(form)


def test_the_s256_transform_matches_rfc_7636s_example() -> None:
    assert s256_challenge(VERIFIER) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_the_subject_is_a_stable_uuid_per_email_address() -> None:
    assert subject_of("Ada@Example.com ") == subject_of("ada@example.com")
    assert subject_of("ada@example.com") != subject_of("grace@example.com")
    assert uuid.UUID(subject_of("ada@example.com")).version == 5


def test_an_approved_request_redirects_with_a_code_and_its_state(
    provider: IdentityProvider,
) -> None:
    query = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": "http://127.0.0.1:8000/callback",
        "scope": "openid",
        "state": "abc",
        "code_challenge": s256_challenge(VERIFIER),
        "code_challenge_method": "S256",
    }
    location = provider.approve(provider.parse_authorization_request(query), "ada@example.com")
    assert location.startswith("http://127.0.0.1:8000/callback?code=")
    assert location.endswith("&state=abc")


def test_the_tokens_verify_and_carry_the_nonce(provider: IdentityProvider, key: RSAKey) -> None:
    tokens = _exchange(provider, _authorize(provider))
    claims = TokenVerifier(ISSUER, CLIENT_ID, public_key_set(key)).claims(str(tokens["id_token"]))
    assert claims["sub"] == subject_of("ada@example.com")
    assert claims["nonce"] == "n-1"
    assert tokens["token_type"] == "Bearer"
    with pytest.raises(Unauthorized):  # the access token is not an ID token
        TokenVerifier(ISSUER, CLIENT_ID, public_key_set(key)).claims(str(tokens["access_token"]))


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"code_verifier": "x" * 43}, "invalid_grant"),
        ({"code_verifier": "short"}, "invalid_grant"),
        ({"redirect_uri": "http://127.0.0.1:8000/elsewhere"}, "invalid_grant"),
        ({"client_id": "another"}, "invalid_client"),
        ({"grant_type": "password"}, "unsupported_grant_type"),
    ],
)
def test_an_exchange_that_does_not_match_its_authorization_is_refused(
    provider: IdentityProvider, change: dict[str, str], error: str
) -> None:
    with pytest.raises(OAuthError) as refused:
        _exchange(provider, _authorize(provider), **change)
    assert refused.value.error == error


def test_a_code_is_used_once(provider: IdentityProvider) -> None:
    code = _authorize(provider)
    _exchange(provider, code)
    with pytest.raises(OAuthError, match="unknown, used or expired"):
        _exchange(provider, code)


@pytest.mark.parametrize("email", ["", "not-an-email", "two words@example.com"])
def test_a_malformed_email_is_refused(provider: IdentityProvider, email: str) -> None:
    query = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": "http://127.0.0.1:8000/callback",
        "scope": "openid",
        "code_challenge": s256_challenge(VERIFIER),
        "code_challenge_method": "S256",
    }
    with pytest.raises(OAuthError, match="email address"):
        provider.approve(provider.parse_authorization_request(query), email)


def test_the_signing_key_is_kept_and_private(tmp_path: Path) -> None:
    folder = tmp_path / "oidc"
    first = load_or_create_key(folder)
    again = load_or_create_key(folder)
    assert first.kid == again.kid
    assert (folder / "signing-key.json").stat().st_mode & 0o777 == 0o600


def test_the_paths_come_from_the_file_cognito_and_the_web_app_share() -> None:
    # infra/main.tf builds the app client's callback and sign-out URLs from the same file
    assert SignInPaths.load() == SignInPaths(callback="/callback", signed_out="/")


@pytest.mark.parametrize(
    "redirect_uri",
    [
        f"{ORIGIN}/",  # the origin alone: what Cognito allowed while the app sent /callback
        f"{ORIGIN}/callback/",  # a trailing slash makes another URL
        f"{ORIGIN}/callback?next=/history",
        "http://localhost:9999/callback",  # another origin
        "https://evil.example/callback",
        "",
    ],
)
def test_an_unregistered_redirect_uri_is_refused_as_cognito_does(
    provider: IdentityProvider, redirect_uri: str
) -> None:
    with pytest.raises(OAuthError) as refused:
        _authorize(provider, redirect_uri=redirect_uri)

    assert refused.value.error == "redirect_mismatch"
    assert refused.value.status == 400


def test_sign_out_returns_to_a_registered_url_only(provider: IdentityProvider) -> None:
    assert provider.logout_redirect({"post_logout_redirect_uri": f"{ORIGIN}/"}) == f"{ORIGIN}/"
    assert provider.logout_redirect({"logout_uri": f"{ORIGIN}/"}) == f"{ORIGIN}/"
    assert provider.logout_redirect({}) == "/"
    with pytest.raises(OAuthError) as refused:
        provider.logout_redirect({"post_logout_redirect_uri": "https://evil.example/"})
    assert refused.value.error == "redirect_mismatch"


def test_a_session_names_its_person_until_it_ends_or_expires(
    provider: IdentityProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a session started at sign-in
    session = provider.start_session(" ada@example.com ")
    # Then it names the person, and nothing else does
    assert provider.session_email(session) == "ada@example.com"
    assert provider.session_email("forged") is None
    assert provider.session_email(None) is None
    # When an hour has passed, it is gone
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + SESSION_LIFETIME_SECONDS + 1)
    assert provider.session_email(session) is None


def test_sign_out_ends_the_session(provider: IdentityProvider) -> None:
    session = provider.start_session("ada@example.com")
    provider.end_session(session)
    assert provider.session_email(session) is None
