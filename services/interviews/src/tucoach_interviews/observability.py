"""Powertools' logger, tracer and metrics for the function (service name: interviews)."""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer

SERVICE = "interviews"
METRICS_NAMESPACE = "TuCoachAi"

logger = Logger(service=SERVICE)
tracer = Tracer(service=SERVICE)
metrics = Metrics(namespace=METRICS_NAMESPACE, service=SERVICE)
