"""What loading the function costs: its modules load neither the coach nor tracing it never uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LOADED_MODULES = "import sys, tucoach_interviews.handler; print('\\n'.join(sorted(sys.modules)))"


def _modules_loaded_by_the_handler(task_root: Path) -> set[str]:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(sys.path),
        "TABLE_NAME": "TuCoachAi-test",
        "AWS_REGION": "eu-west-1",
        # As in Lambda: the Tracer is on, and patches what it traces.
        "LAMBDA_TASK_ROOT": str(task_root),
        "AWS_LAMBDA_FUNCTION_NAME": "tucoach-interviews-test",
    }
    completed = subprocess.run(  # noqa: S603 - our interpreter, our statement
        [sys.executable, "-c", LOADED_MODULES],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    return set(completed.stdout.split())


def test_the_handler_loads_the_coach_at_the_first_request_not_with_its_modules(
    tmp_path: Path,
) -> None:
    # When the handler's module is loaded as Lambda loads it
    loaded = _modules_loaded_by_the_handler(tmp_path)
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
    # And the X-Ray SDK patched botocore and http.client, nothing else it knows
    patched = {m for m in loaded if m.startswith("aws_xray_sdk.ext.") and m.endswith(".patch")}
    assert patched == {"aws_xray_sdk.ext.botocore.patch", "aws_xray_sdk.ext.httplib.patch"}
