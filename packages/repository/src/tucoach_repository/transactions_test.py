"""Cancellations are decoded by the name of the write that failed, never by its position."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import boto3
import pytest
from botocore.stub import Stubber

from tucoach_models import ConflictError, NotFoundError, TuCoachError
from tucoach_repository import RepositorySettings, RepositoryUnavailable, make_client
from tucoach_repository.table import Table
from tucoach_repository.transactions import Reason, Write, reasons_by_name, transact

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import TransactWriteItemTypeDef


class Guarded(ConflictError):
    """The error of the write named "guarded" in these tests."""


class Missing(NotFoundError):
    """The error of the write named "other" in these tests."""


@pytest.fixture
def table(settings: RepositorySettings) -> Iterator[tuple[Table, Stubber]]:
    session = boto3.session.Session(aws_access_key_id="stub", aws_secret_access_key="stub")
    client = make_client(settings, session)
    with Stubber(client) as stubber:
        yield Table(client, settings.table_name), stubber
        stubber.assert_no_pending_responses()


def _put(sort_key: str, *, condition: bool) -> TransactWriteItemTypeDef:
    put: TransactWriteItemTypeDef = {
        "Put": {
            "TableName": "TuCoachAi-test",
            "Item": {"partition_key": {"S": "p"}, "sort_key": {"S": sort_key}},
        }
    }
    if condition:
        put["Put"]["ConditionExpression"] = "attribute_not_exists(partition_key)"
    return put


def _guarded() -> Write:
    return Write("guarded", _put("a", condition=True), refused=lambda _: Guarded("guarded"))


def _other() -> Write:
    return Write("other", _put("b", condition=True), refused=lambda _: Missing("other"))


def _plain(name: str) -> Write:
    return Write(name, _put(name, condition=False))


def _cancelled(stubber: Stubber, codes: list[str]) -> None:
    stubber.add_client_error(
        "transact_write_items",
        service_error_code="TransactionCanceledException",
        modeled_fields={"CancellationReasons": [{"Code": code} for code in codes]},
    )


def _failing(writes: list[Write], failed: str) -> list[str]:
    """The reasons DynamoDB gives when the write named `failed` fails its condition."""
    return ["ConditionalCheckFailed" if w.name == failed else "None" for w in writes]


@pytest.mark.parametrize(
    "writes",
    [
        [_guarded(), _other()],
        [_other(), _guarded()],
        [_plain("first"), _other(), _plain("middle"), _guarded()],
    ],
    ids=["guarded first", "guarded last", "more writes around it"],
)
def test_a_failed_condition_means_the_error_of_the_write_that_failed_wherever_it_stands(
    table: tuple[Table, Stubber], writes: list[Write]
) -> None:
    # Given a transaction in which only the write named "guarded" fails its condition
    dynamodb, stubber = table
    _cancelled(stubber, _failing(writes, "guarded"))
    # When it is sent
    # Then the caller gets that write's error, however many writes stand before it
    with pytest.raises(Guarded):
        transact(dynamodb, writes)


def test_adding_a_write_with_a_condition_but_no_error_is_refused_before_anything_is_sent(
    table: tuple[Table, Stubber],
) -> None:
    # Given a transaction to which a write with a condition was added without saying its error
    dynamodb, _ = table
    unmapped = Write("added", _put("c", condition=True))
    # When it is sent
    # Then it is refused as a programming error, and the stub saw no request
    with pytest.raises(ValueError, match=r"need the error it means: \['added'\]"):
        transact(dynamodb, [_guarded(), unmapped])


def test_two_writes_of_one_name_are_refused(table: tuple[Table, Stubber]) -> None:
    dynamodb, _ = table
    with pytest.raises(ValueError, match="distinct names"):
        transact(dynamodb, [_guarded(), _guarded()])


def test_when_several_conditions_fail_the_first_listed_write_decides(
    table: tuple[Table, Stubber],
) -> None:
    dynamodb, stubber = table
    _cancelled(stubber, ["ConditionalCheckFailed", "ConditionalCheckFailed"])
    with pytest.raises(Missing):
        transact(dynamodb, [_other(), _guarded()])


def test_reasons_that_do_not_match_the_writes_one_for_one_are_unavailable(
    table: tuple[Table, Stubber],
) -> None:
    # Given a cancellation whose reasons cannot be told apart by write
    dynamodb, stubber = table
    _cancelled(stubber, ["ConditionalCheckFailed"])
    # Then no write's error is guessed
    with pytest.raises(RepositoryUnavailable):
        transact(dynamodb, [_guarded(), _other()])


def test_the_error_sees_the_reason_of_its_own_write() -> None:
    # Given the item DynamoDB returned for the failed write
    seen: list[Reason] = []

    def refused(reason: Reason) -> TuCoachError:
        seen.append(reason)
        return Guarded("guarded")

    writes = [_plain("first"), Write("guarded", _put("a", condition=True), refused)]
    reasons = reasons_by_name(
        writes, [{"Code": "None"}, {"Code": "ConditionalCheckFailed", "Item": {"x": {"S": "y"}}}]
    )
    # Then the reason of that write is the one with the item
    refused(reasons["guarded"])
    assert seen == [{"Code": "ConditionalCheckFailed", "Item": {"x": {"S": "y"}}}]
