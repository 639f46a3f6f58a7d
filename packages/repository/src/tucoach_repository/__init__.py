"""TuCoach AI's data access: interviews, their versions and ratings in one DynamoDB table.

The only code in TuCoach that talks to DynamoDB. It returns tucoach-models objects, never raw
items, and raises the errors of `tucoach_repository.errors`, never a botocore error.
"""

from tucoach_repository.client import make_client
from tucoach_repository.errors import (
    IdempotencyRecordExists,
    InterviewAlreadyExists,
    InterviewNotFound,
    InvalidNextToken,
    InvalidPageLimit,
    ItemTooLarge,
    RepositoryUnavailable,
    VersionConflict,
)
from tucoach_repository.quotas import DailyQuotaExceeded, DailyQuotas
from tucoach_repository.repository import InterviewRepository
from tucoach_repository.schema import table_definition, table_name
from tucoach_repository.settings import RepositorySettings
from tucoach_repository.sizing import MAX_ITEM_SIZE
from tucoach_repository.tables import ensure_table

__all__ = [
    "MAX_ITEM_SIZE",
    "DailyQuotaExceeded",
    "DailyQuotas",
    "IdempotencyRecordExists",
    "InterviewAlreadyExists",
    "InterviewNotFound",
    "InterviewRepository",
    "InvalidNextToken",
    "InvalidPageLimit",
    "ItemTooLarge",
    "RepositorySettings",
    "RepositoryUnavailable",
    "VersionConflict",
    "ensure_table",
    "make_client",
    "table_definition",
    "table_name",
]
