"""The package's public names, each loaded from its module at first use."""

from __future__ import annotations

import pytest

import tucoach_coach
from tucoach_coach import _MODULES


def test_every_public_name_comes_from_the_module_it_is_listed_under() -> None:
    assert sorted(tucoach_coach.__all__) == sorted(_MODULES)
    for name in tucoach_coach.__all__:
        assert getattr(tucoach_coach, name).__module__ == f"tucoach_coach.{_MODULES[name]}"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = tucoach_coach.no_such_name
