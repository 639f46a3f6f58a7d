"""The Lambda entry point: Powertools' logging, tracing and metrics around the resolver."""

from __future__ import annotations

from tucoach_interviews.collector import paused

# The function's modules load with the collector paused (see collector.py).
with paused():
    from collections.abc import Callable
    from functools import cache
    from typing import Any

    from aws_lambda_powertools.utilities.typing import LambdaContext

    from tucoach_interviews import __version__
    from tucoach_interviews.app import resolve
    from tucoach_interviews.observability import function_tracer, logger, metrics, tracing

logger.info("cold start", extra={"version": __version__})

Handler = Callable[[dict[str, Any], LambdaContext], dict[str, Any]]


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    # The correlation id is API Gateway's request id, read directly: Powertools'
    # `correlation_id_path` evaluates a JMESPath expression on every request.
    logger.set_correlation_id((event.get("requestContext") or {}).get("requestId"))
    # Untraced when tracing is off (outside Lambda, or POWERTOOLS_TRACE_DISABLED): the Tracer
    # would still build a placeholder segment and subsegment for every request.
    return (_traced() if tracing() else handle)(event, context)


@metrics.log_metrics
def handle(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return resolve(event, context)


@cache
def _traced() -> Handler:
    """`handle` in a subsegment of its own ("## handle"), annotated with the cold start."""
    tracer = function_tracer()
    # Responses and errors hold candidates' answers and feedback: traces keep timings, not content.
    traced: Handler = tracer.capture_lambda_handler(capture_response=False, capture_error=False)(
        handle
    )
    return traced
