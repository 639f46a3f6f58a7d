"""When what infra/ configures stops working: the checks behind lifecycle_test.py.

The table (infra/lifecycle.json) holds, for each Lambda runtime and Bedrock model we may
configure, the dates AWS publishes and the page they come from. A configured runtime or model is a
problem when it is not in the table, when a date that breaks it (deprecation, legacy, end of life)
is within HORIZON of today, or when its entry was last read from AWS more than RECHECK_EVERY ago:
an Active model has no end-of-life date until AWS moves it to Legacy (at least six months'
notice), so only reading the page again tells. `today` is a parameter, so a test can move it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TABLE = Path("infra/lifecycle.json")
HORIZON = timedelta(days=180)
RECHECK_EVERY = timedelta(days=90)

# The prefixes of geographic and global cross-Region inference profiles: the rest of the id is the
# foundation model's.
INFERENCE_PROFILE_PREFIXES = ("us", "eu", "apac", "jp", "au", "ca", "us-gov", "global")
RUNTIME_DATES = ("deprecation", "block_function_create", "block_function_update")
MODEL_DATES = ("legacy", "eol")


def load_table(path: Path = TABLE) -> dict[str, Any]:
    table: dict[str, Any] = json.loads(path.read_text())
    return table


def foundation_model_id(model_or_profile_id: str) -> str:
    """The model of a cross-Region inference profile id (eu.<model>, global.<model>), or the id."""
    prefix, _, rest = model_or_profile_id.partition(".")
    return rest if prefix in INFERENCE_PROFILE_PREFIXES and rest else model_or_profile_id


def runtime_problems(table: dict[str, Any], runtime: str, today: date) -> list[str]:
    entry = table["lambda_runtimes"].get(runtime)
    if entry is None:
        return [f"Lambda runtime {runtime} is not in {TABLE}: add its dates from AWS"]
    return _date_problems(f"Lambda runtime {runtime}", entry, RUNTIME_DATES, today)


def model_problems(table: dict[str, Any], model_or_profile_id: str, today: date) -> list[str]:
    model = foundation_model_id(model_or_profile_id)
    entry = table["bedrock_models"].get(model)
    subject = f"Bedrock model {model}"
    if entry is None:
        return [f"{subject} is not in {TABLE}: add its lifecycle from AWS"]
    problems = _date_problems(subject, entry, MODEL_DATES, today)
    if entry["status"] != "Active":
        # Legacy models refuse new customers: a fresh account could not call it at all.
        problems.append(f"{subject} is {entry['status']} on Bedrock ({entry['source']})")
    return problems


def _date_problems(
    subject: str, entry: dict[str, Any], fields: tuple[str, ...], today: date
) -> list[str]:
    problems = []
    for field in fields:
        if entry.get(field) is None:
            continue
        when = date.fromisoformat(entry[field])
        if when - today <= HORIZON:
            days = (when - today).days
            problems.append(
                f"{subject}: {field.replace('_', ' ')} on {when} ({days} days from {today}, "
                f"less than {HORIZON.days}; {entry['source']})"
            )
    checked = date.fromisoformat(entry["checked_on"])
    if today - checked > RECHECK_EVERY:
        problems.append(
            f"{subject}: last checked on {checked}, more than {RECHECK_EVERY.days} days ago; "
            f"read {entry['source']} again and update {TABLE}"
        )
    return problems
