"""An item's size as DynamoDB counts it against its 400 KB limit, checked before every write.

The rules are AWS's ("Item sizes and formats" in the DynamoDB developer guide): names and
strings count their UTF-8 bytes, binary its bytes, a number about one byte per two significant
digits plus one, a boolean or null one byte, a list or map three bytes plus one per element.
Numbers are over-counted (every digit counts as significant) so the estimate errs large.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tucoach_repository.attribute_values import AttributeValues, to_attribute_values
from tucoach_repository.errors import ItemTooLarge

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

    from tucoach_repository.items import Item

MAX_ITEM_SIZE = 400 * 1024
_CONTAINER_OVERHEAD = 3
_ELEMENT_OVERHEAD = 1


def item_size(values: Mapping[str, AttributeValueTypeDef]) -> int:
    return sum(_text_size(name) + _value_size(value) for name, value in values.items())


def checked_values(item: Item) -> AttributeValues:
    """The item in DynamoDB's wire format, refused with ItemTooLarge before anything is sent if
    it is over the limit: every write goes through here."""
    values = to_attribute_values(item)
    ensure_fits(values)
    return values


def ensure_fits(values: Mapping[str, AttributeValueTypeDef]) -> None:
    size = item_size(values)
    if size > MAX_ITEM_SIZE:
        raise ItemTooLarge(size, MAX_ITEM_SIZE)


def _value_size(value: Mapping[str, Any]) -> int:
    # Exactly one key is set in an attribute value; it names the type.
    [(kind, content)] = value.items()
    return _SIZE_OF_CONTENT[kind](content)


def _map_size(content: Mapping[str, Mapping[str, Any]]) -> int:
    return _CONTAINER_OVERHEAD + sum(
        _text_size(name) + _value_size(element) + _ELEMENT_OVERHEAD
        for name, element in content.items()
    )


def _list_size(content: Sequence[Mapping[str, Any]]) -> int:
    return _CONTAINER_OVERHEAD + sum(
        _value_size(element) + _ELEMENT_OVERHEAD for element in content
    )


def _text_size(text: str) -> int:
    return len(text.encode("utf-8"))


def _number_size(number: str) -> int:
    digits = sum(character.isdigit() for character in number)
    return (digits + 1) // 2 + 1


_SIZE_OF_CONTENT: dict[str, Callable[[Any], int]] = {
    "S": _text_size,
    "N": _number_size,
    "B": len,
    "SS": lambda texts: sum(map(_text_size, texts)),
    "NS": lambda numbers: sum(map(_number_size, numbers)),
    "BS": lambda blobs: sum(map(len, blobs)),
    "M": _map_size,
    "L": _list_size,
    "BOOL": lambda _: 1,
    "NULL": lambda _: 1,
}
