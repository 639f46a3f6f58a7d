"""The Lambda entry point: Powertools' logging, tracing and metrics around the resolver."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from tucoach_interviews import __version__
from tucoach_interviews.app import resolve
from tucoach_interviews.observability import logger, metrics, tracer

logger.info("cold start", extra={"version": __version__})


@logger.inject_lambda_context
# Responses and errors hold candidates' answers and feedback: traces keep timings, not content.
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    # The correlation id is API Gateway's request id, read directly: Powertools'
    # `correlation_id_path` evaluates a JMESPath expression on every request.
    logger.set_correlation_id((event.get("requestContext") or {}).get("requestId"))
    return resolve(event, context)
