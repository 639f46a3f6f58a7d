from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tucoach_repository.errors import ItemTooLarge
from tucoach_repository.sizing import MAX_ITEM_SIZE, ensure_fits, item_size

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef


@pytest.mark.parametrize(
    ("values", "size"),
    [
        # names and strings count their UTF-8 bytes: "é" is 2, "😀" is 4, "中" is 3
        ({"name": {"S": "abc"}}, 4 + 3),
        ({"é": {"S": "😀中"}}, 2 + 7),
        # a number: one byte per two digits, rounded up, plus one
        ({"n": {"N": "12345"}}, 1 + 4),
        ({"n": {"N": "-0.5"}}, 1 + 2),
        ({"flag": {"BOOL": True}, "none": {"NULL": True}}, 4 + 1 + 4 + 1),
        ({"b": {"B": b"\x00\x01\x02"}}, 1 + 3),
        ({"ss": {"SS": ["ab", "c"]}, "ns": {"NS": ["1", "22"]}}, 2 + 3 + 2 + 2 + 2),
        ({"bs": {"BS": [b"ab", b"c"]}}, 2 + 3),
        # lists and maps: 3 bytes, plus 1 per element, plus the elements (and the map's names)
        ({"l": {"L": []}}, 1 + 3),
        ({"l": {"L": [{"S": "ab"}, {"BOOL": False}]}}, 1 + 3 + (2 + 1) + (1 + 1)),
        ({"m": {"M": {"k": {"S": "v"}}}}, 1 + 3 + (1 + 1 + 1)),
    ],
)
def test_sizes_follow_dynamodbs_rules(values: dict[str, AttributeValueTypeDef], size: int) -> None:
    assert item_size(values) == size


def test_an_item_of_exactly_the_limit_fits() -> None:
    # "s" (1 byte) plus the string: 400 KB in all
    ensure_fits({"s": {"S": "x" * (MAX_ITEM_SIZE - 1)}})


def test_an_item_one_byte_over_the_limit_is_refused_with_its_size() -> None:
    with pytest.raises(ItemTooLarge, match=r"409,601 bytes; at most 409,600") as raised:
        ensure_fits({"s": {"S": "x" * MAX_ITEM_SIZE}})
    assert raised.value.details == {"size": MAX_ITEM_SIZE + 1, "maximum": MAX_ITEM_SIZE}
