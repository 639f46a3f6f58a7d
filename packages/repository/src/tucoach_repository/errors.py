"""The repository's errors, and how DynamoDB's failures become them.

Every failure leaves the repository as one of these: a botocore error never reaches a caller.
Messages are for the person using TuCoach; the detail of an unexpected failure goes to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from botocore.exceptions import BotoCoreError, ClientError

from tucoach_models import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    TooLargeError,
    TuCoachError,
    UnavailableError,
)

logger = logging.getLogger(__name__)

# Codes that mean "too many requests right now"; botocore has already retried them with backoff
# by the time they arrive here.
THROTTLING_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "TransactionConflictException",
        "TransactionInProgressException",
    }
)
CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailedException"
TRANSACTION_CANCELED = "TransactionCanceledException"


class InterviewNotFound(NotFoundError):
    def __init__(self, interview_id: str) -> None:
        super().__init__(
            f"Interview {interview_id} was not found.", details={"interview_id": interview_id}
        )


class InterviewAlreadyExists(ConflictError):
    def __init__(self, interview_id: str) -> None:
        super().__init__(
            f"Interview {interview_id} already exists; start a new interview instead.",
            details={"interview_id": interview_id},
        )


class VersionConflict(ConflictError):
    def __init__(self, interview_id: str, expected_version: int) -> None:
        super().__init__(
            f"Interview {interview_id} changed since it was read (version {expected_version} "
            "is no longer the latest); reload it and try again.",
            details={"interview_id": interview_id, "expected_version": expected_version},
        )


class IdempotencyRecordExists(ConflictError):
    def __init__(self, interview_id: str) -> None:
        super().__init__(
            "This Idempotency-Key has already been used for a change to this interview.",
            details={"interview_id": interview_id},
        )


class InvalidNextToken(InvalidRequestError):
    def __init__(self) -> None:
        super().__init__("next_token is not valid for this list; start again without it")


class InvalidPageLimit(InvalidRequestError):
    def __init__(self, limit: int, maximum: int) -> None:
        super().__init__(
            f"limit must be between 1 and {maximum}, got {limit}",
            details={"limit": limit, "maximum": maximum},
        )


class ItemTooLarge(TooLargeError):
    def __init__(self, size: int, maximum: int) -> None:
        super().__init__(
            f"This interview is too large to save ({size:,} bytes; at most {maximum:,}). "
            "Shorten the longest answers and try again.",
            details={"size": size, "maximum": maximum},
        )


class RepositoryUnavailable(UnavailableError):
    """The database is throttled, slow or unreachable; retrying a little later may work."""


def error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def busy(operation: str, reason: str) -> RepositoryUnavailable:
    """The error for too many requests at once, when retrying has not helped."""
    logger.warning("DynamoDB %s throttled after retries: %s", operation, reason)
    return RepositoryUnavailable(
        "TuCoach is busy right now; please try again in a few seconds.", retry_after_seconds=2
    )


def unavailable(operation: str, error: ClientError | BotoCoreError) -> RepositoryUnavailable:
    """The error a caller sees for a failure it can only retry, logged for whoever operates."""
    if isinstance(error, ClientError) and error_code(error) in THROTTLING_CODES:
        return busy(operation, error_code(error))
    logger.error("DynamoDB %s failed: %s", operation, error, exc_info=error)
    return RepositoryUnavailable("TuCoach cannot reach its database; please try again shortly.")


@contextmanager
def translated_errors(
    operation: str, by_code: Mapping[str, Callable[[ClientError], TuCoachError]] | None = None
) -> Iterator[None]:
    """Turns botocore failures inside the block into repository errors.

    `by_code` maps the error codes an operation expects (a failed condition) to its own errors;
    every other failure becomes `RepositoryUnavailable`.
    """
    try:
        yield
    except ClientError as error:
        translate = (by_code or {}).get(error_code(error))
        if translate is not None:
            raise translate(error) from error
        raise unavailable(operation, error) from error
    except BotoCoreError as error:
        raise unavailable(operation, error) from error
