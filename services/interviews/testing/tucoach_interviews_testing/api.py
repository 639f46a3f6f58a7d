"""The handler invoked as API Gateway invokes it, with real REST proxy events."""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext as PowertoolsLambdaContext

EVENTS = Path(__file__).parent / "events"
TABLE = "TuCoachAi-test"
REGION = "eu-west-1"
USER = "7d0f2a4e-1111-4c5e-9a7b-3d2c1b0a9f8e"
OTHER_USER = "0b9e8d7c-2222-4a1b-8c3d-4e5f6a7b8c9d"


@dataclass
class LambdaContext(PowertoolsLambdaContext):
    """What the handler reads of Lambda's context object, with a test function's values."""

    function_name: str = "tucoach-interviews-test"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = (
        "arn:aws:lambda:eu-west-1:123456789012:function:tucoach-interviews-test"
    )
    aws_request_id: str = "5b2bd2c6-0000-4000-8000-000000000001"


def lambda_context_source() -> str:
    """`LambdaContext` as the Python source of a class `Context`, for the scripts that run in a
    bare interpreter beside the unzipped artifacts, where this module cannot be imported."""
    fields = "".join(f"\n    {name} = {value!r}" for name, value in asdict(LambdaContext()).items())
    return f"class Context:{fields}\n"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: Any


class Api:
    """Calls the handler the way API Gateway does, one event at a time."""

    def __init__(self) -> None:
        self._template = json.loads((EVENTS / "rest_proxy_event.json").read_text())

    def event(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        raw_body: str | None = None,
        user: str | None = USER,
        headers: dict[str, str] | None = None,
        query: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        event: dict[str, Any] = copy.deepcopy(self._template)
        event["httpMethod"] = method
        event["path"] = path
        event["requestContext"]["httpMethod"] = method
        event["requestContext"]["path"] = f"/dev{path}"
        event["requestContext"]["requestId"] = f"request-{method}-{path}"
        parts = path.strip("/").split("/")
        event["pathParameters"] = {"interview_id": parts[1]} if len(parts) > 1 else None
        all_headers = dict(event["headers"])
        text = raw_body if raw_body is not None else (None if body is None else json.dumps(body))
        if text is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        event["headers"] = all_headers
        event["multiValueHeaders"] = {k: [v] for k, v in all_headers.items()}
        event["queryStringParameters"] = query
        event["multiValueQueryStringParameters"] = (
            {k: [v] for k, v in query.items()} if query else None
        )
        event["body"] = text
        if user is None:
            event["requestContext"].pop("authorizer")
        else:
            event["requestContext"]["authorizer"]["claims"]["sub"] = user
        return event

    def call(self, method: str, path: str, **kwargs: Any) -> Reply:
        from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415 - after env setup

        result: dict[str, Any] = lambda_handler(self.event(method, path, **kwargs), LambdaContext())
        body = result["body"]
        headers = dict(result.get("headers") or {})
        for name, values in (result.get("multiValueHeaders") or {}).items():
            headers[name] = ", ".join(values)
        return Reply(
            status=result["statusCode"],
            headers=headers,
            body=json.loads(body) if body else None,
        )
