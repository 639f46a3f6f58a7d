"""What loading the function costs: its modules load neither the coach nor tracing it never uses,
no garbage collection runs while they load, and its models' annotations need no compiling."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel

import tucoach_coach
import tucoach_interviews
import tucoach_models
import tucoach_repository

# Prints the modules loaded by the handler's import, a line "--", then those loaded once it has
# answered a first GET /catalog (which reaches no AWS API).
LOADED_MODULES = """
import sys
import tucoach_interviews.handler as function
print('\\n'.join(sorted(sys.modules)), '--', sep='\\n')
from tucoach_interviews_testing import Api, LambdaContext
reply = function.lambda_handler(Api().event('GET', '/catalog'), LambdaContext())
assert reply['statusCode'] == 200, reply
print('\\n'.join(sorted(sys.modules)))
"""


# Prints the collections that ran while the handler's module loaded, whether the collector is
# on afterwards, and how many objects it was told to skip for good (frozen).
COLLECTIONS_WHILE_LOADING = """
import gc
# From empty generations: the few objects made before the pause begins trigger nothing.
gc.collect()
collections = []
gc.callbacks.append(lambda phase, info: phase == 'start' and collections.append(info))
import tucoach_interviews.handler
print(len(collections), gc.isenabled(), gc.get_freeze_count())
"""

# Prints whether two models have built their validators once the handler has answered a first
# GET /catalog with the offline engine (the default).
VALIDATORS_BUILT = """
import tucoach_interviews.handler as function
from tucoach_coach.openai_settings import OpenAICompatibleSettings
from tucoach_interviews_testing import Api, LambdaContext
from tucoach_models import Insights
assert function.lambda_handler(Api().event('GET', '/catalog'), LambdaContext())['statusCode'] == 200
print(OpenAICompatibleSettings.__pydantic_complete__, Insights.__pydantic_complete__)
"""


def _environment(task_root: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(sys.path),
        "TABLE_NAME": "TuCoachAi-test",
        "AWS_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        # As in Lambda: the Tracer is on, and patches what it traces.
        "LAMBDA_TASK_ROOT": str(task_root),
        "AWS_LAMBDA_FUNCTION_NAME": "tucoach-interviews-test",
        "POWERTOOLS_METRICS_DISABLED": "true",
    }


def _run(script: str, task_root: Path) -> str:
    completed = subprocess.run(  # noqa: S603 - our interpreter, our statement
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(task_root),
    )
    return completed.stdout


def _modules_loaded_by_the_handler(task_root: Path) -> tuple[set[str], set[str]]:
    """The modules loaded by the import, and by the import and a first request."""
    imported, _, served = _run(LOADED_MODULES, task_root).partition("--\n")
    return set(imported.split()), set(served.split())


def test_the_handler_loads_the_coach_and_the_tracer_at_the_first_request_not_with_its_modules(
    tmp_path: Path,
) -> None:
    # When the handler's module is loaded as Lambda loads it
    loaded, after_first_request = _modules_loaded_by_the_handler(tmp_path)
    # Then the coach's bank, scoring and engines are not (only the settings it validates)
    assert "tucoach_coach.openai_settings" in loaded
    assert (
        not {
            "tucoach_coach.bank",
            "tucoach_coach.interviewer",
            "tucoach_coach.rubric",
            "tucoach_coach.bedrock",
            "tucoach_coach.openai_compatible",
            "tomllib",
        }
        & loaded
    )
    # Nor the X-Ray SDK
    assert not {m for m in loaded if m.startswith("aws_xray_sdk")}
    # And after the first request, the coach is loaded and the X-Ray SDK patched botocore and
    # http.client, nothing else it knows
    assert "tucoach_coach.bank" in after_first_request
    # from its compiled bank: the TOML parser is for the compiler and the tests
    assert "tomllib" not in after_first_request
    patched = {
        m for m in after_first_request if m.startswith("aws_xray_sdk.ext.") and m.endswith(".patch")
    }
    assert patched == {"aws_xray_sdk.ext.botocore.patch", "aws_xray_sdk.ext.httplib.patch"}


def test_no_garbage_collection_runs_while_the_handler_loads_and_what_it_loaded_is_frozen(
    tmp_path: Path,
) -> None:
    # When the handler's module is loaded as Lambda loads it (its dependencies with it)
    # (its last line: the "cold start" log line comes before)
    collections, enabled, frozen = (
        _run(COLLECTIONS_WHILE_LOADING, tmp_path).splitlines()[-1].split()
    )
    # Then the collector never ran meanwhile (unpaused, it runs dozens of times)
    assert collections == "0"
    # And it is on again, skipping the objects loaded (the modules, classes, functions)
    assert enabled == "True"
    assert int(frozen) > 50_000


def test_after_a_first_catalog_request_the_models_it_did_not_need_have_no_validator(
    tmp_path: Path,
) -> None:
    # When the handler, with the offline engine, has loaded and answered a first GET /catalog
    openai_settings, insights = _run(VALIDATORS_BUILT, tmp_path).splitlines()[-1].split()
    # Then the OpenAI-compatible engine's settings and a report's insights (the default of
    # every report) are defined, but neither has built its validator
    assert openai_settings == "False"
    assert insights == "False"


# Every module of the function that defines pydantic models.
MODEL_MODULES = {
    "tucoach_models.base",
    "tucoach_models.feedback",
    "tucoach_models.idempotency",
    "tucoach_models.interview",
    "tucoach_models.page",
    "tucoach_models.rating",
    "tucoach_models.report",
    "tucoach_models.summary",
    "tucoach_repository.items",
    "tucoach_repository.settings",
    "tucoach_coach.bank",
    "tucoach_coach.bedrock",
    "tucoach_coach.openai_settings",
    "tucoach_coach.verdict",
    "tucoach_interviews.schemas",
    "tucoach_interviews.settings",
}


def _subclasses(model: type[BaseModel]) -> list[type[BaseModel]]:
    return [
        found for subclass in model.__subclasses__() for found in (subclass, *_subclasses(subclass))
    ]


def test_the_functions_models_hold_their_annotations_as_objects_not_text() -> None:
    # Given every module of the function's packages, loaded (tests aside)
    for package in (tucoach_models, tucoach_repository, tucoach_coach, tucoach_interviews):
        for module in pkgutil.walk_packages(
            package.__path__, f"{package.__name__}.", onerror=_raise
        ):
            if not module.name.endswith(("_test", ".conftest")):
                importlib.import_module(module.name)
    # When their pydantic models are listed
    models = [m for m in _subclasses(BaseModel) if m.__module__.startswith("tucoach_")]
    # Then every module known to define models is among their modules
    assert {m.__module__ for m in models} >= MODEL_MODULES
    # And none holds an annotation as text (as it would under `from __future__ import
    # annotations`): pydantic compiles each such annotation while the class is defined, about a
    # sixth of what the function's modules add to their dependencies' import
    as_text = {
        f"{m.__module__}.{m.__qualname__}.{name}"
        for m in models
        for name, annotation in inspect.get_annotations(m).items()
        if isinstance(annotation, str)
    }
    assert not as_text


def _raise(name: str) -> None:
    raise ImportError(f"{name} could not be imported")
