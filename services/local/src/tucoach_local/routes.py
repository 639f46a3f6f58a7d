"""Which API routes need a signed-in user, read from the OpenAPI document the handler generates
(the same document Terraform wires the Cognito authorizer from)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicRoutes:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def from_openapi(cls, document: str) -> PublicRoutes:
        paths = json.loads(document)["paths"]
        return cls(
            tuple(
                (method.upper(), re.compile("^" + re.sub(r"\{[^/]+\}", "[^/]+", path) + "$"))
                for path, operations in paths.items()
                for method, operation in operations.items()
                if operation.get("security") == [{}]
            )
        )

    def __contains__(self, route: tuple[str, str]) -> bool:
        method, path = route
        return any(m == method and p.match(path) for m, p in self.patterns)
