"""What an interview costs to store, and how fast DynamoDB Local serves each operation (a
benchmark, not a test: it asserts nothing).

    export DYNAMODB_LOCAL_DIR="$(build-support/install-dynamodb-local.sh)"
    ./pants run packages/repository:bench

First, write units per answer for answers 1..19 of an interview (and its completion), as
DynamoDB reports them (ReturnConsumedCapacity), with the stored bytes of each version item:
typical answers (1,000 characters), the longest answers (5,000), and, side by side, the shape
repository 0.2.0 stored (every version whole, a record holding the response). Then the requests
each operation sends and operations per second. Capacity units are DynamoDB's own arithmetic and
hold in AWS; speeds are for comparing changes on one machine.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from tucoach_models import MAX_ANSWER_LENGTH, FeedbackRating, Interview
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.dynamodb_local import (
    DynamoDBLocalMissing,
    find_installation,
    local_client,
    local_settings,
    running,
)
from tucoach_repository.repository import InterviewRepository
from tucoach_repository.schema import VERSION_SORT_KEYS, interview_partition_key, table_name
from tucoach_repository.sizing import item_size
from tucoach_repository_testing import typical
from tucoach_repository_testing.capacity import TABLE, TOTAL, consumed_capacity
from tucoach_repository_testing.old_shape import append_the_old_way, store_the_old_way
from tucoach_repository_testing.request_counts import counted_requests
from tucoach_repository_testing.samples import (
    START,
    idempotency_record,
    new_interview,
    next_version,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

INTERVIEWS = 200
LIST_PAGES = 50
PAGE_SIZE = 20
DELETES = 50
# Each phase stops after this long even if its runs are not done, so the whole run stays short.
PHASE_SECONDS = 8.0
USER = "bench-user"
ANSWERS = 19  # a ten-question interview: ten main answers and nine follow-ups
TYPICAL_ANSWER = 1_000


class Costs(NamedTuple):
    """What each step of one interview cost: write units by version (2..ANSWERS+2; the last is
    the completion), the bytes each version item stores, and the reads at the end."""

    create: float
    writes: dict[int, Counter[str]]
    stored: dict[int, int]
    latest_read: float


def main() -> None:
    try:
        installation = find_installation()
    except DynamoDBLocalMissing as missing:
        sys.exit(f"cannot run the benchmark: {missing}")
    print(f"starting DynamoDB Local from {installation.directory}", flush=True)
    with running(installation) as endpoint:
        settings = local_settings(endpoint, table_name("bench"))
        client = local_client(settings)
        repository = InterviewRepository(settings, client=client)
        _write_units(repository, client, settings.table_name)
        _run(repository, client)


def _write_units(repository: InterviewRepository, client: DynamoDBClient, table: str) -> None:
    typical_costs = _interview(repository, client, table, "typical", TYPICAL_ANSWER)
    longest = _interview(repository, client, table, "longest", MAX_ANSWER_LENGTH)
    old = _old_interview(client, table, TYPICAL_ANSWER)
    print(
        "Write units per answer (the version's and the summary's puts, with an Idempotency-Key; "
        "0.2.0's shape: its transaction; DynamoDB Local's ReturnConsumedCapacity) and bytes of "
        "the version item stored (DynamoDB's item size):"
    )
    print(
        f"{'version':>8} {'step':>9}   {'1,000 chars':>21}   {'5,000 chars':>21}"
        f"   {'0.2.0, 1,000 chars':>21}"
    )
    print(f"{'':>8} {'':>9}   {'WCU (index)':>12} {'bytes':>8}" * 3)
    for version in sorted(typical_costs.writes):
        step = "complete" if version == ANSWERS + 2 else f"answer {version - 1}"
        cells = "".join(
            f"   {_units(costs.writes[version]):>12} {costs.stored[version]:>8,}"
            for costs in (typical_costs, longest, old)
        )
        print(f"{version:>8} {step:>9}{cells}")
    for label, costs in (
        ("1,000 chars", typical_costs),
        ("5,000 chars", longest),
        ("0.2.0 shape", old),
    ):
        answers = [costs.writes[v][TOTAL] for v in range(2, ANSWERS + 2)]
        total = costs.create + sum(w[TOTAL] for w in costs.writes.values())
        print(
            f"{label}: answers {min(answers):g}-{max(answers):g} WCU each; interview "
            f"{total:g} WCU (create {costs.create:g}); versions {min(costs.stored.values()):,}-"
            f"{max(costs.stored.values()):,} bytes; reading the latest {costs.latest_read:g} RCU"
        )
    print()


def _interview(
    repository: InterviewRepository,
    client: DynamoDBClient,
    table: str,
    interview_id: str,
    length: int,
) -> Costs:
    """Stores an interview of `length`-character answers through the repository."""
    versions = typical.interview(USER, interview_id, ANSWERS, length)

    def read_latest() -> None:
        latest = repository.get_latest(USER, interview_id)
        assert latest == versions[-1], "the interview did not read back as written"  # noqa: S101

    return _costs(
        client,
        table,
        versions,
        create=lambda: repository.create(versions[0]),
        append=lambda previous, new, key: repository.append_version(
            previous, new, idempotency_record(new, key)
        ),
        read_latest=read_latest,
    )


def _old_interview(client: DynamoDBClient, table: str, length: int) -> Costs:
    """The same interview stored as repository 0.2.0 stored it (of another user, so the two
    shapes' index entries stay apart)."""
    user, interview_id = "bench-old-shape", "old-shape"
    versions = typical.interview(user, interview_id, ANSWERS, length)
    return _costs(
        client,
        table,
        versions,
        create=lambda: store_the_old_way(client, table, versions[:1]),
        append=lambda previous, new, key: append_the_old_way(client, table, previous, new, key),
        read_latest=lambda: client.query(
            **_versions_query(table, user, interview_id), ScanIndexForward=False, Limit=1
        ),
    )


def _costs(
    client: DynamoDBClient,
    table: str,
    versions: list[Interview],
    *,
    create: Callable[[], object],
    append: Callable[[Interview, Interview, str], object],
    read_latest: Callable[[], object],
) -> Costs:
    """Creates the first of `versions`, appends each after it (with an Idempotency-Key), reads
    the latest, and says what each cost and what each version stores."""
    with consumed_capacity(client) as created:
        create()
    writes: dict[int, Counter[str]] = {}
    for number, (previous, new) in enumerate(itertools.pairwise(versions), start=1):
        with consumed_capacity(client) as units:
            append(previous, new, f"bench-key-{number:04}")
        writes[new.version] = units
    with consumed_capacity(client) as read:
        read_latest()
    first = versions[0]
    stored = _stored(client, table, first.user_id, first.interview_id)
    return Costs(created[TOTAL], writes, stored, read[TOTAL])


def _versions_query(table: str, user: str, interview_id: str) -> dict[str, Any]:
    return {
        "TableName": table,
        "KeyConditionExpression": "partition_key = :p AND sort_key BETWEEN :a AND :b",
        "ExpressionAttributeValues": {
            ":p": {"S": interview_partition_key(user, interview_id)},
            ":a": {"S": VERSION_SORT_KEYS[0]},
            ":b": {"S": VERSION_SORT_KEYS[1]},
        },
        "ConsistentRead": True,
    }


def _stored(client: DynamoDBClient, table: str, user: str, interview_id: str) -> dict[int, int]:
    """The size of each version item as stored (read back), by version number."""
    sizes: dict[int, int] = {}
    request = _versions_query(table, user, interview_id)
    while True:
        response = client.query(**request)
        for item in response["Items"]:
            sizes[int(from_attribute_values(item)["version"])] = item_size(item)
        if "LastEvaluatedKey" not in response:
            return sizes
        request["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def _units(units: Counter[str]) -> str:
    index = units[TOTAL] - units[TABLE]
    return f"{units[TOTAL]:g} ({index:g})"


def _run(repository: InterviewRepository, client: DynamoDBClient) -> None:
    firsts = [
        new_interview(USER, f"interview-{n:04}", START + timedelta(seconds=n))
        for n in range(INTERVIEWS)
    ]
    seconds = [next_version(first) for first in firsts]
    tokens: list[str | None] = [None]

    def list_page(_: int) -> None:
        page = repository.list_interviews(USER, PAGE_SIZE, tokens[-1])
        tokens.append(page.next_token)

    def rate(n: int) -> None:
        repository.put_rating(
            FeedbackRating(
                user_id=USER,
                interview_id=firsts[n].interview_id,
                helpful=True,
                rated_at=START + timedelta(days=1),
            )
        )

    def delete(n: int) -> None:
        repository.delete(USER, _id(firsts[n]))

    phases: list[tuple[str, int, Callable[[int], object]]] = [
        ("create", INTERVIEWS, lambda n: repository.create(firsts[n])),
        ("append_version", INTERVIEWS, lambda n: repository.append_version(firsts[n], seconds[n])),
        ("get_latest", INTERVIEWS, lambda n: repository.get_latest(USER, _id(firsts[n]))),
        (
            "get_version",
            INTERVIEWS,
            lambda n: repository.get_version(USER, _id(firsts[n]), firsts[n].updated_at),
        ),
        ("list_versions", INTERVIEWS, lambda n: repository.list_versions(USER, _id(firsts[n]), 10)),
        (f"list_interviews (page of {PAGE_SIZE})", LIST_PAGES, list_page),
        ("put_rating", DELETES, rate),
        ("get_rating", DELETES, lambda n: repository.get_rating(USER, _id(firsts[n]))),
        (
            "delete (3 items, 1 rating)",
            DELETES,
            lambda n: repository.delete(USER, _id(firsts[n])),
        ),
    ]
    print(f"{'operation':<32} {'runs':>5} {'ops/s':>8}  requests per operation")
    (name, runs, create), *others = phases
    # A phase stops after PHASE_SECONDS: the ones after the creates use what they created.
    created = _report(name, *_measure(client, runs, create))
    for name, runs, operation in others:
        _report(name, *_measure(client, min(runs, created), operation))


def _report(name: str, done: int, elapsed: float, requests: Counter[str]) -> int:
    per_operation = ", ".join(
        f"{count / done:g} {request}" for request, count in sorted(requests.items())
    )
    print(f"{name:<32} {done:>5} {done / elapsed:>8.0f}  {per_operation}", flush=True)
    return done


def _measure(
    client: DynamoDBClient, runs: int, operation: Callable[[int], object]
) -> tuple[int, float, Counter[str]]:
    done = 0
    started = time.perf_counter()
    with counted_requests(client) as requests:
        while done < runs and time.perf_counter() - started < PHASE_SECONDS:
            operation(done)
            done += 1
    return done, time.perf_counter() - started, requests


def _id(interview: Interview) -> str:
    return interview.interview_id


if __name__ == "__main__":
    main()
