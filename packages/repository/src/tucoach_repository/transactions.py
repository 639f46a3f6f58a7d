"""TransactWriteItems with every write named, and its cancellation decoded by those names.

DynamoDB cancels a whole transaction when one condition fails, and says why in a list of
reasons, one per write, in the order the writes were sent. Each write here carries its name and
the error its failed condition means, so which error a caller sees depends on which write
failed, never on where that write stands in the list: adding a write or a condition to a
transaction cannot silently change the errors of the others, and a write with a condition but no
error is refused before anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from tucoach_models import TuCoachError
from tucoach_repository import backoff
from tucoach_repository.errors import TRANSACTION_CANCELED, busy, error_code, unavailable

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import TransactWriteItemTypeDef

    from tucoach_repository.table import Table

TRANSACTION_ATTEMPTS = 6
CONDITION_FAILED = "ConditionalCheckFailed"
TRANSACTION_CONFLICT = "TransactionConflict"

Reason = Mapping[str, Any]
"""One write's cancellation reason: its `Code`, and the `Item` as it was when the write asked
for it (`ReturnValuesOnConditionCheckFailure`)."""


@dataclass(frozen=True)
class Write:
    """One write of a transaction, by name, with the error its condition failing means."""

    name: str
    request: TransactWriteItemTypeDef
    refused: Callable[[Reason], TuCoachError] | None = None

    @property
    def has_condition(self) -> bool:
        operations: Mapping[str, Mapping[str, object]] = self.request  # type: ignore[assignment]
        return any("ConditionExpression" in operation for operation in operations.values())


def transact(table: Table, writes: Sequence[Write]) -> None:
    """Sends the writes as one transaction: all are stored, or none.

    A failed condition raises the error of the first write (in the order given) whose condition
    failed. A transaction another one held (TransactionConflict) wrote nothing, so it is sent
    again, a few times with jittered backoff, until it settles into success or a failed
    condition.
    """
    _check(writes)
    items = [write.request for write in writes]
    for attempt in range(TRANSACTION_ATTEMPTS):
        try:
            table.client.transact_write_items(TransactItems=items)
            return
        except ClientError as error:
            if error_code(error) != TRANSACTION_CANCELED:
                raise unavailable("TransactWriteItems", error) from error
            reasons = reasons_by_name(writes, error.response.get("CancellationReasons", []))
            for write in writes:
                reason = reasons.get(write.name, {})
                if reason.get("Code") == CONDITION_FAILED and write.refused is not None:
                    raise write.refused(reason) from error
            if not any(reason.get("Code") == TRANSACTION_CONFLICT for reason in reasons.values()):
                raise unavailable("TransactWriteItems", error) from error
            if attempt == TRANSACTION_ATTEMPTS - 1:
                raise busy("TransactWriteItems", TRANSACTION_CONFLICT) from error
            backoff.pause(attempt)
        except BotoCoreError as error:
            raise unavailable("TransactWriteItems", error) from error


def reasons_by_name(writes: Sequence[Write], reasons: Sequence[Reason]) -> dict[str, Reason]:
    """Each write's cancellation reason, by the write's name. DynamoDB lists one reason per
    write, in the order sent; a list of another length names nothing."""
    if len(reasons) != len(writes):
        return {}
    return {write.name: reason for write, reason in zip(writes, reasons, strict=True)}


def _check(writes: Sequence[Write]) -> None:
    names = [write.name for write in writes]
    if len(set(names)) != len(names):
        raise ValueError(f"the writes of a transaction have distinct names, got {names}")
    unmapped = [write.name for write in writes if write.has_condition and write.refused is None]
    if unmapped:
        raise ValueError(f"writes with a condition need the error it means: {unmapped}")
