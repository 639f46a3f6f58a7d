from __future__ import annotations

from decimal import Decimal
from typing import Any

from boto3.dynamodb.types import Binary, TypeDeserializer, TypeSerializer
from hypothesis import given
from hypothesis import strategies as st

from tucoach_repository.attribute_values import from_attribute_values, to_attribute_values

_scalars = st.one_of(
    st.text(),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=6, max_value=10**20, min_value=-(10**20)
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(Decimal),
    st.binary(min_size=1).map(Binary),
    st.booleans(),
    st.none(),
    st.frozensets(st.text(min_size=1), min_size=1).map(set),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(min_size=1), _values, max_size=6))
def test_an_item_reads_back_as_boto3_reads_it(item: dict[str, Any]) -> None:
    # Given any item as DynamoDB sends it
    values = to_attribute_values(item)
    # When it is read, then it is what boto3's own deserializer makes of it, types included
    read = from_attribute_values(values)
    expected = {name: TypeDeserializer().deserialize(value) for name, value in values.items()}
    assert read == expected == item
    assert _types(read) == _types(expected)


@given(st.dictionaries(st.text(min_size=1), _values, max_size=6))
def test_an_item_is_written_as_boto3_writes_it(item: dict[str, Any]) -> None:
    # Given any item, when it is put in DynamoDB's wire format
    # Then it is what boto3's own serializer makes of it
    assert to_attribute_values(item) == {
        name: TypeSerializer().serialize(value) for name, value in item.items()
    }


def _types(value: Any) -> Any:
    if isinstance(value, dict):
        return {name: _types(element) for name, element in value.items()}
    if isinstance(value, list):
        return [_types(element) for element in value]
    return type(value)
