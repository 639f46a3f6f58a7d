"""Interviews stored before steps and summary items (every version whole, the index keys on the
latest version) read, list, take new versions and delete as any other (moto; racing writers on
one are in repository_integration_test.py, against the real engine)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from tucoach_models import Interview, InterviewSummary, MadeRequest
from tucoach_repository import InterviewRepository, VersionConflict
from tucoach_repository_testing.old_shape import store_the_old_way
from tucoach_repository_testing.readback import item_count
from tucoach_repository_testing.samples import idempotency_record, new_interview, next_version

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

    from tucoach_repository.settings import RepositorySettings

PARTITION = "USER#user-1#INTERVIEW#interview-1"


@pytest.fixture
def old_versions(client: DynamoDBClient, settings: RepositorySettings) -> list[Interview]:
    versions = [new_interview()]
    for n in range(2):
        versions.append(next_version(versions[-1], f"old answer {n}"))
    store_the_old_way(client, settings.table_name, versions)
    return versions


def test_an_old_interview_reads_lists_and_shows_its_history(
    repository: InterviewRepository, old_versions: list[Interview]
) -> None:
    assert repository.get_latest("user-1", "interview-1") == old_versions[-1]
    assert (
        repository.get_version("user-1", "interview-1", old_versions[0].updated_at)
        == (old_versions[0])
    )
    assert repository.list_interviews("user-1", 10).items == (
        InterviewSummary.of(old_versions[-1]),
    )
    history = repository.list_versions("user-1", "interview-1", 10).items
    # (a version history lists no question ids; the interview's summary keeps them)
    assert history == tuple(
        InterviewSummary.of(version).model_copy(update={"question_ids": ()})
        for version in old_versions
    )


def test_the_first_new_version_of_an_old_interview_moves_it_onto_a_summary(
    repository: InterviewRepository,
    old_versions: list[Interview],
    client: DynamoDBClient,
    settings: RepositorySettings,
) -> None:
    # Given an interview stored the old way, read as its latest version
    latest = repository.get_latest("user-1", "interview-1")
    # When a version is appended to it, and another after that
    third = next_version(latest, "new answer")
    repository.append_version(latest, third)
    fourth = next_version(third, "newer answer")
    repository.append_version(third, fourth)
    # Then both read back, folded onto the old whole version
    assert repository.get_latest("user-1", "interview-1") == fourth
    assert repository.get_version("user-1", "interview-1", third.updated_at) == third
    # And the list shows the interview once, as its latest version
    assert repository.list_interviews("user-1", 10).items == (InterviewSummary.of(fourth),)
    # And the old versions are all there, the summary beside them
    assert [s.version for s in repository.list_versions("user-1", "interview-1", 10).items] == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert item_count(client, settings.table_name, PARTITION) == 6


def test_appending_to_an_old_interview_that_moved_on_is_a_conflict(
    repository: InterviewRepository, old_versions: list[Interview]
) -> None:
    # Given two writers that read the old interview's latest version, one of which appended
    latest = old_versions[-1]
    repository.append_version(latest, next_version(latest, "the first writer's answer"))
    # When the other appends to the same version
    loser = next_version(latest, "the second writer's", later_by=timedelta(seconds=2))
    # Then it gets the conflict, and the list still shows the interview once
    with pytest.raises(VersionConflict):
        repository.append_version(latest, loser)
    with pytest.raises(VersionConflict):
        repository.append_version(old_versions[0], next_version(old_versions[0]))
    assert len(repository.list_interviews("user-1", 10).items) == 1


def test_the_first_new_version_carries_its_requests_key(
    repository: InterviewRepository, old_versions: list[Interview]
) -> None:
    # Given an old interview
    latest = old_versions[-1]
    new = next_version(latest)
    record = idempotency_record(new)
    # When a request with an Idempotency-Key appends to it
    repository.append_version(latest, new, record)
    # Then reading with that key finds the request and the version it made
    assert repository.get_latest_and_request("user-1", "interview-1", record.key) == (
        new,
        MadeRequest(record, new),
    )


def test_an_old_interview_deletes_completely(
    repository: InterviewRepository,
    old_versions: list[Interview],
    client: DynamoDBClient,
    settings: RepositorySettings,
) -> None:
    assert repository.delete("user-1", "interview-1") == len(old_versions)
    assert item_count(client, settings.table_name, PARTITION) == 0
    assert repository.list_interviews("user-1", 10).items == ()
