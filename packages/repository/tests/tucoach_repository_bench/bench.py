"""How many requests each operation sends, and how many operations a second DynamoDB Local
takes, over a bounded number of runs of each (a benchmark, not a test: it asserts nothing).

    export DYNAMODB_LOCAL_DIR="$(build-support/install-dynamodb-local.sh)"
    ./pants run packages/repository:bench

The numbers are for comparing changes on one machine; DynamoDB Local is not DynamoDB, so they
say nothing of latency in AWS.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from tucoach_models import FeedbackRating, Interview
from tucoach_repository.dynamodb_local import (
    DynamoDBLocalMissing,
    find_installation,
    local_client,
    local_settings,
    running,
)
from tucoach_repository.repository import InterviewRepository
from tucoach_repository.schema import table_name
from tucoach_repository_testing.request_counts import counted_requests
from tucoach_repository_testing.samples import START, new_interview, next_version

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

INTERVIEWS = 200
LIST_PAGES = 50
PAGE_SIZE = 20
DELETES = 50
# Each phase stops after this long even if its runs are not done, so the whole run stays short.
PHASE_SECONDS = 8.0
USER = "bench-user"


def main() -> None:
    try:
        installation = find_installation()
    except DynamoDBLocalMissing as missing:
        sys.exit(f"cannot run the benchmark: {missing}")
    print(f"starting DynamoDB Local from {installation.directory}", flush=True)
    with running(installation) as endpoint:
        settings = local_settings(endpoint, table_name("bench"))
        client = local_client(settings)
        _run(InterviewRepository(settings, client=client), client)


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
            "delete (2 versions, 1 rating)",
            DELETES,
            lambda n: repository.delete(USER, _id(firsts[n])),
        ),
    ]
    print(f"{'operation':<32} {'runs':>5} {'ops/s':>8}  requests per operation")
    for name, runs, operation in phases:
        done, elapsed, requests = _measure(client, runs, operation)
        per_operation = ", ".join(
            f"{count / done:g} {request}" for request, count in sorted(requests.items())
        )
        print(f"{name:<32} {done:>5} {done / elapsed:>8.0f}  {per_operation}", flush=True)


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
