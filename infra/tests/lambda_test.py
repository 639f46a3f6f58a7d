"""The function and its layers as `./pants package` builds them."""

from __future__ import annotations

import json
import os
import re

from terraform_plan import Plan, references

from tucoach_repository.schema import table_name


def test_function_runs_the_packaged_handler_on_the_build_runtime(plan: Plan) -> None:
    function = plan.one("aws_lambda_function", "interviews").values

    assert function["handler"] == "lambda_function.handler"
    # LAMBDA_RUNTIME is pants-plugins/macros.py's, the runtime the artifacts are built for
    assert function["runtime"] == os.environ["LAMBDA_RUNTIME"]
    assert function["tracing_config"] == [{"mode": "Active"}]
    assert 128 <= function["memory_size"] <= 10240
    assert 3 <= function["timeout"] < 29  # API Gateway's integration timeout is 29 s


def test_function_attaches_both_layers_built_for_its_runtime(plan: Plan) -> None:
    layers = {r.name: r.values for r in plan.resources("aws_lambda_layer_version")}
    block = plan.configuration("aws_lambda_function", "interviews")

    assert set(layers) == {"tucoach_packages", "interviews_dependencies"}
    for name, layer in layers.items():
        assert layer["compatible_runtimes"] == [os.environ["LAMBDA_RUNTIME"]]
        assert f"aws_lambda_layer_version.{name}.arn" in references(block["expressions"]["layers"])


def test_function_knows_its_table_and_the_service_settings(plan: Plan) -> None:
    variables = plan.one("aws_lambda_function", "interviews").values["environment"][0]["variables"]

    assert variables["TABLE_NAME"] == table_name(plan.environment)
    assert variables["POWERTOOLS_SERVICE_NAME"] == "interviews"
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == "TuCoachAi"


def test_function_skips_pydantic_plugin_discovery(plan: Plan) -> None:
    variables = plan.one("aws_lambda_function", "interviews").values["environment"][0]["variables"]

    # pydantic reads every installed package's metadata for plugins otherwise, as the first
    # schema is built in a cold start (about 2-3 ms with the layers alone); "__all__" is the
    # value pydantic's loader takes for "none at all"
    assert variables["PYDANTIC_DISABLE_PLUGINS"] == "__all__"


# https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: "Function environment
# variables: 4 KB, for all environment variables associated with the function, in aggregate".
LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4 * 1024
# https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html (key pattern) and
# https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html ("Reserved environment
# variables": their keys cannot be set in a function's configuration). As that page reads in
# December 2026: the Managed Instances and metadata endpoint keys are reserved; TZ, reserved in
# earlier editions, is among the "Unreserved environment variables" a function may set.
LAMBDA_KEY_PATTERN = re.compile(r"[a-zA-Z][a-zA-Z0-9_]+")
LAMBDA_RESERVED_KEYS = {
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
    "AWS_LAMBDA_MAX_CONCURRENCY",
    "AWS_LAMBDA_METADATA_API",
    "AWS_LAMBDA_METADATA_TOKEN",
}


def test_function_environment_is_one_lambda_accepts(plan: Plan) -> None:
    function = plan.one("aws_lambda_function", "interviews")
    variables = function.values["environment"][0]["variables"]

    # Every value is known at plan, so the size below is the one Lambda will see
    assert not (function.unknown.get("environment") or [{}])[0].get("variables")
    # Keys of the pattern Lambda takes, none of them one the runtime reserves
    assert all(LAMBDA_KEY_PATTERN.fullmatch(key) for key in variables)
    assert not set(variables) & LAMBDA_RESERVED_KEYS
    # Within the 4 KB in aggregate, counted as the map's JSON (keys, values and punctuation:
    # more than AWS counts, so the check is on the safe side)
    assert len(json.dumps(variables).encode()) <= LAMBDA_ENVIRONMENT_LIMIT_BYTES


def test_function_gets_the_daily_quotas_as_whole_numbers(plan: Plan) -> None:
    variables = plan.one("aws_lambda_function", "interviews").values["environment"][0]["variables"]

    # The function's Settings read them as integers: "20.0" would fail its cold start.
    assert variables["DAILY_INTERVIEW_LIMIT"] == "20"
    assert variables["DAILY_ANSWER_LIMIT"] == "200"


def test_log_groups_have_a_retention(plan: Plan) -> None:
    # (the execution-log group's name holds the API's id, unknown until applied)
    groups = {
        r.values.get("name", r.address): r.values
        for r in plan.resources("aws_cloudwatch_log_group")
    }

    assert f"/aws/lambda/tucoach-{plan.environment}-interviews" in groups
    assert all(group["retention_in_days"] > 0 for group in groups.values())


def test_only_api_gateway_may_invoke_the_function_per_route_and_stage(plan: Plan) -> None:
    permissions = plan.resources("aws_lambda_permission", "interviews")

    assert len(permissions) == len(plan.resources("aws_api_gateway_integration", "interviews"))
    assert all(p.values["principal"] == "apigateway.amazonaws.com" for p in permissions)
