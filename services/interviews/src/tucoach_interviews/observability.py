"""Powertools' logger, tracer and metrics for the function (service name: interviews)."""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer

SERVICE = "interviews"
METRICS_NAMESPACE = "TuCoachAi"
# What the function calls out through: DynamoDB and Bedrock (botocore), an OpenAI-compatible
# server (http.client). Patching only these, not every library the X-Ray SDK knows (sqlite3,
# pymongo, psycopg...), keeps those imports off the cold start.
TRACED_MODULES = ("botocore", "httplib")

logger = Logger(service=SERVICE)
tracer = Tracer(service=SERVICE, patch_modules=TRACED_MODULES)
metrics = Metrics(namespace=METRICS_NAMESPACE, service=SERVICE)
