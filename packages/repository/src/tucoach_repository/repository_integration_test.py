"""The repository against Amazon's own engine (DynamoDB Local): real conditional writes,
transactions, index pagination and item limits. Each test gets a new, empty table."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from tucoach_models import Answer, Feedback, FeedbackRating, Interview, InterviewSummary, Unscored
from tucoach_repository import (
    InterviewAlreadyExists,
    InterviewNotFound,
    InterviewRepository,
    ItemTooLarge,
    RepositorySettings,
    VersionConflict,
)
from tucoach_repository.items import step_to_item
from tucoach_repository.sizing import checked_values
from tucoach_repository_testing.old_shape import store_the_old_way
from tucoach_repository_testing.readback import all_pages, item_count
from tucoach_repository_testing.request_counts import counted_requests
from tucoach_repository_testing.samples import (
    FEEDBACK,
    START,
    new_interview,
    next_version,
    oversized_feedback,
    stored_versions,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

WRITERS = 20


def _history(repository: InterviewRepository, user_id: str, interview_id: str) -> list[int]:
    return [s.version for s in repository.list_versions(user_id, interview_id, 100).items]


def _race(
    repository: InterviewRepository, previous: Interview
) -> list[Interview | VersionConflict]:
    """WRITERS writers append their own version after `previous` at the same moment; each gets
    its version back if it won, or the conflict."""
    candidates = [
        next_version(previous, f"answer of writer {n}", later_by=timedelta(milliseconds=n + 1))
        for n in range(WRITERS)
    ]
    start_together = threading.Barrier(WRITERS)

    def append(candidate: Interview) -> Interview | VersionConflict:
        start_together.wait()
        try:
            repository.append_version(previous, candidate)
        except VersionConflict as conflict:
            return conflict
        return candidate

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        return list(pool.map(append, candidates))


def test_of_twenty_writers_appending_to_one_version_exactly_one_wins(
    dynamodb_local_repository: InterviewRepository,
) -> None:
    # Given version 1 of an interview, read by twenty writers at once
    repository = dynamodb_local_repository
    first = new_interview()
    repository.create(first)
    # When each appends its own version 2 at the same moment
    outcomes = _race(repository, first)

    # Then exactly one wins and nineteen are told of the conflict
    winners = [outcome for outcome in outcomes if isinstance(outcome, Interview)]
    conflicts = [outcome for outcome in outcomes if isinstance(outcome, VersionConflict)]
    assert len(winners) == 1
    assert len(conflicts) == WRITERS - 1
    # And the history is version 1 as it was, then the winner's version 2, nothing else
    assert _history(repository, "user-1", "interview-1") == [1, 2]
    assert repository.get_version("user-1", "interview-1", first.updated_at) == first
    assert repository.get_latest("user-1", "interview-1") == winners[0]
    # And the list shows the interview once, as the winner's version
    [listed] = repository.list_interviews("user-1", 10).items
    assert (listed.version, listed.updated_at) == (2, winners[0].updated_at)


def test_of_writers_racing_on_an_interview_stored_the_old_way_exactly_one_wins(
    dynamodb_local_repository: InterviewRepository,
    dynamodb_local_client: DynamoDBClient,
    dynamodb_local_settings: RepositorySettings,
) -> None:
    # Given an interview stored before summary items, read by twenty writers at once
    repository = dynamodb_local_repository
    old = [new_interview()]
    old.append(next_version(old[-1], "an answer stored the old way"))
    store_the_old_way(dynamodb_local_client, dynamodb_local_settings.table_name, old)
    latest = repository.get_latest("user-1", "interview-1")
    # When each appends its own version 3 at the same moment
    outcomes = _race(repository, latest)

    # Then exactly one wins, and the interview is listed once, as the winner's version
    winners = [outcome for outcome in outcomes if isinstance(outcome, Interview)]
    assert len(winners) == 1
    assert repository.get_latest("user-1", "interview-1") == winners[0]
    [listed] = repository.list_interviews("user-1", 10).items
    assert (listed.version, listed.updated_at) == (3, winners[0].updated_at)
    assert _history(repository, "user-1", "interview-1") == [1, 2, 3]


def test_250_interviews_page_newest_first_without_duplicates_or_gaps(
    dynamodb_local_repository: InterviewRepository,
) -> None:
    # Given 250 interviews of one user, created a minute apart, and some of another user
    repository = dynamodb_local_repository
    created = [
        new_interview("user-1", f"interview-{n:03}", START + timedelta(minutes=n))
        for n in range(250)
    ]
    for interview in created:
        repository.create(interview)
    for n in range(3):
        repository.create(new_interview("user-2", f"interview-{n:03}"))
    # When the list is read 17 at a time, following the tokens
    pages = all_pages(lambda token: repository.list_interviews("user-1", 17, token))
    # Then there are 15 pages (14 full, then 12), the last without a token
    assert [len(page.items) for page in pages] == [17] * 14 + [12]
    # And every interview of the user comes exactly once, newest first
    listed = [summary.interview_id for page in pages for summary in page.items]
    assert listed == [interview.interview_id for interview in reversed(created)]
    assert all(summary.user_id == "user-1" for page in pages for summary in page.items)


def test_the_version_history_is_in_order_and_complete(
    dynamodb_local_repository: InterviewRepository,
) -> None:
    repository = dynamodb_local_repository
    versions = stored_versions(repository, [f"answer {n}" for n in range(6)])
    pages = all_pages(lambda token: repository.list_versions("user-1", "interview-1", 4, token))
    assert [[s.version for s in page.items] for page in pages] == [[1, 2, 3, 4], [5, 6, 7]]
    # A version's entry carries no question ids, whole or step; the interview's summary does
    assert all(s.question_ids == () for page in pages for s in page.items)
    listed = repository.list_interviews("user-1", 10, None).items[0]
    assert listed.question_ids
    assert listed.question_ids == InterviewSummary.of(versions[-1]).question_ids
    for version in versions:
        assert repository.get_version("user-1", "interview-1", version.updated_at) == version


def test_unicode_text_round_trips_unchanged(
    dynamodb_local_repository: InterviewRepository,
) -> None:
    # Given answers in scripts of every width and direction
    repository = dynamodb_local_repository
    first = new_interview()
    repository.create(first)
    text = "Idempotency 🔁👩🏽‍💻 — 冪等性を保つ; שלום עולם (RTL) مرحبا; Ünïcödé\u200d, tab\tend"
    second = next_version(first, text)
    repository.append_version(first, second)
    rating = FeedbackRating(
        user_id="user-1",
        interview_id="interview-1",
        helpful=True,
        comment="很好 👍 ممتاز",
        rated_at=START + timedelta(hours=1),
    )
    repository.put_rating(rating)
    # When they are read back
    # Then they are exactly as written
    latest = repository.get_latest("user-1", "interview-1")
    assert latest == second
    assert latest.answers[0].text == text
    assert repository.get_rating("user-1", "interview-1") == rating


def test_a_question_asked_again_and_its_unscored_answer_round_trip(
    dynamodb_local_repository: InterviewRepository,
) -> None:
    # Given a question answered in Spanish (not scored) and asked again, then answered in English
    repository = dynamodb_local_repository
    first = new_interview()
    repository.create(first)
    unscored = Feedback(
        score=0.0,
        unscored=Unscored.LANGUAGE,
        language="es",
        provenance=FEEDBACK.provenance,
    )
    spanish = next_version(first, "Usaría claves de idempotencia.", feedback=unscored)
    asked = spanish.questions[-1]
    retry = spanish.model_copy(
        update={
            "questions": (*spanish.questions, asked.model_copy(update={"retry": True})),
        }
    )
    english = Interview.model_validate(
        retry.model_dump()
        | {
            "version": retry.version + 1,
            "updated_at": retry.updated_at + timedelta(seconds=1),
            "answers": (
                *retry.answers,
                Answer(
                    question_id=asked.question_id,
                    text="I would use idempotency keys.",
                    answered_at=retry.updated_at + timedelta(seconds=1),
                    feedback=FEEDBACK,
                ),
            ),
        }
    )
    repository.append_version(first, retry)
    repository.append_version(retry, english)
    # When they are read back, as versions and as the interview's summary
    # Then the retry, both answers and the unscored feedback are as written, counted once
    assert repository.get_version("user-1", "interview-1", retry.updated_at) == retry
    latest = repository.get_latest("user-1", "interview-1")
    assert latest == english
    assert [q.retry for q in latest.questions] == [False, True]
    assert latest.answers[0].feedback.unscored is Unscored.LANGUAGE
    summary = repository.list_interviews("user-1", 10, None).items[0]
    assert summary.question_ids == (asked.question_id,)
    assert summary.answered_count == 1


def test_the_size_guard_refuses_an_oversize_version_and_writes_nothing(
    dynamodb_local_repository: InterviewRepository,
    dynamodb_local_client: DynamoDBClient,
    dynamodb_local_settings: RepositorySettings,
) -> None:
    repository = dynamodb_local_repository
    first = new_interview()
    repository.create(first)
    with pytest.raises(ItemTooLarge):
        repository.append_version(first, next_version(first, feedback=oversized_feedback()))
    table = dynamodb_local_settings.table_name
    # version 1 and the summary, nothing more
    assert item_count(dynamodb_local_client, table, "USER#user-1#INTERVIEW#interview-1") == 2
    assert repository.get_latest("user-1", "interview-1") == first
    # And the interview can still move on
    repository.append_version(first, next_version(first))


def test_delete_leaves_nothing_behind(
    dynamodb_local_repository: InterviewRepository,
    dynamodb_local_client: DynamoDBClient,
    dynamodb_local_settings: RepositorySettings,
) -> None:
    # Given an interview of 60 versions (three batches) and 3 ratings, and another interview
    repository = dynamodb_local_repository
    stored_versions(repository, [None] * 59)
    for hour in range(3):
        repository.put_rating(
            FeedbackRating(
                user_id="user-1",
                interview_id="interview-1",
                helpful=bool(hour % 2),
                rated_at=START + timedelta(hours=hour),
            )
        )
    repository.create(new_interview(interview_id="interview-2"))
    # When it is deleted (60 versions, the summary, 3 ratings)
    assert repository.delete("user-1", "interview-1") == 64
    # Then neither of its partitions holds an item, nor the index an entry
    client, settings = dynamodb_local_client, dynamodb_local_settings
    assert item_count(client, settings.table_name, "USER#user-1#INTERVIEW#interview-1") == 0
    assert item_count(client, settings.table_name, "USER#user-1#RATING#interview-1") == 0
    assert [s.interview_id for s in repository.list_interviews("user-1", 10).items] == [
        "interview-2"
    ]
    with pytest.raises(InterviewNotFound):
        repository.get_latest("user-1", "interview-1")


def test_another_users_interview_is_not_found(
    dynamodb_local_repository: InterviewRepository,
) -> None:
    repository = dynamodb_local_repository
    repository.create(new_interview(user_id="user-1"))
    with pytest.raises(InterviewNotFound):
        repository.get_latest("user-2", "interview-1")
    with pytest.raises(InterviewNotFound):
        repository.list_versions("user-2", "interview-1", 10)
    with pytest.raises(InterviewNotFound):
        repository.delete("user-2", "interview-1")
    as_user_2 = new_interview(user_id="user-2")
    with pytest.raises(InterviewNotFound):
        repository.append_version(as_user_2, next_version(as_user_2))
    assert repository.list_interviews("user-2", 10).items == ()


def test_conditions_and_request_counts_hold_on_the_real_engine(
    dynamodb_local_repository: InterviewRepository, dynamodb_local_client: DynamoDBClient
) -> None:
    repository, client = dynamodb_local_repository, dynamodb_local_client
    first = new_interview()
    with counted_requests(client) as create:
        repository.create(first)
    with pytest.raises(InterviewAlreadyExists):
        repository.create(first)
    with counted_requests(client) as append:
        repository.append_version(first, next_version(first))
    # A writer that lost the summary learns it from the summary put (DynamoDB returns the item
    # as it was), and deletes its version: no read, no transaction
    with counted_requests(client) as lost, pytest.raises(VersionConflict):
        repository.append_version(first, next_version(first, "late", later_by=timedelta(3)))
    with counted_requests(client) as latest:
        repository.get_latest("user-1", "interview-1")
    with counted_requests(client) as listing:
        repository.list_interviews("user-1", 10)
    assert (create, append, lost, latest, listing) == (
        {"TransactWriteItems": 1},
        {"PutItem": 2},
        {"PutItem": 2, "DeleteItem": 1},
        {"Query": 1},
        {"Query": 1},
    )


def test_a_new_version_stored_by_an_attempt_whose_answer_was_lost_counts_on_the_real_engine(
    dynamodb_local_repository: InterviewRepository,
    dynamodb_local_client: DynamoDBClient,
    dynamodb_local_settings: RepositorySettings,
) -> None:
    # Given a new version already stored, as by an attempt whose answer never arrived
    repository, client = dynamodb_local_repository, dynamodb_local_client
    first = new_interview()
    repository.create(first)
    second = next_version(first, "an answer whose write answered too late")
    step = step_to_item(first, second)
    assert step is not None
    client.put_item(TableName=dynamodb_local_settings.table_name, Item=checked_values(step))
    # When the append is sent again, Then DynamoDB returns that very item on the failed
    # condition, and the append goes on: the new version is the latest
    repository.append_version(first, second)
    assert repository.get_latest("user-1", "interview-1") == second
