"""What API Gateway's Cognito authorizer does, done locally: verify the ID token, pass its claims.

A missing, malformed, wrongly signed, expired, `alg: none` or other-audience token is refused.
"""

from __future__ import annotations

import time
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from tucoach_local.signing import ALGORITHM

CLOCK_SKEW_SECONDS = 30


class Unauthorized(Exception):
    """Why a request's token was refused (logged; the client gets a generic 401)."""


class TokenVerifier:
    def __init__(self, issuer: str, audience: str, keys: KeySet) -> None:
        self._issuer = issuer
        self._audience = audience
        self._keys = keys
        self._registry = jwt.JWTClaimsRegistry(
            leeway=CLOCK_SKEW_SECONDS,
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": audience},
            sub={"essential": True},
            exp={"essential": True},
            token_use={"essential": True, "value": "id"},
        )

    def claims(self, authorization: str | None) -> dict[str, Any]:
        """The verified claims of the `Authorization` header's ID token (raw or `Bearer ...`)."""
        if not authorization:
            raise Unauthorized("no Authorization header")
        scheme, _, rest = authorization.strip().partition(" ")
        # Auth schemes are case-insensitive (RFC 9110); Cognito's authorizer also takes the
        # bare token.
        token = rest.strip() if scheme.lower() == "bearer" else authorization.strip()
        try:
            decoded = jwt.decode(token, self._keys, algorithms=[ALGORITHM])
            self._registry.validate(decoded.claims)
        except (JoseError, ValueError) as error:
            raise Unauthorized(f"{type(error).__name__}: {error}") from error
        claims = dict(decoded.claims)
        if claims.get("iat", 0) > time.time() + CLOCK_SKEW_SECONDS:
            raise Unauthorized("token issued in the future")
        return claims
