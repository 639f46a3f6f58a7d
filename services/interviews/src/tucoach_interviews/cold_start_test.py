"""What loading the function costs: its modules load neither the coach nor tracing it never uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def _modules_loaded_by_the_handler(task_root: Path) -> tuple[set[str], set[str]]:
    """The modules loaded by the import, and by the import and a first request."""
    environment = {
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
    completed = subprocess.run(  # noqa: S603 - our interpreter, our statement
        [sys.executable, "-c", LOADED_MODULES],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    imported, _, served = completed.stdout.partition("--\n")
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
    patched = {
        m for m in after_first_request if m.startswith("aws_xray_sdk.ext.") and m.endswith(".patch")
    }
    assert patched == {"aws_xray_sdk.ext.botocore.patch", "aws_xray_sdk.ext.httplib.patch"}
