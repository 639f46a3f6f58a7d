"""Items as plain Python values (what items.py maps) <-> DynamoDB's typed wire format."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.types import DYNAMODB_CONTEXT, TypeDeserializer, TypeSerializer

from tucoach_repository.items import Item

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

AttributeValues = dict[str, "AttributeValueTypeDef"]

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


def to_attribute_values(item: Item) -> AttributeValues:
    return {name: _wire(value) for name, value in item.items()}


def from_attribute_values(values: Mapping[str, AttributeValueTypeDef]) -> Item:
    return {name: _plain(value) for name, value in values.items()}


def _plain(value: Mapping[str, Any]) -> Any:
    # Strings, numbers, lists and maps are nearly every value read (a version read at the 19th
    # answer holds some 280), so they are mapped here as boto3 maps them, without its dispatch
    # by name; the rest (binary, booleans, nulls, sets) by boto3 itself.
    [(kind, content)] = value.items()
    if kind == "S":
        return content
    if kind == "N":
        return DYNAMODB_CONTEXT.create_decimal(content)
    if kind == "L":
        return [_plain(element) for element in content]
    if kind == "M":
        return {name: _plain(element) for name, element in content.items()}
    return _deserializer.deserialize(value)  # type: ignore[arg-type]


def _wire(value: Any) -> Any:
    # Strings, lists and maps are most values written (a summary's question ids, a whole
    # version's questions), so they are mapped here as boto3 maps them, without its checks of
    # every other type first; the rest (numbers, binary, booleans, nulls, sets) by boto3 itself.
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, list | tuple):
        return {"L": [_wire(element) for element in value]}
    if isinstance(value, dict):
        return {"M": {name: _wire(element) for name, element in value.items()}}
    return _serializer.serialize(value)
