from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING

import pytest

from tucoach_repository.errors import InvalidNextToken
from tucoach_repository.tokens import (
    user_interviews_start_key,
    user_interviews_token,
    version_history_start_key,
    version_history_token,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

HISTORY = "USER#u-1#INTERVIEW#i-1"
HISTORY_KEY = {"partition_key": HISTORY, "sort_key": "2026-11-30T12:00:00.000000Z"}
LIST_KEY = {
    "partition_key": "USER#u-1#INTERVIEW#i-1",
    "sort_key": "SUMMARY",
    "gsi1_partition_key": "USER#u-1",
    "gsi1_sort_key": "2026-11-30T12:00:00.000000Z#i-1",
}
# The latest version of an interview stored before summaries carried the index keys itself.
LIST_KEY_BEFORE_SUMMARIES = {**LIST_KEY, "sort_key": "2026-11-30T12:05:00.000000Z"}


def _typed(key: dict[str, str]) -> dict[str, AttributeValueTypeDef]:
    return {name: {"S": value} for name, value in key.items()}


def _plain(token: str) -> str:
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()


def _token_of(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).decode().rstrip("=")


def _with(token: str, **changes: object) -> str:
    return _token_of({**json.loads(_plain(token)), **changes})


def test_a_history_token_reads_back_as_the_key_it_was_made_of() -> None:
    token = version_history_token(HISTORY, _typed(HISTORY_KEY))
    assert version_history_start_key(token, HISTORY) == _typed(HISTORY_KEY)


@pytest.mark.parametrize(
    "key", [LIST_KEY, LIST_KEY_BEFORE_SUMMARIES], ids=["a summary item", "an older interview"]
)
def test_a_list_token_reads_back_as_the_key_it_was_made_of(key: dict[str, str]) -> None:
    token = user_interviews_token("u-1", _typed(key))
    assert user_interviews_start_key(token, "u-1") == _typed(key)


@pytest.mark.parametrize(
    "token",
    [
        version_history_token(HISTORY, _typed(HISTORY_KEY)),
        user_interviews_token("u-1", _typed(LIST_KEY)),
    ],
    ids=["history", "list"],
)
def test_a_token_is_url_safe_and_names_no_user_and_no_key(token: str) -> None:
    # Given a token, When its text is decoded, Then it holds a position only
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    plain = _plain(token)
    assert not any(internal in plain for internal in ("u-1", "USER", "partition", "sort", "gsi"))


def test_a_token_of_another_interviews_history_is_refused() -> None:
    token = version_history_token("USER#u-1#INTERVIEW#i-2", _typed(HISTORY_KEY))
    with pytest.raises(InvalidNextToken, match="not valid for this list"):
        version_history_start_key(token, HISTORY)


def test_a_token_of_another_users_list_is_refused() -> None:
    token = user_interviews_token("u-2", _typed(LIST_KEY))
    with pytest.raises(InvalidNextToken):
        user_interviews_start_key(token, "u-1")


HISTORY_TOKEN = version_history_token(HISTORY, _typed(HISTORY_KEY))


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not base64 at all!",
        "a" * 3000,
        _token_of("just a string"),
        _token_of([HISTORY_KEY]),
        _token_of(HISTORY_KEY),
        _with(HISTORY_TOKEN, extra="x"),
        _with(HISTORY_TOKEN, after=[]),
        _with(HISTORY_TOKEN, after=[42]),
        _with(HISTORY_TOKEN, after=["yesterday"]),
        _with(HISTORY_TOKEN, after="2026-11-30T12:00:00.000000Z"),
        _with(HISTORY_TOKEN, list="0000000000000000"),
        user_interviews_token("u-1", _typed(LIST_KEY)),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_anything_but_a_token_of_this_history_is_refused(token: str) -> None:
    with pytest.raises(InvalidNextToken, match="not valid for this list"):
        version_history_start_key(token, HISTORY)


LIST_TOKEN = user_interviews_token("u-1", _typed(LIST_KEY))


@pytest.mark.parametrize(
    "token",
    [
        HISTORY_TOKEN,
        _with(LIST_TOKEN, after=["yesterday", "i-1"]),
        _with(LIST_TOKEN, after=["2026-11-30T12:00:00.000000Z", "i#1"]),
        _with(LIST_TOKEN, after=["2026-11-30T12:00:00.000000Z", ""]),
        # An id that ends in a line break (a `$` in a copied pattern would let it through)
        _with(LIST_TOKEN, after=["2026-11-30T12:00:00.000000Z", "i-1\n"]),
        _with(LIST_TOKEN, after=["2026-11-30T12:00:00.000000Z", "i-1", "IDEMPOTENCY#key-0001"]),
        _with(LIST_TOKEN, after=["2026-11-30T12:00:00.000000Z", "i-1", "a", "b"]),
    ],
)
def test_a_position_that_is_not_in_this_users_list_is_refused(token: str) -> None:
    with pytest.raises(InvalidNextToken):
        user_interviews_start_key(token, "u-1")
