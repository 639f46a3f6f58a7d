"""Next tokens: where a list stopped, handed to the caller as opaque text.

A token is the base64url text of a compact JSON object: a fingerprint of the list it belongs to
(a hash of the list's partition key, so neither the owner's id nor any key name is in it) and
the position in that list, the fewest strings that rebuild the page's last key with what the
caller's own request says (the user, the interview). Reading one checks the fingerprint and the
position's shape, so a token of another user or another list, or any other text, is refused
before anything reaches DynamoDB.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

from tucoach_models import InterviewId, parse_timestamp
from tucoach_repository.attribute_values import AttributeValues
from tucoach_repository.errors import InvalidNextToken
from tucoach_repository.schema import (
    PARTITION_KEY,
    SORT_KEY,
    SUMMARY_SORT_KEY,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    USER_INTERVIEWS_SORT_KEY_FORMAT,
    interview_partition_key,
    user_interviews_partition_key,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

Key = Mapping[str, "AttributeValueTypeDef"]

# Positions are a few timestamps and an id; anything much longer is not a token of ours.
_MAX_TOKEN_LENGTH = 512
# The models' own rule for an interview id, so a token's id is held to what an interview has.
_INTERVIEW_ID: TypeAdapter[str] = TypeAdapter(InterviewId)


def version_history_token(partition_key: str, last: Key) -> str:
    """The token after `last`, a version of the interview stored under `partition_key`."""
    return _encode(partition_key, [_text(last, SORT_KEY)])


def version_history_start_key(token: str, partition_key: str) -> AttributeValues:
    """The key to go on from in one interview's version history."""
    (sort_key,) = _decode(token, partition_key, lengths={1})
    _require(_is_timestamp(sort_key))
    return _as_start_key({PARTITION_KEY: partition_key, SORT_KEY: sort_key})


def user_interviews_token(user_id: str, last: Key) -> str:
    """The token after `last`, an entry of the user's `user_interviews` index."""
    created_at, _, interview_id = _text(last, USER_INTERVIEWS_SORT_KEY).partition("#")
    sort_key = _text(last, SORT_KEY)
    # A summary item's sort key is a constant; the latest version of an interview stored before
    # summaries (migration) is its own timestamp, which the position must then carry.
    position = [created_at, interview_id] + ([] if sort_key == SUMMARY_SORT_KEY else [sort_key])
    return _encode(user_interviews_partition_key(user_id), position)


def user_interviews_start_key(token: str, user_id: str) -> AttributeValues:
    """The key to go on from in a user's list of interviews (on the `user_interviews` index)."""
    index_partition_key = user_interviews_partition_key(user_id)
    created_at, interview_id, *stored_before_summaries = _decode(
        token, index_partition_key, lengths={2, 3}
    )
    _require(
        _is_timestamp(created_at)
        and _is_interview_id(interview_id)
        and all(_is_timestamp(sort_key) for sort_key in stored_before_summaries)
    )
    return _as_start_key(
        {
            PARTITION_KEY: interview_partition_key(user_id, interview_id),
            SORT_KEY: stored_before_summaries[0] if stored_before_summaries else SUMMARY_SORT_KEY,
            USER_INTERVIEWS_PARTITION_KEY: index_partition_key,
            USER_INTERVIEWS_SORT_KEY: USER_INTERVIEWS_SORT_KEY_FORMAT.format(
                created_at=created_at, interview_id=interview_id
            ),
        }
    )


def _encode(list_partition_key: str, position: Sequence[str]) -> str:
    document = {"list": _fingerprint(list_partition_key), "after": list(position)}
    text = json.dumps(document, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def _decode(token: str, list_partition_key: str, *, lengths: set[int]) -> list[str]:
    _require(0 < len(token) <= _MAX_TOKEN_LENGTH)
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
        document = json.loads(text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidNextToken from None
    _require(
        isinstance(document, dict)
        and set(document) == {"list", "after"}
        and document["list"] == _fingerprint(list_partition_key)
        and isinstance(document["after"], list)
        and len(document["after"]) in lengths
        and all(isinstance(part, str) for part in document["after"])
    )
    return list(document["after"])


def _fingerprint(list_partition_key: str) -> str:
    # Tells lists apart without naming them: 64 bits of a hash of the list's partition key.
    return hashlib.sha256(list_partition_key.encode("utf-8")).hexdigest()[:16]


def _text(key: Key, name: str) -> str:
    return str(key[name]["S"])


def _as_start_key(key: Mapping[str, str]) -> AttributeValues:
    return {name: {"S": value} for name, value in key.items()}


def _is_interview_id(text: str) -> bool:
    try:
        _INTERVIEW_ID.validate_python(text)
    except ValidationError:
        return False
    return True


def _is_timestamp(text: str) -> bool:
    try:
        parse_timestamp(text)
    except ValueError:
        return False
    return True


def _require(condition: bool) -> None:
    if not condition:
        raise InvalidNextToken
