from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tucoach_interviews.app import QUERY_PARAMETERS, ROUTES, openapi_json

COMMITTED = Path("docs/api/openapi.json")
REGENERATE = "./pants run services/interviews/tools/tucoach_interviews_tools/write_openapi.py"


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


def _operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        operation["operationId"]: operation
        for operations in document["paths"].values()
        for operation in operations.values()
    }


def test_links_walk_a_whole_interview() -> None:
    # Given the generated document's operations and the links of their success responses
    operations = _operations(json.loads(openapi_json()))
    follows = {
        (source, link["operationId"])
        for source, operation in operations.items()
        for response in operation["responses"].values()
        for link in response.get("links", {}).values()
    }
    # Then an interview can be walked from start to deletion, and found gone after it
    walk = [
        ("createInterview", "submitAnswer"),
        ("submitAnswer", "submitAnswer"),
        ("submitAnswer", "skipFollowUp"),
        ("skipFollowUp", "submitAnswer"),
        ("submitAnswer", "completeInterview"),
        ("completeInterview", "getReport"),
        ("getReport", "rateFeedback"),
        ("rateFeedback", "listVersions"),
        ("rateFeedback", "deleteInterview"),
        ("deleteInterview", "getInterview"),
    ]
    assert set(walk) <= follows


def test_every_link_names_an_operation_and_its_parameters() -> None:
    # Given every link of the generated document
    operations = _operations(json.loads(openapi_json()))
    for source, operation in operations.items():
        for response in operation["responses"].values():
            for name, link in response.get("links", {}).items():
                # Then it names a documented operation, sets only that operation's path
                # parameters, and a body only for an operation that takes one
                target = operations[link["operationId"]]
                declared = {f"{p['in']}.{p['name']}" for p in target.get("parameters", ())}
                assert set(link["parameters"]) <= declared, (source, name)
                assert "requestBody" not in link or "requestBody" in target, (source, name)


def test_no_query_or_header_parameter_is_documented_as_null() -> None:
    # Given the generated document's query and header parameters
    paths = json.loads(openapi_json())["paths"]
    parameters = [
        parameter
        for operations in paths.values()
        for operation in operations.values()
        for parameter in operation.get("parameters", ())
    ]
    # Then none offers null: a parameter without a value is left out, and "null" is just text
    assert parameters
    assert all("null" not in json.dumps(parameter["schema"]) for parameter in parameters)


def test_the_query_parameter_table_matches_the_routes() -> None:
    # Given the query parameters of each path in the generated document
    paths = json.loads(openapi_json())["paths"]
    documented = {
        path: {
            parameter["name"]
            for operation in operations.values()
            for parameter in operation.get("parameters", ())
            if parameter["in"] == "query"
        }
        for path, operations in paths.items()
    }
    # When the table that refuses other query parameters is written in the document's syntax
    table = {
        path.replace("<interview_id>", "{interview_id}"): set(names)
        for path, names in QUERY_PARAMETERS.items()
    }
    # Then it names exactly the paths that take query parameters, and the same names
    assert table == {path: names for path, names in documented.items() if names}
