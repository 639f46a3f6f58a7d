"""The Lambda entry point: Powertools' logging, tracing and metrics around the resolver."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from tucoach_interviews import __version__
from tucoach_interviews.app import resolve
from tucoach_interviews.observability import logger, metrics, tracer

logger.info("cold start", extra={"version": __version__})


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
# Responses and errors hold candidates' answers and feedback: traces keep timings, not content.
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resolve(event, context)
