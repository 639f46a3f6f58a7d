"""Next tokens: where a list stopped, handed to the caller as opaque text.

A token is the base64url text of a compact JSON object of the page's last key (every key
attribute is a string, so only the strings are kept). Reading one checks its shape and that it
points into the caller's own list, so a token from another user or another list, or any other
text, is refused before anything reaches DynamoDB.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tucoach_models import parse_timestamp
from tucoach_repository.attribute_values import AttributeValues
from tucoach_repository.errors import InvalidNextToken
from tucoach_repository.schema import (
    PARTITION_KEY,
    SORT_KEY,
    SUMMARY_SORT_KEY,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    parse_interview_partition_key,
    user_interviews_partition_key,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

# Keys are a few hundred bytes; anything much longer is not a token of ours.
_MAX_TOKEN_LENGTH = 2_048


def encode_token(key: Mapping[str, AttributeValueTypeDef]) -> str:
    plain = {name: value["S"] for name, value in key.items()}
    text = json.dumps(plain, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def version_history_start_key(token: str, partition_key: str) -> AttributeValues:
    """The key to go on from in one interview's version history."""
    key = _decode(token, {PARTITION_KEY, SORT_KEY})
    _require(key[PARTITION_KEY] == partition_key and _is_timestamp(key[SORT_KEY]))
    return _as_start_key(key)


def user_interviews_start_key(token: str, user_id: str) -> AttributeValues:
    """The key to go on from in a user's list of interviews (on the `user_interviews` index)."""
    key = _decode(
        token, {PARTITION_KEY, SORT_KEY, USER_INTERVIEWS_PARTITION_KEY, USER_INTERVIEWS_SORT_KEY}
    )
    _require(key[USER_INTERVIEWS_PARTITION_KEY] == user_interviews_partition_key(user_id))
    try:
        owner, interview_id = parse_interview_partition_key(key[PARTITION_KEY])
    except ValueError:
        raise InvalidNextToken from None
    created_at, _, indexed_interview_id = key[USER_INTERVIEWS_SORT_KEY].partition("#")
    _require(
        owner == user_id
        and indexed_interview_id == interview_id
        and _is_timestamp(created_at)
        # A summary item, or the latest version of an interview stored before summaries.
        and (key[SORT_KEY] == SUMMARY_SORT_KEY or _is_timestamp(key[SORT_KEY]))
    )
    return _as_start_key(key)


def _decode(token: str, names: set[str]) -> dict[str, str]:
    _require(0 < len(token) <= _MAX_TOKEN_LENGTH)
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
        key = json.loads(text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidNextToken from None
    _require(
        isinstance(key, dict)
        and set(key) == names
        and all(isinstance(value, str) for value in key.values())
    )
    return dict(key)


def _as_start_key(key: Mapping[str, str]) -> AttributeValues:
    return {name: {"S": value} for name, value in key.items()}


def _is_timestamp(text: str) -> bool:
    try:
        parse_timestamp(text)
    except ValueError:
        return False
    return True


def _require(condition: bool) -> None:
    if not condition:
        raise InvalidNextToken
