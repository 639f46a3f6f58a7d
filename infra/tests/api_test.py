"""The planned API Gateway against docs/api/openapi.json: routes, authorizer, throttling."""

from __future__ import annotations

import json
import re
from pathlib import Path

from terraform_plan import Plan, references

OPENAPI = Path("docs/api/openapi.json")
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def _openapi_routes() -> dict[str, bool]:
    """'METHOD /path' -> whether the route is public (`security: [{}]`: no credentials)."""
    document = json.loads(OPENAPI.read_text())
    return {
        f"{method.upper()} {path}": operation.get("security") == [{}]
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method in HTTP_METHODS
    }


def _methods(plan: Plan, name: str) -> dict[str, dict[str, object]]:
    return {r.index: r.values for r in plan.resources("aws_api_gateway_method", name)}


def test_every_openapi_route_has_a_method_and_no_other_does(plan: Plan) -> None:
    # Given the routes of the OpenAPI document and the planned methods
    routes = _openapi_routes()
    planned = {**_methods(plan, "private"), **_methods(plan, "public")}

    # Then they are the same set, with the same HTTP methods
    assert set(planned) == set(routes)
    for key, method in planned.items():
        assert method["http_method"] == key.split(" ")[0]


def test_private_routes_need_the_cognito_authorizer_public_ones_nothing(plan: Plan) -> None:
    routes = _openapi_routes()
    private = _methods(plan, "private")
    public = _methods(plan, "public")

    assert set(public) == {key for key, is_public in routes.items() if is_public}
    assert set(private) == {key for key, is_public in routes.items() if not is_public}
    assert all(m["authorization"] == "COGNITO_USER_POOLS" for m in private.values())
    assert all(m["authorization"] == "NONE" for m in public.values())
    # ... and the authorizer they name is the Cognito one of the user pool
    block = plan.configuration("aws_api_gateway_method", "private")
    assert "aws_api_gateway_authorizer.cognito.id" in references(
        block["expressions"]["authorizer_id"]
    )
    authorizer = plan.one("aws_api_gateway_authorizer", "cognito")
    assert authorizer.values["type"] == "COGNITO_USER_POOLS"
    assert "aws_cognito_user_pool.main.arn" in references(
        plan.configuration("aws_api_gateway_authorizer", "cognito")["expressions"]["provider_arns"]
    )


def test_every_route_is_a_lambda_proxy_integration_of_the_function(plan: Plan) -> None:
    integrations = {
        r.index: r.values for r in plan.resources("aws_api_gateway_integration", "interviews")
    }

    assert set(integrations) == set(_openapi_routes())
    assert all(i["type"] == "AWS_PROXY" for i in integrations.values())
    assert all(i["integration_http_method"] == "POST" for i in integrations.values())
    block = plan.configuration("aws_api_gateway_integration", "interviews")
    assert "aws_lambda_function.interviews.invoke_arn" in references(block["expressions"]["uri"])


def test_every_path_segment_is_a_resource_under_its_parent(plan: Plan) -> None:
    # Given the planned resources (one block per depth, keyed by their full path)
    resources = {}
    for depth in (1, 2, 3):
        for r in plan.resources("aws_api_gateway_resource", f"depth{depth}"):
            resources[r.index] = r.values["path_part"]

    # Then every prefix of every route's path is one, named for its last segment
    for key in _openapi_routes():
        segments = key.split(" ")[1].strip("/").split("/")
        for depth in range(1, len(segments) + 1):
            path = "/" + "/".join(segments[:depth])
            assert resources.get(path) == segments[depth - 1], path


def test_the_stage_throttles_every_method(plan: Plan) -> None:
    (settings,) = plan.resources("aws_api_gateway_method_settings")

    assert settings.values["method_path"] == "*/*"
    (values,) = settings.values["settings"]
    assert values["throttling_rate_limit"] > 0
    assert values["throttling_burst_limit"] >= values["throttling_rate_limit"]


def test_the_stage_writes_json_access_logs_and_traces(plan: Plan) -> None:
    stage = plan.one("aws_api_gateway_stage", "main").values

    (logs,) = stage["access_log_settings"]
    fields = json.loads(logs["format"])
    assert {"requestId", "status", "httpMethod", "resourcePath"} <= set(fields)
    assert stage["xray_tracing_enabled"] is True


def test_gateway_errors_have_the_apis_error_shape_and_are_never_stored(plan: Plan) -> None:
    responses = {r.index: r.values for r in plan.resources("aws_api_gateway_gateway_response")}

    assert {"DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED"} <= set(responses)
    for response in responses.values():
        template = response["response_templates"]["application/json"]
        # API Gateway substitutes these; messageString comes quoted
        rendered = template.replace("$context.error.messageString", '"a message"').replace(
            "$context.requestId", "req-1"
        )
        body = json.loads(rendered)
        assert set(body) == {"error"}
        assert set(body["error"]) == {"code", "message", "request_id"}
        assert re.fullmatch(r"[a-z_]+", body["error"]["code"])
        assert body["error"]["request_id"] == "req-1"
        # As the function's answers: no browser or proxy keeps them
        assert response["response_parameters"] == {
            "gatewayresponse.header.Cache-Control": "'no-store'"
        }


def test_the_api_answers_no_cross_origin_request(plan: Plan) -> None:
    # Given the app calls the API on its own origin (CloudFront, edge_test.py)
    methods = plan.resources("aws_api_gateway_method")
    function = plan.one("aws_lambda_function", "interviews").values
    gateway_headers = [
        name
        for r in plan.resources("aws_api_gateway_gateway_response")
        for name in r.values["response_parameters"] or {}
    ]

    # Then there is no preflight route, no CORS header and no origin for the function to allow
    assert not [m for m in methods if m.values["http_method"] == "OPTIONS"]
    assert not [name for name in gateway_headers if "access-control" in name.lower()]
    assert "CORS_ALLOW_ORIGIN" not in function["environment"][0]["variables"]
