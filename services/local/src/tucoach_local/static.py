"""The built web app, served as CloudFront would: files as they are, the app for other paths."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from tucoach_local.gateway import HttpResponse

INDEX = "index.html"


class StaticSite:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    @property
    def present(self) -> bool:
        return (self.root / INDEX).is_file()

    def serve(self, path: str) -> HttpResponse:
        if not self.present:
            return HttpResponse(
                503,
                [("Content-Type", "text/plain; charset=utf-8")],
                b"The web app is not built yet: run bin/run, which builds it.\n",
            )
        candidate = (self.root / path.lstrip("/")).resolve()
        inside = candidate.is_relative_to(self.root)
        target = candidate if inside and candidate.is_file() else self.root / INDEX
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        # Vite fingerprints assets, so they may be cached for good; the page itself may not.
        cache = "public, max-age=31536000, immutable" if "/assets/" in path else "no-cache"
        return HttpResponse(
            200,
            [("Content-Type", content_type), ("Cache-Control", cache)],
            target.read_bytes(),
        )
