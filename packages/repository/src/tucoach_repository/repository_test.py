"""Every operation and its failures, against moto's in-process DynamoDB."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ConnectTimeoutError

from tucoach_models import (
    FeedbackRating,
    Interview,
    InterviewSummary,
    MadeRequest,
    format_timestamp,
)
from tucoach_repository import (
    MAX_ITEM_SIZE,
    InterviewAlreadyExists,
    InterviewNotFound,
    InterviewRepository,
    InvalidNextToken,
    InvalidPageLimit,
    ItemTooLarge,
    RepositoryUnavailable,
    VersionConflict,
)
from tucoach_repository.attribute_values import to_attribute_values
from tucoach_repository.items import step_to_item
from tucoach_repository.schema import VERSION_SORT_KEYS
from tucoach_repository_testing.old_shape import append_with_a_record, store_the_old_way
from tucoach_repository_testing.readback import all_pages, item_count
from tucoach_repository_testing.samples import (
    ANSWER,
    START,
    idempotency_record,
    new_interview,
    next_version,
    oversized_feedback,
    stored_versions,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

    from tucoach_repository.settings import RepositorySettings


# -- create and read ---------------------------------------------------------------------------


def test_a_created_interview_reads_back_as_its_latest_version(
    repository: InterviewRepository,
) -> None:
    # Given a new interview
    interview = new_interview()
    # When it is created
    repository.create(interview)
    # Then it is the interview's latest version, unchanged
    assert repository.get_latest("user-1", "interview-1") == interview


def test_creating_an_existing_interview_again_is_a_conflict(
    repository: InterviewRepository,
) -> None:
    repository.create(new_interview())
    with pytest.raises(InterviewAlreadyExists, match="interview-1 already exists"):
        repository.create(new_interview())


def test_only_a_first_version_can_be_created(repository: InterviewRepository) -> None:
    with pytest.raises(ValueError, match="starts at version 1"):
        repository.create(next_version(new_interview()))


def test_an_unknown_interview_is_not_found(repository: InterviewRepository) -> None:
    with pytest.raises(InterviewNotFound, match="interview-9 was not found"):
        repository.get_latest("user-1", "interview-9")


def test_another_users_interview_is_not_found(repository: InterviewRepository) -> None:
    # Given user-1's interview
    repository.create(new_interview(user_id="user-1"))
    # When user-2 asks for it by its id
    # Then it does not exist for them
    with pytest.raises(InterviewNotFound):
        repository.get_latest("user-2", "interview-1")


@pytest.mark.parametrize(
    ("user_id", "interview_id"),
    [("user-1#INTERVIEW#interview-1", "x"), ("user-1", "interview-1#x"), ("", "interview-1")],
)
def test_identifiers_that_could_reach_into_another_partition_name_no_interview(
    repository: InterviewRepository, user_id: str, interview_id: str
) -> None:
    repository.create(new_interview())
    with pytest.raises(InterviewNotFound):
        repository.get_latest(user_id, interview_id)


# -- versions ----------------------------------------------------------------------------------


def test_an_appended_version_becomes_the_latest_and_the_first_is_kept(
    repository: InterviewRepository,
) -> None:
    # Given an interview at version 1
    first = new_interview()
    repository.create(first)
    # When version 2 is appended
    second = next_version(first)
    repository.append_version(first, second)
    # Then version 2 is the latest, and version 1 is still there as it was
    assert repository.get_latest("user-1", "interview-1") == second
    assert repository.get_version("user-1", "interview-1", first.updated_at) == first


def test_appending_to_a_version_that_is_no_longer_the_latest_is_a_conflict(
    repository: InterviewRepository,
) -> None:
    # Given version 2 appended after version 1
    first = new_interview()
    repository.create(first)
    winner = next_version(first, "the first writer's answer")
    repository.append_version(first, winner)
    # When another writer, who also read version 1, appends its own version 2
    loser = next_version(first, "the second writer's answer", later_by=timedelta(seconds=2))
    # Then it gets a conflict that tells it to reload
    with pytest.raises(VersionConflict, match="changed since it was read") as raised:
        repository.append_version(first, loser)
    assert raised.value.details == {"interview_id": "interview-1", "expected_version": 1}
    # And nothing it sent was written
    assert repository.get_latest("user-1", "interview-1") == winner
    with pytest.raises(InterviewNotFound):
        repository.get_version("user-1", "interview-1", loser.updated_at)


def test_appending_to_an_interview_that_does_not_exist_is_not_found(
    repository: InterviewRepository,
) -> None:
    ghost = new_interview(interview_id="ghost")
    with pytest.raises(InterviewNotFound, match="ghost"):
        repository.append_version(ghost, next_version(ghost))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 3}, "the version after 1 is 2"),
        ({"updated_at": START}, "updated after"),
        ({"interview_id": "interview-2"}, "same interview"),
        ({"user_id": "user-2"}, "same interview"),
    ],
)
def test_a_version_that_cannot_follow_the_previous_is_a_programming_error(
    repository: InterviewRepository, change: dict[str, object], message: str
) -> None:
    first = new_interview()
    repository.create(first)
    with pytest.raises(ValueError, match=message):
        repository.append_version(first, next_version(first).model_copy(update=change))


def test_an_unknown_version_is_not_found(repository: InterviewRepository) -> None:
    repository.create(new_interview())
    with pytest.raises(InterviewNotFound):
        repository.get_version("user-1", "interview-1", START + timedelta(microseconds=1))


def test_the_version_history_pages_oldest_first(repository: InterviewRepository) -> None:
    # Given an interview with five versions
    versions = stored_versions(repository, [ANSWER] * 4)
    # When its history is read two at a time
    pages = all_pages(lambda token: repository.list_versions("user-1", "interview-1", 2, token))
    # Then the pages hold every version once, oldest first, and the last has no token; each
    # entry is its version's summary without the question ids (the interview's summary has them)
    assert [len(page.items) for page in pages] == [2, 2, 1]
    assert [s for page in pages for s in page.items] == [
        InterviewSummary.of(v).model_copy(update={"question_ids": ()}) for v in versions
    ]


def test_a_history_that_fills_its_last_page_exactly_ends_without_a_token(
    repository: InterviewRepository,
) -> None:
    first = new_interview()
    repository.create(first)
    repository.append_version(first, next_version(first))
    page = repository.list_versions("user-1", "interview-1", limit=2)
    assert len(page.items) == 2
    assert page.next_token is None


def test_the_history_of_an_unknown_interview_is_not_found(
    repository: InterviewRepository,
) -> None:
    with pytest.raises(InterviewNotFound):
        repository.list_versions("user-1", "interview-9", limit=10)


# -- lists -------------------------------------------------------------------------------------


def _create_interviews(
    repository: InterviewRepository, count: int, user_id: str = "user-1"
) -> None:
    for number in range(count):
        repository.create(
            new_interview(user_id, f"interview-{number:03}", START + timedelta(minutes=number))
        )


def test_a_users_interviews_are_listed_newest_first_a_page_at_a_time(
    repository: InterviewRepository,
) -> None:
    # Given seven interviews of one user and one of another
    _create_interviews(repository, 7)
    _create_interviews(repository, 1, user_id="user-2")
    # When user-1's list is read three at a time
    pages = all_pages(lambda token: repository.list_interviews("user-1", 3, token))
    # Then every interview of theirs comes once, newest first, in pages of 3, 3 and 1
    assert [len(page.items) for page in pages] == [3, 3, 1]
    ids = [summary.interview_id for page in pages for summary in page.items]
    assert ids == [f"interview-{number:03}" for number in reversed(range(7))]


def _answered(repository: InterviewRepository, *, times: int) -> Interview:
    """A new interview stored, then a version appended `times` times; its latest version."""
    latest = new_interview()
    repository.create(latest)
    for _ in range(times):
        previous, latest = latest, next_version(latest)
        repository.append_version(previous, latest)
    return latest


def test_a_list_shows_each_interviews_latest_version_only(
    repository: InterviewRepository,
) -> None:
    # Given an interview answered twice
    third = _answered(repository, times=2)
    # When the user's interviews are listed
    page = repository.list_interviews("user-1", limit=10)
    # Then it appears once, as its latest version
    assert page.items == (InterviewSummary.of(third),)
    assert page.items[0].answered_count == 2


def test_a_user_without_interviews_gets_an_empty_list(repository: InterviewRepository) -> None:
    page = repository.list_interviews("user-1", limit=10)
    assert page.items == ()
    assert page.next_token is None


@pytest.mark.parametrize("limit", [0, -1, 101])
def test_a_page_limit_outside_1_to_100_is_refused(
    repository: InterviewRepository, limit: int
) -> None:
    with pytest.raises(InvalidPageLimit, match=f"between 1 and 100, got {limit}"):
        repository.list_interviews("user-1", limit)
    with pytest.raises(InvalidPageLimit):
        repository.list_versions("user-1", "interview-1", limit)


def test_another_users_next_token_is_refused(repository: InterviewRepository) -> None:
    # Given a next token of user-1's list
    _create_interviews(repository, 3)
    token = repository.list_interviews("user-1", limit=1).next_token
    assert token is not None
    # When user-2 passes it
    # Then it is refused, and nothing of user-1's is shown
    with pytest.raises(InvalidNextToken, match="start again without it"):
        repository.list_interviews("user-2", 1, token)


def test_a_next_token_of_one_list_is_refused_by_another(repository: InterviewRepository) -> None:
    # Given a token of one interview's history and one of the user's list
    first = new_interview()
    repository.create(first)
    repository.append_version(first, next_version(first))
    _create_interviews(repository, 2)
    history_token = repository.list_versions("user-1", "interview-1", limit=1).next_token
    list_token = repository.list_interviews("user-1", limit=1).next_token
    assert history_token is not None
    assert list_token is not None
    # Then neither is taken by the other list, nor by another interview's history
    with pytest.raises(InvalidNextToken):
        repository.list_interviews("user-1", 1, history_token)
    with pytest.raises(InvalidNextToken):
        repository.list_versions("user-1", "interview-1", 1, list_token)
    with pytest.raises(InvalidNextToken):
        repository.list_versions("user-1", "interview-000", 1, history_token)


def test_listing_with_a_malformed_user_id_is_a_programming_error(
    repository: InterviewRepository,
) -> None:
    with pytest.raises(ValueError, match="user"):
        repository.list_interviews("user#1", limit=1)


# -- size --------------------------------------------------------------------------------------


def test_an_interview_over_the_item_limit_is_refused_and_nothing_is_written(
    repository: InterviewRepository,
) -> None:
    # Given an interview whose next version would pass 400 KB
    first = new_interview()
    repository.create(first)
    huge = next_version(first, feedback=oversized_feedback())
    # When it is appended
    # Then it is refused with its size and the limit, before anything is sent
    with pytest.raises(ItemTooLarge, match="too large to save") as raised:
        repository.append_version(first, huge)
    assert raised.value.details["maximum"] == MAX_ITEM_SIZE
    assert isinstance(raised.value.details["size"], int)
    assert raised.value.details["size"] > MAX_ITEM_SIZE
    # And the interview is as it was
    assert repository.get_latest("user-1", "interview-1") == first


def test_a_first_version_over_the_item_limit_is_refused(repository: InterviewRepository) -> None:
    huge = next_version(new_interview(), feedback=oversized_feedback())
    with pytest.raises(ItemTooLarge):
        repository.create(huge.model_copy(update={"version": 1}))
    with pytest.raises(InterviewNotFound):
        repository.get_latest("user-1", "interview-1")


# -- delete ------------------------------------------------------------------------------------


def test_delete_removes_every_version_and_rating_and_nothing_else(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given an interview of 30 versions (more than one batch) with two ratings, and another one
    stored_versions(repository, [None] * 29, later_by=timedelta(milliseconds=1))
    for minute in (1, 2):
        repository.put_rating(_rating(rated_at=START + timedelta(minutes=minute)))
    repository.create(new_interview(interview_id="interview-2"))
    # When the interview is deleted
    deleted = repository.delete("user-1", "interview-1")
    # Then all 33 items (with the summary) went: it is found nowhere, and the other stays
    assert deleted == 33
    with pytest.raises(InterviewNotFound):
        repository.get_latest("user-1", "interview-1")
    assert item_count(client, settings.table_name, "USER#user-1#INTERVIEW#interview-1") == 0
    assert item_count(client, settings.table_name, "USER#user-1#RATING#interview-1") == 0
    assert repository.get_rating("user-1", "interview-1") is None
    assert [s.interview_id for s in repository.list_interviews("user-1", 10).items] == [
        "interview-2"
    ]


def test_deleting_an_unknown_interview_is_not_found(repository: InterviewRepository) -> None:
    with pytest.raises(InterviewNotFound):
        repository.delete("user-1", "interview-9")


# -- ratings -----------------------------------------------------------------------------------


def _rating(
    rated_at: datetime = START, helpful: bool = True, comment: str | None = None
) -> FeedbackRating:
    return FeedbackRating(
        user_id="user-1",
        interview_id="interview-1",
        helpful=helpful,
        comment=comment,
        rated_at=rated_at,
    )


def test_the_latest_rating_is_read_back(repository: InterviewRepository) -> None:
    # Given two ratings of one interview's feedback
    repository.create(new_interview())
    repository.put_rating(_rating(START, helpful=False, comment="missed the point"))
    later = _rating(START + timedelta(hours=1), helpful=True, comment="fair after all ✓")
    repository.put_rating(later)
    # When the rating is read
    # Then the later one comes back as it was
    assert repository.get_rating("user-1", "interview-1") == later


def test_an_interview_without_a_rating_has_none(repository: InterviewRepository) -> None:
    repository.create(new_interview())
    assert repository.get_rating("user-1", "interview-1") is None


def test_ratings_stay_out_of_the_interviews_history(repository: InterviewRepository) -> None:
    first = new_interview()
    repository.create(first)
    repository.put_rating(_rating(datetime(2030, 1, 1, tzinfo=UTC)))
    assert repository.get_latest("user-1", "interview-1") == first
    assert len(repository.list_versions("user-1", "interview-1", 10).items) == 1


# -- versions that lost their append, and requests' keys ---------------------------------------


def _lost_append(
    client: DynamoDBClient, settings: RepositorySettings, previous: Interview, new: Interview
) -> None:
    """A version item as a writer that lost its race leaves it when it cannot delete it: put,
    with the summary never moved onto it."""
    item = step_to_item(previous, new, idempotency_record(new, key="key-of-the-loser"))
    assert item is not None
    client.put_item(TableName=settings.table_name, Item=to_attribute_values(item))


@pytest.mark.parametrize("later_by", [timedelta(milliseconds=500), timedelta(seconds=5)])
def test_a_version_that_lost_its_append_is_never_read_listed_or_replayed(
    repository: InterviewRepository,
    client: DynamoDBClient,
    settings: RepositorySettings,
    later_by: timedelta,
) -> None:
    # Given an interview at version 2, and a lost writer's version 2 left behind (stored before
    # or after the winner's)
    first = new_interview()
    repository.create(first)
    winner = next_version(first, "the winner's answer")
    repository.append_version(first, winner, idempotency_record(winner))
    _lost_append(client, settings, first, next_version(first, "the loser's", later_by=later_by))
    # When the interview is read, listed, its history paged, and the loser's key looked up
    latest, request = repository.get_latest_and_request("user-1", "interview-1", "key-of-the-loser")
    history = all_pages(lambda token: repository.list_versions("user-1", "interview-1", 1, token))
    # Then only the winner counts
    assert latest == winner
    assert request is None
    listed = [summary for page in history for summary in page.items]
    assert [summary.version for summary in listed] == [1, 2]
    assert listed[-1].updated_at == winner.updated_at
    # And an append after the winner follows the winner
    third = next_version(winner, "the next answer", later_by=timedelta(seconds=10))
    repository.append_version(winner, third)
    assert repository.get_latest("user-1", "interview-1") == third
    assert repository.get_version("user-1", "interview-1", winner.updated_at) == winner


def test_a_writer_that_loses_the_summary_deletes_its_version(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given two writers that read version 1, the first of which appended
    first = new_interview()
    repository.create(first)
    repository.append_version(first, next_version(first, "first"))
    stored = item_count(client, settings.table_name, "USER#user-1#INTERVIEW#interview-1")
    # When the second appends to version 1
    with pytest.raises(VersionConflict):
        repository.append_version(first, next_version(first, "second", later_by=timedelta(2)))
    # Then nothing of its append is left
    assert item_count(client, settings.table_name, "USER#user-1#INTERVIEW#interview-1") == stored


def test_a_request_is_found_by_its_key_with_the_version_it_made(
    repository: InterviewRepository,
) -> None:
    # Given three versions, the second and third made by keyed requests
    first = new_interview()
    repository.create(first)
    second = next_version(first)
    third = next_version(second, "another answer")
    repository.append_version(first, second, idempotency_record(second, key="key-00000002"))
    repository.append_version(second, third, idempotency_record(third, key="key-00000003"))
    # When each key is looked up with the latest version
    # Then each finds its own request, and the latest version comes with it
    assert repository.get_latest_and_request("user-1", "interview-1", "key-00000002") == (
        third,
        MadeRequest(idempotency_record(second, key="key-00000002"), second),
    )
    assert repository.get_latest_and_request("user-1", "interview-1", "key-00000003")[1] == (
        MadeRequest(idempotency_record(third, key="key-00000003"), third)
    )
    assert repository.get_latest_and_request("user-1", "interview-1", "key-00000009")[1] is None


def test_versions_appended_before_and_after_versions_named_their_previous_read_as_one(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given an interview whose first answer was stored as before 2026-12-02 (a transaction with
    # an idempotency record, the step naming nothing), and whose second is stored now
    first = new_interview()
    repository.create(first)
    second = next_version(first)
    append_with_a_record(
        client, settings.table_name, first, second, idempotency_record(second, key="old-key-0001")
    )
    third = next_version(second, "a newer answer")
    repository.append_version(second, third, idempotency_record(third, key="new-key-0001"))
    # When it is read, its history listed and both keys looked up
    history = repository.list_versions("user-1", "interview-1", 10).items
    # Then it reads as one interview, and both requests are found
    assert repository.get_latest("user-1", "interview-1") == third
    assert repository.get_version("user-1", "interview-1", second.updated_at) == second
    assert [summary.version for summary in history] == [1, 2, 3]
    assert history == tuple(
        InterviewSummary.of(version).model_copy(update={"question_ids": ()})
        for version in (first, second, third)
    )
    assert repository.get_latest_and_request("user-1", "interview-1", "old-key-0001")[1] == (
        MadeRequest(idempotency_record(second, key="old-key-0001"), second)
    )
    assert repository.get_latest_and_request("user-1", "interview-1", "new-key-0001")[1] == (
        MadeRequest(idempotency_record(third, key="new-key-0001"), third)
    )


def test_an_interview_exists_for_its_owner_only(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given an interview of user-1, and one stored before summary items
    repository.create(new_interview())
    store_the_old_way(client, settings.table_name, [new_interview(interview_id="interview-old")])
    # Then both exist for their owner, and neither for another user or under another id
    repository.check_exists("user-1", "interview-1")
    repository.check_exists("user-1", "interview-old")
    for user_id, interview_id in (("user-2", "interview-1"), ("user-1", "interview-9")):
        with pytest.raises(InterviewNotFound):
            repository.check_exists(user_id, interview_id)


# -- reading again, from the version folded ---------------------------------------------------


def _queried_from(client: DynamoDBClient) -> list[str]:
    """The first sort key of every Query the client sends from now on."""
    firsts: list[str] = []

    def record(params: dict[str, Any], **_: object) -> None:
        firsts.append(params["ExpressionAttributeValues"][":first"]["S"])

    client.meta.events.register("provide-client-params.dynamodb.Query", record)
    return firsts


def _created_and_read(repository: InterviewRepository) -> Interview:
    """A new interview, created and read by `repository`, which keeps it folded."""
    first = new_interview()
    repository.create(first)
    repository.get_latest("user-1", "interview-1")
    return first


def _two_versions(
    repository: InterviewRepository, key: str | None = None
) -> tuple[Interview, Interview]:
    """Versions 1 and 2 of a new interview, created and appended (with Idempotency-Key `key`,
    if any) by `repository`."""
    first = new_interview()
    repository.create(first)
    second = next_version(first)
    record = idempotency_record(second, key=key) if key is not None else None
    repository.append_version(first, second, record)
    return first, second


def _fresh(settings: RepositorySettings, client: DynamoDBClient) -> Interview:
    """The latest version as a process that never read the interview reads it."""
    return InterviewRepository(settings, client=client).get_latest("user-1", "interview-1")


def test_reading_again_queries_only_from_the_version_read_on(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given an interview of four versions, read once
    versions = stored_versions(repository, [ANSWER] * 3)
    repository.get_latest("user-1", "interview-1")
    firsts = _queried_from(client)
    # When it is read again, after another process appended one more version
    fifth = next_version(versions[-1], "one more answer")
    InterviewRepository(settings, client=client).append_version(versions[-1], fifth)
    latest = repository.get_latest("user-1", "interview-1")
    # Then the read starts at the version read before, and gives what a whole read gives
    assert firsts == [format_timestamp(versions[-1].updated_at)]
    assert latest == fifth == _fresh(settings, client)


def test_versions_another_process_appended_are_folded_onto_the_version_read(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given a process that read an interview at version 2
    _, second = _two_versions(repository)
    assert repository.get_latest("user-1", "interview-1") == second
    # When another process appends a step, a version stored whole (a change a step cannot say)
    # and a step after it, the first reading after each
    other = InterviewRepository(settings, client=client)
    third = next_version(second, "a third answer")
    whole = Interview.model_validate(
        {
            **next_version(third, None).model_dump(),
            "avoided_question_ids": ("q-9",),
        }
    )
    fifth = next_version(whole, "a fifth answer")
    seen = []
    for previous, new in ((second, third), (third, whole), (whole, fifth)):
        other.append_version(previous, new)
        seen.append(repository.get_latest("user-1", "interview-1"))
    # Then the first process reads each latest version as a process that never read it does
    assert seen == [third, whole, fifth]
    assert seen[-1] == _fresh(settings, client)


def test_a_lost_writers_version_after_the_version_read_is_never_folded(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given a process that read version 1, and then a winner's version 2 and a loser's version 2
    # left behind, stored after the winner's
    first = _created_and_read(repository)
    winner = next_version(first, "the winner's answer")
    InterviewRepository(settings, client=client).append_version(first, winner)
    _lost_append(client, settings, first, next_version(first, "the loser's", later_by=timedelta(2)))
    # When the first process reads the interview again
    # Then it reads the winner's
    assert repository.get_latest("user-1", "interview-1") == winner


def test_a_key_used_on_a_version_after_the_version_read_is_found(
    repository: InterviewRepository, settings: RepositorySettings, client: DynamoDBClient
) -> None:
    # Given a process that read version 1, and another that appended version 2 with a key
    first = _created_and_read(repository)
    second = next_version(first)
    InterviewRepository(settings, client=client).append_version(
        first, second, idempotency_record(second, key="key-00000002")
    )
    # When the first process looks the key up, and then again, having read version 2
    # Then it finds the request with the version it made both times
    made = MadeRequest(idempotency_record(second, key="key-00000002"), second)
    assert repository.get_latest_and_request("user-1", "interview-1", "key-00000002") == (
        second,
        made,
    )
    assert repository.get_latest_and_request("user-1", "interview-1", "key-00000002") == (
        second,
        made,
    )


def test_a_replay_reads_from_the_version_kept_unless_its_key_made_an_earlier_one(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given a process that appended version 2 with a key, and another that appended version 3
    _, second = _two_versions(repository, key="key-00000002")
    third = next_version(second, "another answer")
    InterviewRepository(settings, client=client).append_version(
        second, third, idempotency_record(third, key="key-00000003")
    )
    firsts = _queried_from(client)
    # When the request that made version 3 is sent again, and then the one that made version 2
    latest = repository.get_latest_and_request("user-1", "interview-1", "key-00000003")
    again = repository.get_latest_and_request("user-1", "interview-1", "key-00000002")
    # Then the first is found from the version kept (2) on, in one Query; the second, whose
    # version is before the one kept (3, by then), reads the whole partition too
    assert latest == (third, MadeRequest(idempotency_record(third, key="key-00000003"), third))
    assert again == (third, MadeRequest(idempotency_record(second, key="key-00000002"), second))
    kept_then = [format_timestamp(second.updated_at), format_timestamp(third.updated_at)]
    assert firsts == [kept_then[0], kept_then[1], VERSION_SORT_KEYS[0]]


def test_an_interview_another_process_deleted_is_not_found_by_one_that_read_it(
    repository: InterviewRepository, settings: RepositorySettings, client: DynamoDBClient
) -> None:
    # Given a process that read an interview
    _created_and_read(repository)
    # When another process deletes it
    InterviewRepository(settings, client=client).delete("user-1", "interview-1")
    # Then the first no longer finds it
    with pytest.raises(InterviewNotFound):
        repository.get_latest("user-1", "interview-1")


def test_with_no_interviews_kept_folded_every_read_is_whole(
    settings: RepositorySettings, client: DynamoDBClient
) -> None:
    # Given a repository that keeps no interview folded
    repository = InterviewRepository(
        settings.model_copy(update={"folded_interviews": 0}), client=client
    )
    _created_and_read(repository)
    firsts = _queried_from(client)
    # When the interview is read again
    repository.get_latest("user-1", "interview-1")
    # Then the read starts at the first version
    assert firsts == [VERSION_SORT_KEYS[0]]


# -- the version kept, to append on without reading (ADR 0013) ---------------------------------


def test_a_process_keeps_each_version_it_creates_or_appends_and_reads_on_from_it(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given an interview this process created, and then appended to
    first = new_interview()
    repository.create(first)
    kept_at_first = repository.get_kept("user-1", "interview-1", None)
    second = next_version(first)
    repository.append_version(first, second)
    firsts = _queried_from(client)
    # When it asks for the version it keeps, and then reads the interview
    kept = repository.get_kept("user-1", "interview-1", None)
    latest = repository.get_latest("user-1", "interview-1")
    # Then it kept each version it wrote, and reads from the last one on
    assert firsts == [format_timestamp(second.updated_at)]
    assert kept_at_first == first
    assert kept == second == latest == _fresh(settings, client)


def test_no_version_is_kept_for_a_request_whose_key_made_one(
    repository: InterviewRepository,
) -> None:
    # Given a version this process appended with a key
    _, second = _two_versions(repository, key="key-00000002")
    # When it asks for the version it keeps, for a request with that key and with another
    # Then the replay gets none (a read answers it), the other request gets the version
    assert repository.get_kept("user-1", "interview-1", "key-00000002") is None
    assert repository.get_kept("user-1", "interview-1", "key-00000003") == second


def test_appending_on_a_kept_version_another_process_appended_after_is_a_conflict(
    repository: InterviewRepository, client: DynamoDBClient, settings: RepositorySettings
) -> None:
    # Given a process that keeps version 2, and another process that appended version 3 since
    _, second = _two_versions(repository)
    theirs = next_version(second, "the other process's answer")
    InterviewRepository(settings, client=client).append_version(second, theirs)
    kept = repository.get_kept("user-1", "interview-1", None)
    assert kept == second
    # When the first process appends on the version it keeps
    ours = next_version(second, "this process's answer", later_by=timedelta(seconds=2))
    with pytest.raises(VersionConflict):
        repository.append_version(kept, ours)
    # Then the other's version stays the latest, and the first keeps none, so it reads next
    assert _fresh(settings, client) == theirs
    assert repository.get_kept("user-1", "interview-1", None) is None
    assert repository.get_latest("user-1", "interview-1") == theirs


def test_with_no_interviews_kept_folded_no_version_is_kept_to_append_on(
    settings: RepositorySettings, client: DynamoDBClient
) -> None:
    # Given a repository that keeps no interview folded
    repository = InterviewRepository(
        settings.model_copy(update={"folded_interviews": 0}), client=client
    )
    # When it creates an interview and appends to it
    first = new_interview()
    repository.create(first)
    repository.append_version(first, next_version(first))
    # Then it keeps neither version
    assert repository.get_kept("user-1", "interview-1", None) is None


def test_an_append_whose_outcome_is_not_known_keeps_no_version(
    repository: InterviewRepository, client: DynamoDBClient
) -> None:
    # Given a process that keeps version 2, and a table it cannot reach
    _, second = _two_versions(repository)

    def unreachable(**_: object) -> None:
        raise ConnectTimeoutError(endpoint_url="https://dynamodb.test")

    client.meta.events.register_first("before-send.dynamodb.PutItem", unreachable)
    # When it appends version 3
    with pytest.raises(RepositoryUnavailable):
        repository.append_version(second, next_version(second, "a third answer"))
    # Then it keeps no version of the interview: whether version 3 is the latest is not known
    assert repository.get_kept("user-1", "interview-1", None) is None
