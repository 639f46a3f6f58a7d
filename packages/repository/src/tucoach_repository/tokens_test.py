from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING

import pytest

from tucoach_repository.errors import InvalidNextToken
from tucoach_repository.tokens import (
    encode_token,
    user_interviews_start_key,
    version_history_start_key,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

HISTORY_KEY = {"partition_key": "USER#u-1#INTERVIEW#i-1", "sort_key": "2026-11-30T12:00:00.000000Z"}
LIST_KEY = {
    "partition_key": "USER#u-1#INTERVIEW#i-1",
    "sort_key": "2026-11-30T12:05:00.000000Z",
    "gsi1_partition_key": "USER#u-1",
    "gsi1_sort_key": "2026-11-30T12:00:00.000000Z#i-1",
}


def _token_of(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).decode().rstrip("=")


def _typed(key: dict[str, str]) -> dict[str, AttributeValueTypeDef]:
    return {name: {"S": value} for name, value in key.items()}


def test_a_history_token_reads_back_as_the_key_it_was_made_of() -> None:
    token = encode_token(_typed(HISTORY_KEY))
    assert version_history_start_key(token, "USER#u-1#INTERVIEW#i-1") == _typed(HISTORY_KEY)


@pytest.mark.parametrize(
    "key",
    [{**LIST_KEY, "sort_key": "SUMMARY"}, LIST_KEY],
    ids=["a summary item", "the latest version of an interview stored before summaries"],
)
def test_a_list_token_reads_back_as_the_key_it_was_made_of(key: dict[str, str]) -> None:
    token = encode_token(_typed(key))
    assert user_interviews_start_key(token, "u-1") == _typed(key)


def test_a_token_is_url_safe_text_without_padding() -> None:
    token = encode_token(_typed(LIST_KEY))
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not base64 at all!",
        "a" * 3000,
        _token_of("just a string"),
        _token_of([HISTORY_KEY]),
        _token_of({**HISTORY_KEY, "extra": "x"}),
        _token_of({"partition_key": HISTORY_KEY["partition_key"]}),
        _token_of({**HISTORY_KEY, "sort_key": 42}),
        _token_of({**HISTORY_KEY, "sort_key": "yesterday"}),
        _token_of({**HISTORY_KEY, "partition_key": "USER#u-2#INTERVIEW#i-1"}),
        _token_of({**HISTORY_KEY, "partition_key": "USER#u-1#INTERVIEW#i-2"}),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_anything_but_a_token_of_this_history_is_refused(token: str) -> None:
    with pytest.raises(InvalidNextToken, match="not valid for this list"):
        version_history_start_key(token, "USER#u-1#INTERVIEW#i-1")


@pytest.mark.parametrize(
    "key",
    [
        HISTORY_KEY,
        {**LIST_KEY, "gsi1_partition_key": "USER#u-2"},
        {**LIST_KEY, "partition_key": "USER#u-2#INTERVIEW#i-1"},
        {**LIST_KEY, "partition_key": "USER#u-1#RATING#i-1"},
        {**LIST_KEY, "gsi1_sort_key": "2026-11-30T12:00:00.000000Z#i-2"},
        {**LIST_KEY, "gsi1_sort_key": "yesterday#i-1"},
        {**LIST_KEY, "sort_key": "yesterday"},
        {**LIST_KEY, "sort_key": "IDEMPOTENCY#key-0001"},
    ],
)
def test_a_key_that_is_not_in_this_users_list_is_refused(key: dict[str, str]) -> None:
    with pytest.raises(InvalidNextToken):
        user_interviews_start_key(_token_of(key), "u-1")
