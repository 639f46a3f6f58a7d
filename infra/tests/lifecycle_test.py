"""The configured Lambda runtime and every configured Bedrock model must work for 180 more days.

The dates are in infra/lifecycle.json (with their sources); the checks in lifecycle.py. The first
tests read what is configured (the build's LAMBDA_RUNTIME, and each environment's plan: the
variables' defaults and its tfvars) against today; the rest move `today` or the table to show that
the checks do fail.
"""

from __future__ import annotations

import copy
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from lifecycle import (
    HORIZON,
    foundation_model_id,
    load_table,
    model_problems,
    runtime_problems,
)
from terraform_plan import ENVIRONMENTS, Plan

TODAY = date.today()
CONFIGURED_MODEL_VARIABLES = ("bedrock_inference_profile_id",)


def _configured(plan: Plan, variable: str) -> set[str]:
    """A variable's value in this environment's plan and its default in variables.tf."""
    default = plan.raw["configuration"]["root_module"]["variables"][variable].get("default")
    values = {plan.raw["variables"][variable]["value"], default}
    return {value for value in values if value}


def test_every_environment_is_planned_so_its_settings_are_checked() -> None:
    tfvars = {
        path.name.removesuffix(".tfvars") for path in Path("infra/environments").glob("*.tfvars")
    }
    assert tfvars == set(ENVIRONMENTS)  # each is planned, so its settings are checked


def test_the_builds_runtime_is_supported_for_180_days() -> None:
    # LAMBDA_RUNTIME is pants-plugins/macros.py's: the runtime the artifacts are built for
    assert runtime_problems(load_table(), os.environ["LAMBDA_RUNTIME"], TODAY) == []


def test_the_configured_runtime_is_supported_for_180_days(plan: Plan) -> None:
    table = load_table()
    problems = [
        problem
        for runtime in _configured(plan, "lambda_runtime")
        for problem in runtime_problems(table, runtime, TODAY)
    ]
    assert problems == []


def test_every_configured_model_is_active_for_180_days(plan: Plan) -> None:
    table = load_table()
    models = {value for name in CONFIGURED_MODEL_VARIABLES for value in _configured(plan, name)}
    assert models  # the default at least

    problems = [problem for model in models for problem in model_problems(table, model, TODAY)]
    assert problems == []


def test_every_entry_names_the_aws_page_it_comes_from() -> None:
    table = load_table()
    entries = [*table["lambda_runtimes"].values(), *table["bedrock_models"].values()]
    for entry in entries:
        assert entry["source"].startswith("https://docs.aws.amazon.com/")
        date.fromisoformat(entry["checked_on"])


# --- the checks fail when they should -----------------------------------------------------


def _runtime(deprecation: date, checked_on: date) -> dict[str, Any]:
    return {
        "lambda_runtimes": {
            "python3.99": {
                "deprecation": deprecation.isoformat(),
                "block_function_create": (deprecation + timedelta(days=31)).isoformat(),
                "block_function_update": (deprecation + timedelta(days=62)).isoformat(),
                "source": "https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html",
                "checked_on": checked_on.isoformat(),
            }
        },
        "bedrock_models": {},
    }


def _model(status: str, eol: date | None, checked_on: date) -> dict[str, Any]:
    return {
        "lambda_runtimes": {},
        "bedrock_models": {
            "vendor.model-v1:0": {
                "status": status,
                "legacy": None,
                "eol": eol.isoformat() if eol else None,
                "source": "https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html",
                "checked_on": checked_on.isoformat(),
            }
        },
    }


@pytest.mark.parametrize(
    ("days_to_deprecation", "fails"),
    [(365, False), (181, False), (180, True), (30, True), (0, True), (-10, True)],
)
def test_a_runtime_fails_once_its_deprecation_is_within_180_days(
    days_to_deprecation: int, fails: bool
) -> None:
    today = date(2026, 12, 2)
    table = _runtime(today + timedelta(days=days_to_deprecation), checked_on=today)

    problems = runtime_problems(table, "python3.99", today)

    assert bool(problems) is fails, problems


def test_moving_todays_date_makes_the_real_runtime_fail() -> None:
    # Given the committed table and the runtime the build uses
    table = load_table()
    runtime = os.environ["LAMBDA_RUNTIME"]
    deprecation = date.fromisoformat(table["lambda_runtimes"][runtime]["deprecation"])

    # When today is 179 days before its deprecation (and the entry freshly checked)
    today = deprecation - timedelta(days=179)
    table["lambda_runtimes"][runtime]["checked_on"] = today.isoformat()

    # Then the check names the runtime and the date
    (problem,) = runtime_problems(table, runtime, today)
    assert runtime in problem
    assert str(deprecation) in problem


def test_a_real_model_fails_when_its_eol_date_is_moved_inside_180_days() -> None:
    table = copy.deepcopy(load_table())
    model = foundation_model_id("eu.anthropic.claude-haiku-4-5-20251001-v1:0")
    today = date.fromisoformat(table["bedrock_models"][model]["checked_on"])
    assert model_problems(table, model, today) == []

    table["bedrock_models"][model]["eol"] = (today + HORIZON - timedelta(days=1)).isoformat()

    assert model_problems(table, model, today)


@pytest.mark.parametrize(
    ("status", "days_to_eol", "days_since_checked", "fails"),
    [
        ("Active", None, 0, False),
        ("Active", 400, 89, False),
        ("Active", None, 91, True),  # not read from AWS for three months: maybe Legacy by now
        ("Active", 180, 0, True),
        ("Legacy", 300, 0, True),  # Legacy models refuse new customers
        ("EOL", -1, 0, True),
    ],
)
def test_a_model_fails_when_retiring_unknown_to_new_customers_or_not_rechecked(
    status: str, days_to_eol: int | None, days_since_checked: int, fails: bool
) -> None:
    today = date(2026, 12, 2)
    eol = today + timedelta(days=days_to_eol) if days_to_eol is not None else None
    table = _model(status, eol, checked_on=today - timedelta(days=days_since_checked))

    problems = model_problems(table, "eu.vendor.model-v1:0", today)

    assert bool(problems) is fails, problems


@pytest.mark.parametrize("configured", ["python3.11", "anthropic.claude-3-haiku-20240307-v1:0"])
def test_what_is_not_in_the_table_fails(configured: str) -> None:
    table = load_table()
    problems = (
        runtime_problems(table, configured, TODAY)
        if configured.startswith("python")
        else model_problems(table, configured, TODAY)
    )
    assert problems
    assert "is not in" in problems[0]


def test_an_inference_profile_is_checked_as_its_foundation_model() -> None:
    assert foundation_model_id("eu.anthropic.claude-haiku-4-5-20251001-v1:0") == (
        "anthropic.claude-haiku-4-5-20251001-v1:0"
    )
    assert foundation_model_id("global.amazon.nova-2-lite-v1:0") == "amazon.nova-2-lite-v1:0"
    assert foundation_model_id("amazon.nova-micro-v1:0") == "amazon.nova-micro-v1:0"
