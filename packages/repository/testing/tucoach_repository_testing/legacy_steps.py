"""An interview as tucoach-repository 0.3.0 stored it before steps had a preset dictionary, in
DynamoDB's wire format (legacy_steps.json, binary as base64, as the console exports it): version 1
whole, versions 2 and 3 as steps whose `step` is a plain zlib stream (level 9 over the compact
JSON, `0x78 0xda`...), and, last, version 3 stored whole to compare the fold with.

The steps are those 0.3.0's `step_to_item` wrote for `typical.interview("legacy-user",
"legacy-interview", 2, 150)`: its JSON, compressed as it compressed it. They never change: they
are what the table holds.
"""

from __future__ import annotations

import base64
import json
from importlib import resources
from typing import Any

from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.items import Item


def items() -> list[Item]:
    """The three version items, then version 3 whole, as the repository reads items."""
    text = (resources.files(__package__) / "legacy_steps.json").read_text(encoding="utf-8")
    return [from_attribute_values(_binary_decoded(item)) for item in json.loads(text)]


def _binary_decoded(value: Any) -> Any:
    # The wire format's binary is base64 text; botocore hands the repository bytes.
    if isinstance(value, dict):
        return {
            key: base64.b64decode(inner) if key == "B" else _binary_decoded(inner)
            for key, inner in value.items()
        }
    if isinstance(value, list):
        return [_binary_decoded(inner) for inner in value]
    return value
