"""A small HTTP client of the local server that signs in as a browser would (code + PKCE).

For tests and load runs; it depends on nothing but the standard library.
"""

from __future__ import annotations

import http.client
import json
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tucoach_local.identity import CLIENT_ID, s256_challenge


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: Any

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


class LocalClient:
    def __init__(self, base_url: str, token: str | None = None) -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80
        self.token = token

    def raw(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self._host, self._port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def api(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        token: str | None = None,
    ) -> Reply:
        all_headers = dict(headers or {})
        if (token or self.token) and "Authorization" not in all_headers:
            all_headers["Authorization"] = f"Bearer {token or self.token}"
        payload = None
        if body is not None:
            payload = json.dumps(body).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        status, response_headers, data = self.raw(method, f"/api{path}", payload, all_headers)
        parsed = (
            json.loads(data)
            if data and response_headers.get("Content-Type", "").startswith("application/json")
            else data
        )
        return Reply(status, response_headers, parsed)

    def sign_in(self, email: str) -> str:
        """Signs in through the local provider's authorize and token endpoints; the ID token."""
        verifier = secrets.token_urlsafe(48)
        redirect_uri = f"{self.base_url}/callback"
        query = urlencode(
            {
                "response_type": "code",
                "client_id": CLIENT_ID,
                "redirect_uri": redirect_uri,
                "scope": "openid email",
                "state": secrets.token_urlsafe(8),
                "code_challenge": s256_challenge(verifier),
                "code_challenge_method": "S256",
            }
        )
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, headers, _ = self.raw(
            "POST", f"/oidc/authorize?{query}", urlencode({"email": email}).encode(), form
        )
        if status != 302:
            raise RuntimeError(f"sign-in refused with {status}")
        code = parse_qs(urlsplit(headers["Location"]).query)["code"][0]
        status, _, data = self.raw(
            "POST",
            "/oidc/token",
            urlencode(
                {
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": redirect_uri,
                    "client_id": CLIENT_ID,
                    "code_verifier": verifier,
                }
            ).encode(),
            form,
        )
        if status != 200:
            raise RuntimeError(f"token exchange refused with {status}: {data!r}")
        token: str = json.loads(data)["id_token"]
        self.token = token
        return token
