"""The security headers every response of the local server carries, as CloudFront's response
headers policy sets them in AWS (infra/frontend_hosting.tf), so the app is tried under the same
rules on a laptop."""

from __future__ import annotations

import base64
import hashlib
import re

# The app loads nothing from elsewhere locally: its API and sign-in share its origin.
APP_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    # Dictation needs the microphone, on this origin only; nothing needs the rest.
    ("Permissions-Policy", "microphone=(self), camera=(), geolocation=(), payment=(), usb=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)

_INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def content_security_policy(page: str | None = None) -> str:
    """The app's policy; for a server-made page (the sign-in form), its inline styles are
    allowed by their hashes, and nothing else inline is."""
    if page is None:
        return APP_CONTENT_SECURITY_POLICY
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"
        for style in _INLINE_STYLE.findall(page)
    )
    style_source = f"style-src 'self' {hashes}".rstrip()
    return APP_CONTENT_SECURITY_POLICY.replace("style-src 'self'", style_source)
