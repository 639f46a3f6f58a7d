"""Minimal valid request bodies made from the OpenAPI document's schemas, so tests generated from
the document can call every operation without knowing it in advance."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def resolve(document: Schema, schema: Schema) -> Schema:
    while "$ref" in schema:
        path = schema["$ref"].removeprefix("#/").split("/")
        target: Any = document
        for part in path:
            target = target[part]
        schema = target
    return schema


def example(document: Schema, schema: Schema) -> Any:
    """The simplest instance of `schema`: required properties only, first enum value, minimum."""
    schema = resolve(document, schema)
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            choices = [s for s in schema[combinator] if resolve(document, s).get("type") != "null"]
            return example(document, choices[0])
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    return _BY_TYPE.get(schema.get("type"), lambda _document, _schema: None)(document, schema)


_BY_TYPE: dict[str | None, Any] = {
    "object": lambda document, schema: {
        name: example(document, schema["properties"][name]) for name in schema.get("required", [])
    },
    "array": lambda document, schema: (
        [example(document, schema["items"])] * schema.get("minItems", 0)
    ),
    "boolean": lambda _document, _schema: True,
    "integer": lambda _document, schema: schema.get(
        "minimum", schema.get("exclusiveMinimum", 0) + 1
    ),
    "number": lambda _document, schema: schema.get(
        "minimum", schema.get("exclusiveMinimum", 0) + 1
    ),
    "string": lambda _document, schema: "x" * max(1, schema.get("minLength", 1)),
}


def request_body(document: Schema, operation: Schema) -> Any:
    """An example body for the operation, or None if it takes none."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    return None if content is None else example(document, content["schema"])
