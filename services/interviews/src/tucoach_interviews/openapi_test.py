from __future__ import annotations

import json
from pathlib import Path

from tucoach_interviews.app import ROUTES, openapi_json

COMMITTED = Path("docs/api/openapi.json")
REGENERATE = "./pants run services/interviews/src/tucoach_interviews:write-openapi"


def test_the_committed_openapi_document_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == openapi_json() + "\n", (
        f"docs/api/openapi.json is stale: run {REGENERATE} and commit the result"
    )


def test_every_route_but_the_catalog_requires_sign_in() -> None:
    document = json.loads(openapi_json())
    assert document["security"] == [{"cognito": []}]
    public = {
        (path, method)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if operation.get("security") == [{}]
    }
    assert public == {("/catalog", "get")}


def test_the_routes_of_the_specification_are_documented() -> None:
    paths = json.loads(openapi_json())["paths"]
    routes = {(path, method.upper()) for path, operations in paths.items() for method in operations}
    assert routes == {
        ("/interviews", "POST"),
        ("/interviews", "GET"),
        ("/interviews/{interview_id}", "GET"),
        ("/interviews/{interview_id}", "DELETE"),
        ("/interviews/{interview_id}/versions", "GET"),
        ("/interviews/{interview_id}/answers", "POST"),
        ("/interviews/{interview_id}/skip", "POST"),
        ("/interviews/{interview_id}/complete", "POST"),
        ("/interviews/{interview_id}/report", "GET"),
        ("/interviews/{interview_id}/rating", "GET"),
        ("/interviews/{interview_id}/rating", "POST"),
        ("/practice-plan", "GET"),
        ("/catalog", "GET"),
    }


def test_the_method_table_behind_405_answers_matches_the_routes() -> None:
    # Given the generated document's paths and methods
    paths = json.loads(openapi_json())["paths"]
    documented = {
        path: tuple(sorted(method.upper() for method in operations))
        for path, operations in paths.items()
    }
    # When the table that 405 responses read is written in the document's path syntax
    table = {
        path.replace("<interview_id>", "{interview_id}"): tuple(sorted(methods))
        for path, methods in ROUTES.items()
    }
    # Then both name the same paths and methods
    assert table == documented
