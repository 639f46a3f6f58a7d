"""A local OpenID Connect provider: authorization code flow with PKCE (S256), discovery, JWKS.

It stands in for Cognito's hosted UI on a laptop: a person types an email address, and the ID
token carries the claims Cognito's would (sub, email, email_verified, cognito:username, aud,
token_use, auth_time). The sub is derived from the email, so the same person keeps the same
interviews across restarts. There are no passwords: this provider is for one machine's loopback.

Like the hosted UI it keeps a session: signing in sets an HttpOnly, SameSite=Lax cookie on the
provider's path, and while it lasts another authorization request (a second tab of the same
browser) is answered with a code at once, without the form. Sign-out ends it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from joserfc import jwt
from joserfc.jwk import RSAKey

from tucoach_local.options import SIGN_IN_PATHS_FILE
from tucoach_local.signing import ALGORITHM, jwks

CLIENT_ID = "tucoach-local"
TOKEN_LIFETIME_SECONDS = 3600
CODE_LIFETIME_SECONDS = 120
# Cognito's hosted UI keeps its session cookie for an hour; so does this provider.
SESSION_LIFETIME_SECONDS = 3600
SESSION_COOKIE = "tucoach_idp_session"
# Subjects are UUIDs like Cognito's, stable per email address.
SUBJECT_NAMESPACE = uuid.UUID("9b3f3c1e-6a0b-4f7e-8a51-7d7c2f3b9e10")


class OAuthError(Exception):
    """An OAuth error response (RFC 6749 section 5.2): an error code and a description."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


@dataclass(frozen=True)
class SignInPaths:
    """The app's callback path (its OIDC redirect_uri) and the path it lands on after sign-out."""

    callback: str
    signed_out: str

    @classmethod
    def load(cls, path: Path = SIGN_IN_PATHS_FILE) -> SignInPaths:
        paths = json.loads(path.read_text())
        return cls(callback=paths["callback"], signed_out=paths["signed_out"])


@dataclass(frozen=True)
class AuthorizationRequest:
    client_id: str
    redirect_uri: str
    state: str | None
    nonce: str | None
    code_challenge: str
    scope: str


@dataclass(frozen=True)
class _Session:
    email: str
    expires_at: float


@dataclass(frozen=True)
class _IssuedCode:
    request: AuthorizationRequest
    email: str
    expires_at: float


def s256_challenge(verifier: str) -> str:
    """PKCE's S256 transform (RFC 7636 section 4.2): BASE64URL(SHA256(verifier)), unpadded."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def subject_of(email: str) -> str:
    return str(uuid.uuid5(SUBJECT_NAMESPACE, email.strip().lower()))


class IdentityProvider:
    def __init__(
        self, issuer: str, key: RSAKey, app_origins: tuple[str, ...], paths: SignInPaths
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self._key = key
        # Registered like a Cognito app client's callback and sign-out URLs: whole URLs, matched
        # exactly (a trailing slash or another path is another URL).
        self._callback_urls = frozenset(f"{origin}{paths.callback}" for origin in app_origins)
        self._signed_out_urls = frozenset(f"{origin}{paths.signed_out}" for origin in app_origins)
        self._codes: dict[str, _IssuedCode] = {}
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks.json",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": [ALGORITHM],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["none"],
            "claims_supported": ["sub", "email", "email_verified", "cognito:username"],
        }

    def jwks(self) -> dict[str, Any]:
        return jwks(self._key)

    def parse_authorization_request(self, query: dict[str, str]) -> AuthorizationRequest:
        """Checks an /authorize request; errors are shown to the person, never redirected."""
        if query.get("response_type") != "code":
            raise OAuthError("unsupported_response_type", "Only response_type=code is supported.")
        if query.get("client_id") != CLIENT_ID:
            raise OAuthError("invalid_client", f"Unknown client; use client_id={CLIENT_ID}.")
        redirect_uri = query.get("redirect_uri", "")
        if redirect_uri not in self._callback_urls:
            # Cognito's hosted UI answers an unregistered redirect_uri with its error page
            # (error=redirect_mismatch) and never sends the browser there.
            raise OAuthError(
                "redirect_mismatch",
                "redirect_uri is not one of the app client's callback URLs "
                f"({', '.join(sorted(self._callback_urls))}).",
            )
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            raise OAuthError("invalid_request", "PKCE is required: code_challenge_method=S256.")
        if "openid" not in query.get("scope", "").split():
            raise OAuthError("invalid_scope", "The scope must include openid.")
        return AuthorizationRequest(
            client_id=CLIENT_ID,
            redirect_uri=redirect_uri,
            state=query.get("state"),
            nonce=query.get("nonce"),
            code_challenge=query["code_challenge"],
            scope=query["scope"],
        )

    def sign_in_page(
        self, request: AuthorizationRequest, query_string: str, error: str = ""
    ) -> str:
        message = f'<p role="alert" class="error">{html.escape(error)}</p>' if error else ""
        return _SIGN_IN_PAGE.format(
            action=html.escape(f"{self.issuer}/authorize?{query_string}", quote=True),
            message=message,
        )

    def approve(self, request: AuthorizationRequest, email: str) -> str:
        """The redirect that sends the person back to the app with a one-time code."""
        email = email.strip()
        if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
            raise OAuthError("invalid_request", "Enter an email address, like ada@example.com.")
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._forget_expired_codes()
            self._codes[code] = _IssuedCode(request, email, time.time() + CODE_LIFETIME_SECONDS)
        parameters = {"code": code, **({"state": request.state} if request.state else {})}
        return f"{request.redirect_uri}?{urlencode(parameters)}"

    def start_session(self, email: str) -> str:
        """A new session for someone who just signed in: its id goes in the session cookie."""
        session = secrets.token_urlsafe(32)
        with self._lock:
            now = time.time()
            for expired in [s for s, kept in self._sessions.items() if kept.expires_at < now]:
                del self._sessions[expired]
            self._sessions[session] = _Session(email.strip(), now + SESSION_LIFETIME_SECONDS)
        return session

    def session_email(self, session: str | None) -> str | None:
        """Who a live session belongs to; None for no session, an unknown or an expired one."""
        with self._lock:
            kept = self._sessions.get(session or "")
        return kept.email if kept is not None and kept.expires_at >= time.time() else None

    def end_session(self, session: str | None) -> None:
        with self._lock:
            self._sessions.pop(session or "", None)

    def exchange(self, form: dict[str, str]) -> dict[str, Any]:
        """The token endpoint: a code and its PKCE verifier for an ID and an access token."""
        if form.get("grant_type") != "authorization_code":
            raise OAuthError("unsupported_grant_type", "Only authorization_code is supported.")
        with self._lock:
            issued = self._codes.pop(form.get("code", ""), None)
        if issued is None or issued.expires_at < time.time():
            raise OAuthError("invalid_grant", "The code is unknown, used or expired.")
        request = issued.request
        if form.get("client_id") != request.client_id:
            raise OAuthError("invalid_client", "The code was issued to another client.")
        if form.get("redirect_uri") != request.redirect_uri:
            raise OAuthError("invalid_grant", "redirect_uri differs from the authorization's.")
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128 or not secrets.compare_digest(
            s256_challenge(verifier), request.code_challenge
        ):
            raise OAuthError("invalid_grant", "The PKCE code_verifier does not match.")
        now = int(time.time())
        subject = subject_of(issued.email)
        common = {
            "iss": self.issuer,
            "sub": subject,
            "iat": now,
            "exp": now + TOKEN_LIFETIME_SECONDS,
        }
        id_claims = {
            **common,
            "aud": request.client_id,
            "token_use": "id",
            "auth_time": now,
            "email": issued.email,
            "email_verified": True,
            "cognito:username": subject,
            **({"nonce": request.nonce} if request.nonce else {}),
        }
        access_claims = {
            **common,
            "client_id": request.client_id,
            "token_use": "access",
            "scope": request.scope,
            "username": subject,
        }
        return {
            "id_token": self._sign(id_claims),
            "access_token": self._sign(access_claims),
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME_SECONDS,
            "scope": request.scope,
        }

    def logout_redirect(self, query: dict[str, str]) -> str:
        """Where to send the browser after sign-out: a registered sign-out URL, as Cognito does."""
        target = query.get("post_logout_redirect_uri") or query.get("logout_uri")
        if target is None:
            return "/"
        if target not in self._signed_out_urls:
            raise OAuthError(
                "redirect_mismatch",
                "The sign-out redirect is not one of the app client's sign-out URLs "
                f"({', '.join(sorted(self._signed_out_urls))}).",
            )
        return target

    def _sign(self, claims: dict[str, Any]) -> str:
        header = {"alg": ALGORITHM, "kid": self._key.kid, "typ": "JWT"}
        return jwt.encode(header, claims, self._key)

    def _forget_expired_codes(self) -> None:
        now = time.time()
        for code in [c for c, issued in self._codes.items() if issued.expires_at < now]:
            del self._codes[code]


_SIGN_IN_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - TuCoach AI (local)</title>
<style>
body {{ font-family: system-ui, sans-serif; background: #f4f6fb; color: #1b1f2a; margin: 0; }}
main {{ max-width: 24rem; margin: 10vh auto; background: #fff; padding: 2rem;
  border-radius: 12px; box-shadow: 0 2px 12px rgba(0, 0, 0, .08); }}
h1 {{ font-size: 1.4rem; margin-top: 0; }}
label {{ display: block; font-weight: 600; margin-bottom: .4rem; }}
input {{ width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem;
  border: 1px solid #8a93a6; border-radius: 6px; }}
button {{ margin-top: 1rem; width: 100%; padding: .7rem; font-size: 1rem; border: 0;
  border-radius: 6px; background: #2846c9; color: #fff; cursor: pointer; }}
button:focus-visible, input:focus-visible {{ outline: 3px solid #f0b429; outline-offset: 2px; }}
.error {{ color: #a4161a; }}
.hint {{ color: #4a5163; font-size: .9rem; }}
</style>
</head>
<body>
<main>
<h1>Sign in to TuCoach AI</h1>
<p class="hint">Local sign-in for this computer only: no password needed. Your email address
keeps your interviews yours.</p>
{message}
<form method="post" action="{action}">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required autofocus>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
"""
