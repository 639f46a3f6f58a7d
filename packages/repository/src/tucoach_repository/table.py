"""The table as the repository's parts use it: its client and name, item keys made from checked
identifiers, and the queries every part shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

from tucoach_models import InterviewId, UserId
from tucoach_repository.errors import InterviewNotFound, translated_errors
from tucoach_repository.schema import (
    PARTITION_KEY,
    SORT_KEY,
    SUMMARY_SORT_KEY,
    VERSION_SORT_KEYS,
    interview_partition_key,
    rating_partition_key,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient
    from types_boto3_dynamodb.type_defs import QueryInputTypeDef, QueryOutputTypeDef

    from tucoach_repository.attribute_values import AttributeValues

_user_ids: TypeAdapter[str] = TypeAdapter(UserId)
_interview_ids: TypeAdapter[str] = TypeAdapter(InterviewId)


@dataclass(frozen=True)
class Table:
    client: DynamoDBClient
    name: str

    def query(self, request: QueryInputTypeDef) -> QueryOutputTypeDef:
        with translated_errors("Query"):
            return self.client.query(**request)

    def partition_query(self, partition_key: str) -> QueryInputTypeDef:
        """A strongly consistent query of every item in a partition."""
        return {
            "TableName": self.name,
            "KeyConditionExpression": "#partition_key = :partition_key",
            "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
            "ExpressionAttributeValues": {":partition_key": {"S": partition_key}},
            "ConsistentRead": True,
        }

    def interview_query(
        self, partition_key: str, *, attributes: Sequence[str], first: str | None = None
    ) -> QueryInputTypeDef:
        """A strongly consistent query of an interview's items but its ratings' (which have a
        partition of their own): the versions (from the sort key `first` on, when given), the
        idempotency records stored before versions carried their keys, and the summary item; of
        their `attributes` only."""
        return self.versions_query(
            partition_key,
            SUMMARY_SORT_KEY,
            first=first or VERSION_SORT_KEYS[0],
            attributes=attributes,
        )

    def versions_query(
        self,
        partition_key: str,
        last: str = VERSION_SORT_KEYS[1],
        *,
        first: str = VERSION_SORT_KEYS[0],
        attributes: Sequence[str] = (),
    ) -> QueryInputTypeDef:
        """A strongly consistent query of the interview versions in a partition (from the sort
        key `first` up to `last`), and of nothing else there; of their `attributes` only, when
        given."""
        request: QueryInputTypeDef = {
            "TableName": self.name,
            "KeyConditionExpression": (
                "#partition_key = :partition_key AND #sort_key BETWEEN :first AND :last"
            ),
            "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY, "#sort_key": SORT_KEY},
            "ExpressionAttributeValues": {
                ":partition_key": {"S": partition_key},
                ":first": {"S": first},
                ":last": {"S": last},
            },
            "ConsistentRead": True,
        }
        if attributes:
            # Every attribute by placeholder: some (status, role) are reserved words.
            names = {f"#a{i}": name for i, name in enumerate(attributes)}
            request["ProjectionExpression"] = ", ".join(names)
            request["ExpressionAttributeNames"] = {**request["ExpressionAttributeNames"], **names}
        return request


def item_key(partition_key: str, sort_key: str) -> AttributeValues:
    return {PARTITION_KEY: {"S": partition_key}, SORT_KEY: {"S": sort_key}}


def interview_key(user_id: str, interview_id: str) -> str:
    """The partition of an interview, from identifiers that may come from a request."""
    check_ids(user_id, interview_id)
    return interview_partition_key(user_id, interview_id)


def rating_key(user_id: str, interview_id: str) -> str:
    check_ids(user_id, interview_id)
    return rating_partition_key(user_id, interview_id)


def check_ids(user_id: str, interview_id: str) -> None:
    # Identifiers become parts of keys; one that could not have been stored (with a `#` in it,
    # say) names no interview, and must not reach into another partition.
    try:
        _user_ids.validate_python(user_id)
        _interview_ids.validate_python(interview_id)
    except ValidationError:
        raise InterviewNotFound(interview_id) from None


def check_user_id(user_id: str) -> None:
    """The caller's own id, from its sign-in; a malformed one is a bug, not a request."""
    _user_ids.validate_python(user_id)
