"""Failures moto cannot produce (throttling, transaction conflicts, unprocessed batches,
unreachable endpoints), stubbed with botocore's Stubber: none may leave as a botocore error."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from tucoach_models import format_timestamp
from tucoach_repository import (
    InterviewRepository,
    RepositorySettings,
    RepositoryUnavailable,
    VersionConflict,
    backoff,
    deletion,
    make_client,
    transactions,
)
from tucoach_repository.items import step_to_item
from tucoach_repository.sizing import checked_values
from tucoach_repository_testing.request_counts import counted_requests
from tucoach_repository_testing.samples import new_interview, next_version

FIRST = new_interview()
SECOND = next_version(FIRST)
KEY = {"partition_key": {"S": "USER#user-1#INTERVIEW#interview-1"}, "sort_key": {"S": "t1"}}
LATEST_KEY = {"partition_key": {"S": "USER#user-1#INTERVIEW#interview-1"}, "sort_key": {"S": "t2"}}
SECOND_KEY = {
    "partition_key": {"S": "USER#user-1#INTERVIEW#interview-1"},
    "sort_key": {"S": format_timestamp(SECOND.updated_at)},
}
EMPTY_QUERY = {"Items": [], "Count": 0, "ScannedCount": 0}


def _session() -> boto3.session.Session:
    return boto3.session.Session(aws_access_key_id="stub", aws_secret_access_key="stub")


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The repository's own waits between retries, recorded instead of slept."""
    taken: list[int] = []
    monkeypatch.setattr(backoff, "pause", taken.append)
    return taken


@pytest.fixture
def stubbed(settings: RepositorySettings) -> Iterator[tuple[InterviewRepository, Stubber]]:
    client = make_client(settings, _session())
    with Stubber(client) as stubber:
        yield InterviewRepository(settings, client=client), stubber
        stubber.assert_no_pending_responses()


def _cancelled(stubber: Stubber, *codes: str) -> None:
    stubber.add_client_error(
        "transact_write_items",
        service_error_code="TransactionCanceledException",
        service_message="Transaction cancelled",
        modeled_fields={"CancellationReasons": [{"Code": code} for code in codes]},
    )


@pytest.mark.parametrize(
    "code",
    ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"],
)
def test_throttling_that_outlasts_botocores_retries_is_unavailable(
    stubbed: tuple[InterviewRepository, Stubber], code: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Given DynamoDB still throttling after botocore's own retries
    repository, stubber = stubbed
    stubber.add_client_error("query", service_error_code=code, http_status_code=400)
    # When the latest version is read
    # Then the caller is told to retry shortly, in words for people
    with pytest.raises(RepositoryUnavailable, match="busy right now") as raised:
        repository.get_latest("user-1", "interview-1")
    assert raised.value.retry_after_seconds == 2
    assert code not in raised.value.message
    # And operators see what happened
    assert code in caplog.text


def test_throttling_of_a_write_is_unavailable(stubbed: tuple[InterviewRepository, Stubber]) -> None:
    repository, stubber = stubbed
    stubber.add_client_error("transact_write_items", service_error_code="ThrottlingException")
    with pytest.raises(RepositoryUnavailable):
        repository.create(FIRST)


def test_an_unexpected_error_is_unavailable_and_logged_in_detail(
    stubbed: tuple[InterviewRepository, Stubber], caplog: pytest.LogCaptureFixture
) -> None:
    # Given a failure the repository has no meaning for
    repository, stubber = stubbed
    stubber.add_client_error(
        "query",
        service_error_code="ResourceNotFoundException",
        service_message="Requested resource not found: Table: TuCoachAi-test not found",
    )
    # When a version is read
    with caplog.at_level(logging.ERROR), pytest.raises(RepositoryUnavailable) as raised:
        repository.get_version("user-1", "interview-1", FIRST.updated_at)
    # Then the caller gets no internals, and the log has them all
    assert "TuCoachAi" not in raised.value.message
    assert "ResourceNotFoundException" in caplog.text
    assert "TuCoachAi-test not found" in caplog.text


def test_a_database_that_cannot_be_reached_is_unavailable() -> None:
    # Given an endpoint where nothing listens
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = RepositorySettings(
        table_name="TuCoachAi-test",
        region="eu-west-1",
        endpoint_url=f"http://127.0.0.1:{port}",
        max_attempts=1,
        connect_timeout_seconds=0.5,
    )
    repository = InterviewRepository(settings, client=make_client(settings, _session()))
    # When anything is read
    # Then the caller is told it cannot be reached, not given a connection error
    with pytest.raises(RepositoryUnavailable, match="cannot reach"):
        repository.list_interviews("user-1", 10)


def test_a_transaction_conflict_is_retried_until_it_settles(
    stubbed: tuple[InterviewRepository, Stubber], pauses: list[int]
) -> None:
    # Given another transaction holding the item once
    repository, stubber = stubbed
    _cancelled(stubber, "TransactionConflict", "None")
    stubber.add_response("transact_write_items", {})
    # When an interview is created (its summary and first version, one transaction)
    repository.create(FIRST)
    # Then it was sent again after one pause, and succeeded
    assert pauses == [0]


def test_a_transaction_conflict_that_does_not_settle_is_unavailable(
    stubbed: tuple[InterviewRepository, Stubber], pauses: list[int]
) -> None:
    repository, stubber = stubbed
    for _ in range(transactions.TRANSACTION_ATTEMPTS):
        _cancelled(stubber, "None", "TransactionConflict")
    with pytest.raises(RepositoryUnavailable, match="busy"):
        repository.create(FIRST)
    assert pauses == list(range(transactions.TRANSACTION_ATTEMPTS - 1))


def test_another_failure_of_a_transaction_is_unavailable(
    stubbed: tuple[InterviewRepository, Stubber],
) -> None:
    repository, stubber = stubbed
    stubber.add_client_error("transact_write_items", service_error_code="InternalServerError")
    with pytest.raises(RepositoryUnavailable):
        repository.create(FIRST)


def test_a_new_version_whose_key_is_taken_is_a_conflict(
    stubbed: tuple[InterviewRepository, Stubber],
) -> None:
    # Given another writer's version stored at the new version's timestamp
    repository, stubber = stubbed
    stubber.add_client_error("put_item", service_error_code="ConditionalCheckFailedException")
    # When a version is appended, Then it is the conflict, and nothing else is sent
    with pytest.raises(VersionConflict):
        repository.append_version(FIRST, SECOND)


def test_a_new_version_already_stored_by_a_lost_attempt_goes_on_to_the_summary(
    stubbed: tuple[InterviewRepository, Stubber],
) -> None:
    # Given a new version stored by an attempt whose answer was lost, so that botocore's retry
    # finds its key taken, by this very item
    repository, stubber = stubbed
    step = step_to_item(FIRST, SECOND)
    assert step is not None
    stored = checked_values(step)
    stubber.add_client_error(
        "put_item",
        service_error_code="ConditionalCheckFailedException",
        modeled_fields={"Item": stored},
    )
    # When the version is appended, Then the summary is put as after a first success
    stubber.add_response("put_item", {})
    repository.append_version(FIRST, SECOND)


def _new_version_stored(stubber: Stubber) -> None:
    stubber.add_response("put_item", {})


def _summary_shows(stubber: Stubber, summary: dict[str, Any]) -> None:
    """The summary's condition fails, DynamoDB returning the summary as it is."""
    stubber.add_client_error(
        "put_item",
        service_error_code="ConditionalCheckFailedException",
        modeled_fields={"Item": summary},
    )


def _new_version_deleted(stubber: Stubber) -> None:
    stubber.add_response("delete_item", {}, {"TableName": "TuCoachAi-test", "Key": SECOND_KEY})


def test_a_summary_that_moved_on_is_a_conflict_and_the_new_version_is_deleted(
    stubbed: tuple[InterviewRepository, Stubber],
) -> None:
    # Given a summary that shows another writer's version
    repository, stubber = stubbed
    _new_version_stored(stubber)
    _summary_shows(stubber, {"version": {"N": "2"}})
    _new_version_deleted(stubber)
    # When a version is appended to the first
    # Then it is the conflict, and the version it stored is deleted (the stubber checks it)
    with pytest.raises(VersionConflict):
        repository.append_version(FIRST, SECOND)


def test_a_summary_whose_write_failed_otherwise_keeps_the_new_version(
    stubbed: tuple[InterviewRepository, Stubber], caplog: pytest.LogCaptureFixture
) -> None:
    # Given a summary put that fails with an error that does not say it was not written (it
    # may have been, as after a timeout)
    repository, stubber = stubbed
    _new_version_stored(stubber)
    stubber.add_client_error("put_item", service_error_code="InternalServerError")
    # Then the caller is told to retry, and no delete of the new version is tried (the stubber
    # would refuse one, and the refusal would be logged): if the summary names it, it is the latest
    with caplog.at_level(logging.WARNING), pytest.raises(RepositoryUnavailable):
        repository.append_version(FIRST, SECOND)
    assert "could not delete" not in caplog.text


def test_a_summary_that_already_shows_the_new_version_is_success(
    stubbed: tuple[InterviewRepository, Stubber], caplog: pytest.LogCaptureFixture
) -> None:
    # Given a summary put carried out by an attempt whose answer was lost, so that botocore's
    # retry finds the summary showing the new version
    repository, stubber = stubbed
    _new_version_stored(stubber)
    _summary_shows(
        stubber, {"version": {"N": "2"}, "updated_at": {"S": format_timestamp(SECOND.updated_at)}}
    )
    # When the version is appended, Then it succeeded, and no delete was tried
    with caplog.at_level(logging.WARNING):
        repository.append_version(FIRST, SECOND)
    assert "could not delete" not in caplog.text


def test_a_lost_version_that_cannot_be_deleted_is_logged_and_the_conflict_stands(
    stubbed: tuple[InterviewRepository, Stubber], caplog: pytest.LogCaptureFixture
) -> None:
    # Given a lost append whose version item cannot be deleted either
    repository, stubber = stubbed
    _new_version_stored(stubber)
    _summary_shows(stubber, {"version": {"N": "2"}})
    stubber.add_client_error("delete_item", service_error_code="InternalServerError")
    # Then the caller still gets the conflict (reading never follows that item), and operators
    # see the item left behind
    with caplog.at_level(logging.WARNING), pytest.raises(VersionConflict):
        repository.append_version(FIRST, SECOND)
    assert "could not delete a version item" in caplog.text


def _two_versions_and_no_rating(stubber: Stubber) -> None:
    stubber.add_response("query", {**EMPTY_QUERY, "Items": [KEY, LATEST_KEY], "Count": 2})
    stubber.add_response("query", EMPTY_QUERY)


def _unprocessed(*keys: dict[str, Any]) -> dict[str, Any]:
    return {"UnprocessedItems": {"TuCoachAi-test": [{"DeleteRequest": {"Key": k}} for k in keys]}}


def test_unprocessed_deletes_are_sent_again_and_the_latest_version_goes_last(
    stubbed: tuple[InterviewRepository, Stubber], pauses: list[int]
) -> None:
    # Given a batch that DynamoDB leaves unprocessed once
    repository, stubber = stubbed
    _two_versions_and_no_rating(stubber)
    earlier = {"RequestItems": {"TuCoachAi-test": [{"DeleteRequest": {"Key": KEY}}]}}
    latest = {"RequestItems": {"TuCoachAi-test": [{"DeleteRequest": {"Key": LATEST_KEY}}]}}
    stubber.add_response("batch_write_item", _unprocessed(KEY), earlier)
    stubber.add_response("batch_write_item", {"UnprocessedItems": {}}, earlier)
    stubber.add_response("batch_write_item", {"UnprocessedItems": {}}, latest)
    # When the interview is deleted
    # Then the unprocessed delete is sent again, and the latest version is deleted on its own
    assert repository.delete("user-1", "interview-1") == 2
    assert pauses == [0]


def test_deletes_that_stay_unprocessed_are_unavailable(
    stubbed: tuple[InterviewRepository, Stubber], pauses: list[int]
) -> None:
    repository, stubber = stubbed
    _two_versions_and_no_rating(stubber)
    for _ in range(deletion.BATCH_ATTEMPTS):
        stubber.add_response("batch_write_item", _unprocessed(KEY))
    with pytest.raises(RepositoryUnavailable, match="busy"):
        repository.delete("user-1", "interview-1")
    assert len(pauses) == deletion.BATCH_ATTEMPTS - 1


class _AlwaysThrottling(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b'{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"slow"}'
        self.send_response(400)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the requests it counts, not the server's log."""


@pytest.fixture
def throttling_endpoint() -> Iterator[str]:
    """An endpoint that answers every request with DynamoDB's throttling error."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AlwaysThrottling)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_botocore_retries_a_throttled_request_as_many_times_as_configured(
    throttling_endpoint: str,
) -> None:
    # Given a database that throttles every request, and settings of two attempts per request
    settings = RepositorySettings(
        table_name="TuCoachAi-test",
        region="eu-west-1",
        endpoint_url=throttling_endpoint,
        max_attempts=2,
    )
    client = make_client(settings, _session())
    repository = InterviewRepository(settings, client=client)
    # When the latest version is read
    with counted_requests(client) as sent, pytest.raises(RepositoryUnavailable, match="busy"):
        repository.get_latest("user-1", "interview-1")
    # Then botocore sent the query twice before giving up
    assert sent == {"Query": 2}
