"""Test support of the interviews function: API Gateway events, a caller, pytest fixtures.

Not shipped: only tests and the benchmark depend on it (services/interviews/BUILD).
"""

from tucoach_interviews_testing.api import (
    OTHER_USER,
    REGION,
    TABLE,
    USER,
    Api,
    LambdaContext,
    Reply,
    lambda_context_source,
)

__all__ = [
    "OTHER_USER",
    "REGION",
    "TABLE",
    "USER",
    "Api",
    "LambdaContext",
    "Reply",
    "lambda_context_source",
]
