"""Cold import from the built artifacts, with and without bytecode, printed, asserting nothing.

Run: ./pants package services/interviews: &&
     ./pants run services/interviews/tools/tucoach_interviews_tools/cold_import_bench.py
(optionally `-- 50` for the number of runs per case; 30 by default)

Unpacks dist/ as Lambda lays it out (the function at the task root, the layers under /opt) twice:
as built, and with every `__pycache__` removed. Each run is a fresh `python3.13 -I -S -B` that
imports, from those folders alone, either the dependency floor (boto3, pydantic, Powertools'
resolver, Logger, Metrics) or the handler module, in Lambda's environment (`LAMBDA_TASK_ROOT`
set: the Tracer is on and the X-Ray SDK takes its Lambda path). `-B` stands for Lambda's
read-only /opt and /var/task: without shipped bytecode, every cold start compiles again. A fifth
case, with bytecode, imports the handler and answers a first GET /catalog (which builds the
service: the coach and its bank load then, and the DynamoDB client is created; no request is
sent). The cases are interleaved so that a busy machine slows them alike; prints min and median
per case and the ratios.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tucoach_interviews_testing import Api, lambda_context_source
from tucoach_interviews_testing.artifacts import unpack_as_lambda

DIST = Path("dist")
FUNCTION = DIST / "functions" / "interviews.zip"
LAYERS = (DIST / "layers" / "tucoach-packages.zip", DIST / "layers" / "interviews-dependencies.zip")
RUNS = 30

FLOOR = (
    "import boto3, pydantic; "
    "from aws_lambda_powertools.event_handler import APIGatewayRestResolver; "
    "from aws_lambda_powertools import Logger, Metrics"
)
HANDLER = "import lambda_function"
# The first request after the import: GET /catalog builds the service but calls no AWS API.
FIRST_REQUEST = (
    HANDLER
    + "; assert lambda_function.handler(json.loads(sys.argv[3]), Context())['statusCode'] == 200"
)
CATALOG_EVENT = json.dumps(Api().event("GET", "/catalog"))
TIMED = (
    """
import json, sys, time
task_root, opt_python = sys.argv[1:3]
sys.path[:0] = [task_root, opt_python]
"""
    + lambda_context_source().replace("{", "{{").replace("}", "}}")
    + """
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""
)
# What the function sees on Lambda (LAMBDA_TASK_ROOT is added per layout), minus a table: the
# first request measured (GET /catalog) reaches none.
ENVIRONMENT = {
    "TABLE_NAME": "TuCoachAi-bench",
    "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_LAMBDA_FUNCTION_NAME": "tucoach-interviews-bench",
    "POWERTOOLS_SERVICE_NAME": "interviews",
    "POWERTOOLS_METRICS_DISABLED": "true",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
}


def _unpack(destination: Path, *, bytecode: bool) -> tuple[Path, Path]:
    layout = unpack_as_lambda(FUNCTION, LAYERS, destination)
    if not bytecode:
        for cache in sorted(destination.rglob("__pycache__")):
            shutil.rmtree(cache)
    return layout


def _import_seconds(interpreter: str, statement: str, layout: tuple[Path, Path]) -> float:
    task_root, opt_python = layout
    completed = subprocess.run(  # noqa: S603 - our interpreter, our statement
        [
            interpreter,
            "-I",
            "-S",
            "-B",
            "-c",
            TIMED.format(statement=statement),
            str(task_root),
            str(opt_python),
            CATALOG_EVENT,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LAMBDA_TASK_ROOT": str(task_root),
            **ENVIRONMENT,
        },
    )
    if completed.returncode != 0:
        raise RuntimeError(f"`{statement}` failed:\n{completed.stderr[-3000:]}")
    return float(completed.stdout.split()[-1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    missing = [str(path) for path in (FUNCTION, *LAYERS) if not path.is_file()]
    if missing:
        sys.exit(f"missing {', '.join(missing)}: run ./pants package services/interviews: first")
    # The runtime's Python (the repository's interpreter constraint), outside any virtualenv.
    interpreter = str(
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        layouts = {
            bytecode: _unpack(Path(scratch) / str(bytecode), bytecode=bytecode)
            for bytecode in (True, False)
        }
        cases = [
            (what, statement, bytecode)
            for bytecode in (True, False)
            for what, statement in (("dependency floor", FLOOR), ("handler", HANDLER))
        ]
        cases.append(("handler + first GET /catalog", FIRST_REQUEST, True))
        samples: dict[tuple[str, bool], list[float]] = {(w, b): [] for w, _, b in cases}
        for _ in range(runs):
            for what, statement, bytecode in cases:
                seconds = _import_seconds(interpreter, statement, layouts[bytecode])
                samples[what, bytecode].append(seconds)
    print(f"cold import from dist/ ({runs} interleaved runs each, python{sys.version.split()[0]})")
    summary = {key: (min(values), statistics.median(values)) for key, values in samples.items()}
    for (what, bytecode), (fastest, median) in summary.items():
        label = f"{what}, {'with' if bytecode else 'without'} bytecode"
        print(f"  {label:<44} min {fastest * 1000:6.0f} ms  median {median * 1000:6.0f} ms")
    for bytecode in (True, False):
        handler, floor = summary["handler", bytecode], summary["dependency floor", bytecode]
        print(
            f"  handler / floor, {'with' if bytecode else 'without'} bytecode:"
            f" min {handler[0] / floor[0]:.2f}  median"
            f" {handler[1] / floor[1]:.2f}"
        )
    first = summary["handler + first GET /catalog", True]
    handler, floor = summary["handler", True], summary["dependency floor", True]
    print(
        f"  first GET /catalog after the import, with bytecode: min"
        f" {(first[0] - handler[0]) * 1000:.0f} ms  median {(first[1] - handler[1]) * 1000:.0f} ms;"
        f" handler + first request / floor: min {first[0] / floor[0]:.2f}"
        f"  median {first[1] / floor[1]:.2f}"
    )
    for what in ("dependency floor", "handler"):
        without, with_ = summary[what, False], summary[what, True]
        print(
            f"  {what}: bytecode saves min {(without[0] - with_[0]) * 1000:.0f} ms"
            f" ({without[0] / with_[0]:.2f}x), median {(without[1] - with_[1]) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
