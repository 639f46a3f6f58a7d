"""Interviews, their versions and their ratings in the single table; every read is a Query or a
GetItem on a known key, never a Scan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError
from pydantic import TypeAdapter, ValidationError

from tucoach_models import (
    FeedbackRating,
    IdempotencyRecord,
    Interview,
    InterviewId,
    InterviewSummary,
    Page,
    UserId,
    format_timestamp,
)
from tucoach_repository import backoff
from tucoach_repository.attribute_values import (
    AttributeValues,
    from_attribute_values,
    to_attribute_values,
)
from tucoach_repository.client import make_client
from tucoach_repository.errors import (
    CONDITIONAL_CHECK_FAILED,
    TRANSACTION_CANCELED,
    IdempotencyKeyUsed,
    InterviewAlreadyExists,
    InterviewNotFound,
    InvalidPageLimit,
    VersionConflict,
    busy,
    error_code,
    translated_errors,
    unavailable,
)
from tucoach_repository.items import (
    idempotency_from_item,
    idempotency_to_item,
    interview_from_item,
    interview_to_item,
    rating_from_item,
    rating_to_item,
    summary_from_item,
)
from tucoach_repository.schema import (
    PARTITION_KEY,
    SORT_KEY,
    SUMMARY_ATTRIBUTES,
    TIME_TO_LIVE_ATTRIBUTE,
    USER_INTERVIEWS_INDEX,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    VERSION_SORT_KEYS,
    idempotency_sort_key,
    interview_partition_key,
    rating_partition_key,
    user_interviews_partition_key,
    user_interviews_sort_key,
)
from tucoach_repository.settings import RepositorySettings
from tucoach_repository.sizing import ensure_fits
from tucoach_repository.tokens import (
    encode_token,
    user_interviews_start_key,
    version_history_start_key,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient
    from types_boto3_dynamodb.type_defs import (
        QueryInputTypeDef,
        QueryOutputTypeDef,
        TransactWriteItemTypeDef,
        WriteRequestTypeDef,
    )


MAX_PAGE_SIZE = 100
BATCH_SIZE = 25  # BatchWriteItem's limit
BATCH_ATTEMPTS = 8
TRANSACTION_ATTEMPTS = 6

_user_ids: TypeAdapter[str] = TypeAdapter(UserId)
_interview_ids: TypeAdapter[str] = TypeAdapter(InterviewId)


class InterviewRepository:
    """The only code that talks to DynamoDB. Returns tucoach-models objects and raises the
    errors of `tucoach_repository.errors`, nothing else from botocore."""

    def __init__(
        self, settings: RepositorySettings, *, client: DynamoDBClient | None = None
    ) -> None:
        self._table = settings.table_name
        self._client = client or make_client(settings)

    # -- writes ------------------------------------------------------------------------------

    def create(self, interview: Interview) -> None:
        """Stores the first version of a new interview (one PutItem).

        The put is conditional on its key being free, so a create sent twice (a retry) is
        InterviewAlreadyExists. Interview ids are generated unique, which is what keeps two
        interviews apart; the condition cannot see other items of the partition.
        """
        if interview.version != 1:
            raise ValueError(f"a new interview starts at version 1, not {interview.version}")
        item = self._latest_version_item(interview)
        refused = {
            CONDITIONAL_CHECK_FAILED: lambda _: InterviewAlreadyExists(interview.interview_id)
        }
        with translated_errors("PutItem", refused):
            self._client.put_item(
                TableName=self._table,
                Item=item,
                ConditionExpression="attribute_not_exists(#partition_key)",
                ExpressionAttributeNames={"#partition_key": PARTITION_KEY},
            )

    def append_version(
        self,
        previous: Interview,
        new: Interview,
        idempotency: IdempotencyRecord | None = None,
    ) -> None:
        """Stores `new` as the version after `previous`, if `previous` is still the latest.

        One TransactWriteItems: the previous version loses the index attributes (only if it
        still has them, i.e. is still the latest) and the new version is put with them. Of two
        writers appending to the same version, one wins and the other gets VersionConflict;
        either way no version's data is changed or lost. With `idempotency`, its record is put
        in the same transaction, so the change and its record are stored together or not at
        all; a key already used (and not expired) gives IdempotencyKeyUsed.
        """
        _check_successor(previous, new)
        transaction: list[TransactWriteItemTypeDef] = [
            {
                "Update": {
                    "TableName": self._table,
                    "Key": _key(
                        interview_partition_key(previous.user_id, previous.interview_id),
                        format_timestamp(previous.updated_at),
                    ),
                    "UpdateExpression": "REMOVE #index_partition_key, #index_sort_key",
                    "ConditionExpression": (
                        "#version = :previous_version AND attribute_exists(#index_partition_key)"
                    ),
                    "ExpressionAttributeNames": {
                        "#version": "version",
                        "#index_partition_key": USER_INTERVIEWS_PARTITION_KEY,
                        "#index_sort_key": USER_INTERVIEWS_SORT_KEY,
                    },
                    "ExpressionAttributeValues": {
                        ":previous_version": {"N": str(previous.version)}
                    },
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                }
            },
            {
                "Put": {
                    "TableName": self._table,
                    "Item": self._latest_version_item(new),
                    "ConditionExpression": "attribute_not_exists(#partition_key)",
                    "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
                }
            },
        ]
        if idempotency is not None:
            if (idempotency.user_id, idempotency.interview_id) != (new.user_id, new.interview_id):
                raise ValueError("an idempotency record belongs to the interview it changes")
            record = to_attribute_values(idempotency_to_item(idempotency))
            ensure_fits(record)
            transaction.append(
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": record,
                        # An expired record that time to live has not removed yet is reusable.
                        "ConditionExpression": (
                            "attribute_not_exists(#partition_key) OR #expires_at < :now"
                        ),
                        "ExpressionAttributeNames": {
                            "#partition_key": PARTITION_KEY,
                            "#expires_at": TIME_TO_LIVE_ATTRIBUTE,
                        },
                        "ExpressionAttributeValues": {
                            ":now": {"N": str(int(idempotency.created_at.timestamp()))}
                        },
                    }
                }
            )
        self._transact(transaction, previous)

    def get_idempotency(
        self, user_id: str, interview_id: str, key: str
    ) -> IdempotencyRecord | None:
        """The record of an Idempotency-Key used on this interview, if any (one GetItem)."""
        item_key = _key(_interview_key(user_id, interview_id), idempotency_sort_key(key))
        with translated_errors("GetItem"):
            response = self._client.get_item(
                TableName=self._table, Key=item_key, ConsistentRead=True
            )
        if "Item" not in response:
            return None
        return idempotency_from_item(from_attribute_values(response["Item"]))

    def delete(self, user_id: str, interview_id: str) -> int:
        """Deletes every version of an interview and every rating of it; returns how many
        items went. The latest version goes last, so an interrupted delete leaves the interview
        as it was listed, and deleting again finishes the job."""
        versions = self._keys_of(_interview_key(user_id, interview_id))
        if not versions:
            raise InterviewNotFound(interview_id)
        ratings = self._keys_of(_rating_key(user_id, interview_id))
        *earlier_versions, latest_version = versions
        self._delete_items([*ratings, *earlier_versions])
        self._delete_items([latest_version])
        return len(versions) + len(ratings)

    def put_rating(self, rating: FeedbackRating) -> None:
        """Stores a rating (one PutItem). The caller has read the interview it rates: a
        condition on the interview would need its latest sort key, which a rating does not
        carry."""
        item = to_attribute_values(rating_to_item(rating))
        ensure_fits(item)
        with translated_errors("PutItem"):
            self._client.put_item(TableName=self._table, Item=item)

    # -- reads -------------------------------------------------------------------------------

    def get_latest(self, user_id: str, interview_id: str) -> Interview:
        """The interview's latest version (one Query, newest first, Limit 1)."""
        items = self._query(
            {
                **self._versions_query(_interview_key(user_id, interview_id)),
                "ScanIndexForward": False,
                "Limit": 1,
            }
        )["Items"]
        if not items:
            raise InterviewNotFound(interview_id)
        return interview_from_item(from_attribute_values(items[0]))

    def get_version(self, user_id: str, interview_id: str, updated_at: datetime) -> Interview:
        """The version stored at `updated_at` (one GetItem)."""
        key = _key(_interview_key(user_id, interview_id), format_timestamp(updated_at))
        with translated_errors("GetItem"):
            response = self._client.get_item(TableName=self._table, Key=key, ConsistentRead=True)
        if "Item" not in response:
            raise InterviewNotFound(interview_id)
        return interview_from_item(from_attribute_values(response["Item"]))

    def list_versions(
        self, user_id: str, interview_id: str, limit: int, next_token: str | None = None
    ) -> Page[InterviewSummary]:
        """The interview's versions, oldest first, one Query per page."""
        _check_limit(limit)
        partition_key = _interview_key(user_id, interview_id)
        # Every attribute by placeholder: some (status, role) are reserved words.
        names = {
            f"#a{i}": name for i, name in enumerate((PARTITION_KEY, SORT_KEY, *SUMMARY_ATTRIBUTES))
        }
        request: QueryInputTypeDef = {
            **self._versions_query(partition_key),
            "ScanIndexForward": True,
            "ProjectionExpression": ", ".join(names),
        }
        request["ExpressionAttributeNames"] = {**request["ExpressionAttributeNames"], **names}
        if next_token is not None:
            request["ExclusiveStartKey"] = version_history_start_key(next_token, partition_key)
        page = self._page(request, limit, (PARTITION_KEY, SORT_KEY))
        if not page.items:
            raise InterviewNotFound(interview_id)
        return page

    def list_interviews(
        self, user_id: str, limit: int, next_token: str | None = None
    ) -> Page[InterviewSummary]:
        """The user's interviews, latest versions only, newest created first; one Query per
        page on the `user_interviews` index."""
        _check_limit(limit)
        # The caller's own id, from its sign-in; a malformed one is a bug, not a request.
        _user_ids.validate_python(user_id)
        request: QueryInputTypeDef = {
            "TableName": self._table,
            "IndexName": USER_INTERVIEWS_INDEX,
            "KeyConditionExpression": "#index_partition_key = :index_partition_key",
            "ExpressionAttributeNames": {"#index_partition_key": USER_INTERVIEWS_PARTITION_KEY},
            "ExpressionAttributeValues": {
                ":index_partition_key": {"S": user_interviews_partition_key(user_id)}
            },
            "ScanIndexForward": False,
        }
        if next_token is not None:
            request["ExclusiveStartKey"] = user_interviews_start_key(next_token, user_id)
        return self._page(
            request,
            limit,
            (PARTITION_KEY, SORT_KEY, USER_INTERVIEWS_PARTITION_KEY, USER_INTERVIEWS_SORT_KEY),
        )

    def get_rating(self, user_id: str, interview_id: str) -> FeedbackRating | None:
        """The user's latest rating of the interview's feedback, if any (one Query)."""
        items = self._query(
            {
                **self._partition_query(_rating_key(user_id, interview_id)),
                "ScanIndexForward": False,
                "Limit": 1,
            }
        )["Items"]
        return rating_from_item(from_attribute_values(items[0])) if items else None

    # -- helpers -----------------------------------------------------------------------------

    def _latest_version_item(self, interview: Interview) -> AttributeValues:
        item = interview_to_item(interview)
        item[USER_INTERVIEWS_PARTITION_KEY] = user_interviews_partition_key(interview.user_id)
        item[USER_INTERVIEWS_SORT_KEY] = user_interviews_sort_key(
            interview.created_at, interview.interview_id
        )
        values = to_attribute_values(item)
        ensure_fits(values)
        return values

    def _partition_query(self, partition_key: str) -> QueryInputTypeDef:
        return {
            "TableName": self._table,
            "KeyConditionExpression": "#partition_key = :partition_key",
            "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
            "ExpressionAttributeValues": {":partition_key": {"S": partition_key}},
            "ConsistentRead": True,
        }

    def _versions_query(self, partition_key: str) -> QueryInputTypeDef:
        """A query of the interview versions in a partition, and of nothing else there."""
        return {
            "TableName": self._table,
            "KeyConditionExpression": (
                "#partition_key = :partition_key AND #sort_key BETWEEN :first AND :last"
            ),
            "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY, "#sort_key": SORT_KEY},
            "ExpressionAttributeValues": {
                ":partition_key": {"S": partition_key},
                ":first": {"S": VERSION_SORT_KEYS[0]},
                ":last": {"S": VERSION_SORT_KEYS[1]},
            },
            "ConsistentRead": True,
        }

    def _query(self, request: QueryInputTypeDef) -> QueryOutputTypeDef:
        with translated_errors("Query"):
            return self._client.query(**request)

    def _page(
        self, request: QueryInputTypeDef, limit: int, key_names: Sequence[str]
    ) -> Page[InterviewSummary]:
        # One item more than asked tells whether another page follows, so the last page has no
        # token (DynamoDB's own LastEvaluatedKey would send the caller after an empty page).
        response = self._query({**request, "Limit": limit + 1})
        items = response["Items"]
        next_token: str | None = None
        if len(items) > limit:
            items = items[:limit]
            next_token = encode_token({name: items[-1][name] for name in key_names})
        elif "LastEvaluatedKey" in response:
            next_token = encode_token(response["LastEvaluatedKey"])
        return Page[InterviewSummary](
            items=tuple(summary_from_item(from_attribute_values(item)) for item in items),
            next_token=next_token,
        )

    def _keys_of(self, partition_key: str) -> list[AttributeValues]:
        """Every key in a partition, oldest first (paginated, keys only)."""
        request: QueryInputTypeDef = {
            **self._partition_query(partition_key),
            "ProjectionExpression": "#partition_key, #sort_key",
        }
        request["ExpressionAttributeNames"] = {
            "#partition_key": PARTITION_KEY,
            "#sort_key": SORT_KEY,
        }
        keys: list[AttributeValues] = []
        while True:
            response = self._query(request)
            keys.extend(response["Items"])
            if "LastEvaluatedKey" not in response:
                return keys
            request["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def _delete_items(self, keys: Sequence[AttributeValues]) -> None:
        for start in range(0, len(keys), BATCH_SIZE):
            pending: list[WriteRequestTypeDef] = [
                {"DeleteRequest": {"Key": key}} for key in keys[start : start + BATCH_SIZE]
            ]
            for attempt in range(BATCH_ATTEMPTS):
                with translated_errors("BatchWriteItem"):
                    response = self._client.batch_write_item(RequestItems={self._table: pending})
                pending = [
                    {"DeleteRequest": {"Key": request["DeleteRequest"]["Key"]}}
                    for request in response["UnprocessedItems"].get(self._table, [])
                ]
                if not pending:
                    break
                if attempt < BATCH_ATTEMPTS - 1:
                    backoff.pause(attempt)
            else:
                raise busy("BatchWriteItem", f"{len(pending)} deletes left unprocessed")

    def _transact(
        self, transaction: Sequence[TransactWriteItemTypeDef], previous: Interview
    ) -> None:
        for attempt in range(TRANSACTION_ATTEMPTS):
            try:
                self._client.transact_write_items(TransactItems=transaction)
                return
            except ClientError as error:
                if error_code(error) != TRANSACTION_CANCELED:
                    raise unavailable("TransactWriteItems", error) from error
                reasons = error.response.get("CancellationReasons", [])
                codes = [reason.get("Code") for reason in reasons]
                if "ConditionalCheckFailed" in codes:
                    previous_reason = reasons[0] if reasons else {}
                    if previous_reason.get("Code") == "ConditionalCheckFailed":
                        if "Item" not in previous_reason:
                            raise InterviewNotFound(previous.interview_id) from error
                        raise VersionConflict(previous.interview_id, previous.version) from error
                    if codes[2:3] == ["ConditionalCheckFailed"]:
                        raise IdempotencyKeyUsed(previous.interview_id) from error
                    raise VersionConflict(previous.interview_id, previous.version) from error
                if "TransactionConflict" not in codes:
                    raise unavailable("TransactWriteItems", error) from error
                if attempt == TRANSACTION_ATTEMPTS - 1:
                    raise busy("TransactWriteItems", "TransactionConflict") from error
                # Another transaction held the item; nothing was written, so trying again is
                # safe, and settles into success or a failed condition.
                backoff.pause(attempt)
            except BotoCoreError as error:
                raise unavailable("TransactWriteItems", error) from error


def _key(partition_key: str, sort_key: str) -> AttributeValues:
    return {PARTITION_KEY: {"S": partition_key}, SORT_KEY: {"S": sort_key}}


def _interview_key(user_id: str, interview_id: str) -> str:
    _check_ids(user_id, interview_id)
    return interview_partition_key(user_id, interview_id)


def _rating_key(user_id: str, interview_id: str) -> str:
    _check_ids(user_id, interview_id)
    return rating_partition_key(user_id, interview_id)


def _check_ids(user_id: str, interview_id: str) -> None:
    # Identifiers become parts of keys; one that could not have been stored (with a `#` in it,
    # say) names no interview, and must not reach into another partition.
    try:
        _user_ids.validate_python(user_id)
        _interview_ids.validate_python(interview_id)
    except ValidationError:
        raise InterviewNotFound(interview_id) from None


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidPageLimit(limit, MAX_PAGE_SIZE)


def _check_successor(previous: Interview, new: Interview) -> None:
    if (new.user_id, new.interview_id) != (previous.user_id, previous.interview_id):
        raise ValueError("a new version must be of the same interview as the previous one")
    if new.version != previous.version + 1:
        raise ValueError(
            f"the version after {previous.version} is {previous.version + 1}, not {new.version}"
        )
    if new.updated_at <= previous.updated_at:
        raise ValueError("a new version must be updated after the previous one")
