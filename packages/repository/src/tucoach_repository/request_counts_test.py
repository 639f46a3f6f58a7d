"""What each access pattern costs, counted as botocore sends the requests: the README's table
of access patterns is checked here, and any extra request fails."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from datetime import timedelta
from typing import TYPE_CHECKING

import tucoach_repository
from tucoach_models import FeedbackRating
from tucoach_repository import InterviewRepository
from tucoach_repository_testing.readback import all_pages
from tucoach_repository_testing.request_counts import counted_requests
from tucoach_repository_testing.samples import START, new_interview, next_version

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


def test_every_access_pattern_sends_the_requests_of_the_readme_and_no_scan(
    repository: InterviewRepository, client: DynamoDBClient
) -> None:
    # Given a user with five interviews, one of them answered once
    first = new_interview()
    with counted_requests(client) as create:
        repository.create(first)
    for number in range(2, 6):
        repository.create(new_interview(interview_id=f"interview-{number}"))
    second = next_version(first)

    # When each operation runs, its requests counted
    with counted_requests(client) as append:
        repository.append_version(first, second)
    with counted_requests(client) as latest:
        repository.get_latest("user-1", "interview-1")
    with counted_requests(client) as exists:
        repository.check_exists("user-1", "interview-1")
    with counted_requests(client) as version:
        repository.get_version("user-1", "interview-1", first.updated_at)
    with counted_requests(client) as history:
        repository.list_versions("user-1", "interview-1", limit=10)
    with counted_requests(client) as listing:
        pages = all_pages(lambda token: repository.list_interviews("user-1", 2, token))
    with counted_requests(client) as rate:
        repository.put_rating(_rating())
    with counted_requests(client) as rating:
        repository.get_rating("user-1", "interview-1")
    with counted_requests(client) as delete:
        repository.delete("user-1", "interview-1")

    # Then each sent exactly what the README says, and nothing sent a Scan
    assert create == {"TransactWriteItems": 1}
    assert append == {"PutItem": 2}  # the new version, then the summary on its condition
    assert latest == {"Query": 1}
    assert exists == {"GetItem": 1}
    assert version == {"Query": 1}
    assert history == {"Query": 1}
    assert len(pages) == 3
    assert listing == {"Query": 3}
    assert rate == {"PutItem": 1}
    assert rating == {"Query": 1}
    # two Queries (versions, ratings); the latest version is deleted in a batch of its own
    assert delete == {"Query": 2, "BatchWriteItem": 2}
    everything = (
        create + append + latest + exists + version + history + listing + rate + rating + delete
    )
    assert "Scan" not in everything


def test_the_repositorys_code_never_calls_scan() -> None:
    # Given every module of the package that is not a test
    sources = {
        name: inspect.getsource(importlib.import_module(f"tucoach_repository.{name}"))
        for _, name, _ in pkgutil.iter_modules(tucoach_repository.__path__)
        if not name.endswith("_test") and name != "conftest"
    }
    assert "repository" in sources
    # Then none of them names the Scan operation
    scans = {name for name, source in sources.items() if re.search(r"\bscan\b|\"Scan\"", source)}
    assert scans == set()


def _rating() -> FeedbackRating:
    return FeedbackRating(
        user_id="user-1",
        interview_id="interview-1",
        helpful=True,
        rated_at=START + timedelta(days=1),
    )
