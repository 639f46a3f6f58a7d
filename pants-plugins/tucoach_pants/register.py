"""Pants plugin of this repository: what Pants 2.17 lacks and later releases have."""

from __future__ import annotations

from typing import Iterable

from pants.engine.rules import Rule
from pants.engine.target import Target
from pants.engine.unions import UnionRule

from tucoach_pants import lambda_function, lambda_layer, ruff


def target_types() -> Iterable[type[Target]]:
    return [lambda_function.PythonAwsLambdaFunction, lambda_layer.PythonAwsLambdaLayer]


def rules() -> Iterable[Rule | UnionRule]:
    return [*lambda_function.rules(), *lambda_layer.rules(), *ruff.rules()]
