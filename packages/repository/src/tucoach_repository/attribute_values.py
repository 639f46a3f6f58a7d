"""Items as plain Python values (what items.py maps) <-> DynamoDB's typed wire format."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

from tucoach_repository.items import Item

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

AttributeValues = dict[str, "AttributeValueTypeDef"]

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


def to_attribute_values(item: Item) -> AttributeValues:
    return {name: _serializer.serialize(value) for name, value in item.items()}


def from_attribute_values(values: Mapping[str, AttributeValueTypeDef]) -> Item:
    return {name: _deserializer.deserialize(value) for name, value in values.items()}
