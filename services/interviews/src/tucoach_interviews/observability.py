"""Powertools' logger, tracer and metrics for the function (service name: interviews)."""

from __future__ import annotations

from functools import cache

from aws_lambda_powertools import Logger, Metrics, Tracer

from tucoach_interviews.collector import paused

SERVICE = "interviews"
METRICS_NAMESPACE = "TuCoachAi"
# What the function calls out through: DynamoDB and Bedrock (botocore), an OpenAI-compatible
# server (http.client). Patching only these, not every library the X-Ray SDK knows (sqlite3,
# pymongo, psycopg...), keeps those imports off the cold start.
TRACED_MODULES = ("botocore", "httplib")

logger = Logger(service=SERVICE)
metrics = Metrics(namespace=METRICS_NAMESPACE, service=SERVICE)


@cache
def function_tracer() -> Tracer:
    """The function's Tracer, built at the first request rather than as the function loads:
    building it loads the X-Ray SDK and patches botocore and http.client, about a twentieth of
    the cold import (see "Cold start" in the README). Outside Lambda it switches the SDK off."""
    with paused():  # what it loads stays for the container's life (see collector.py)
        return Tracer(service=SERVICE, patch_modules=TRACED_MODULES)


def tracing() -> bool:
    """Whether requests are traced: the X-Ray SDK is on (in Lambda, unless
    POWERTOOLS_TRACE_DISABLED). Read per request, after the Tracer has had its say."""
    function_tracer()
    # Loaded with the Tracer above; Powertools has no public switch to ask.
    from aws_xray_sdk import global_sdk_config  # type: ignore[import-untyped] # noqa: PLC0415 # pants: no-infer-dep

    enabled: bool = global_sdk_config.sdk_enabled()
    return enabled
