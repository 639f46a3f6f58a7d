"""Cold import from the built artifacts, with and without bytecode, printed, asserting nothing.

Run: ./pants package services/interviews: &&
     ./pants run services/interviews/tools/tucoach_interviews_tools/cold_import_bench.py
(optionally `-- 50` for the number of runs per case, 30 by default; `-- 30 DIR` also times the
handler of another build's dist/ in the same loop, e.g. the commit before a change; with
TUCOACH_BENCH_INSTRUCTIONS=1 and valgrind on PATH, also counts instructions: a few minutes more)

Unpacks dist/ as Lambda lays it out (the function at the task root, the layers under /opt) twice:
as built, and with every `__pycache__` removed. Each run is a fresh `python3.13 -I -S -B` that
imports, from those folders alone, either the dependency floor (boto3, pydantic, Powertools'
resolver, Logger, Metrics) or the handler module, in Lambda's environment (`LAMBDA_TASK_ROOT`
set: the X-Ray SDK would take its Lambda path). `-B` stands for Lambda's read-only /opt and
/var/task: without shipped bytecode, every cold start compiles again. A fifth case, with
bytecode, imports the handler and answers a first GET /catalog (which builds the service: the
coach and its bank load then, the Tracer is built, and the DynamoDB client is created; no request
is sent). The cases are interleaved so that a busy machine slows them alike; prints min and median
per case and the ratios, in wall time and in the process's CPU time.

Additions, printed beside the figures they qualify rather than instead of them:
- CPU time: on a shared machine, wall time includes the time a process waits for a core, which
  moves the ratios by 0.2-0.3 from run to run; the CPU time of the import is what it costs.
- A floor with pydantic's BaseModel: `import pydantic` (pydantic 2) loads a lazy namespace,
  pydantic-core and the version, but not BaseModel and its validators, which any user of
  pydantic loads (about a tenth of the floor). The handler / floor ratio is printed against both.
  Even this floor is low: the first model class defined loads `pydantic.fields`, and with it
  `pydantic.types` and `annotated_types`, and runs the model machinery for the first time, which
  the handler's figures count as its own. So another floor defines one model (its validator
  deferred, as the handler's are): the floor of any function that defines a pydantic model.
- A floor loaded as the handler loads it: the handler pauses the garbage collector while its
  modules load (dependencies included) and freezes what they built, so part of what it saves
  is the dependencies' own collections. The ratio to that floor is what our modules add.
- Instructions, optionally: the user-space instructions of the floor, the floors with `BaseModel`
  and with a model, and the handler (and another build's handler), counted by valgrind's
  callgrind, once each (they do not move with the machine's load; hash randomisation moves them
  by about 0.1%), less the interpreter's start with this script's own timing code. Time in the
  kernel (finding and reading the modules' files) and waiting on memory are not instructions, so
  this ratio is lower than the time ratios; it shows what a change does where the machine's noise
  (0.1-0.2 in the time ratios here) hides it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
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
# What any code using pydantic loads on top of `import pydantic` (see the module's docstring).
FLOOR_WITH_BASE_MODEL = FLOOR + "; from pydantic import BaseModel"
# ... and what defining a first model loads on top of that: one class, its validator deferred
# as the handler's are, so that nothing is built that the handler's import does not build.
FLOOR_WITH_A_MODEL = (
    FLOOR
    + "; from pydantic import BaseModel, ConfigDict\n"
    + "class Probe(BaseModel):\n"
    + "    model_config = ConfigDict(defer_build=True)\n"
    + "    value: int"
)
# The floor loaded as the handler loads it, with the garbage collector paused (see the module's
# docstring).
FLOOR_WITHOUT_COLLECTION = f"import gc; gc.disable(); {FLOOR}; gc.freeze(); gc.enable()"
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
start, cpu = time.perf_counter(), time.process_time()
{statement}
print(time.perf_counter() - start, time.process_time() - cpu)
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
    # As infra/lambda_interviews.tf sets it.
    "PYDANTIC_DISABLE_PLUGINS": "__all__",
}


def _unpack(dist: Path, destination: Path, *, bytecode: bool) -> tuple[Path, Path]:
    function, *layers = _artifacts(dist)
    layout = unpack_as_lambda(function, layers, destination)
    if not bytecode:
        for cache in sorted(destination.rglob("__pycache__")):
            shutil.rmtree(cache)
    return layout


def _run(
    interpreter: str, statement: str, layout: tuple[Path, Path], *, under: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    """`statement` in a fresh interpreter (run by the command `under`, if any)."""
    task_root, opt_python = layout
    completed = subprocess.run(  # noqa: S603 - our interpreter, our statement, valgrind
        [
            *under,
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
    return completed


def _import_seconds(
    interpreter: str, statement: str, layout: tuple[Path, Path]
) -> tuple[float, float]:
    """Wall and CPU seconds of `statement` in a fresh interpreter."""
    wall, cpu = _run(interpreter, statement, layout).stdout.split()[-2:]
    return float(wall), float(cpu)


def _instructions(
    valgrind: str, interpreter: str, statement: str, layout: tuple[Path, Path]
) -> int:
    """User-space instructions of a fresh interpreter running `statement` (its start included),
    counted by valgrind's callgrind."""
    callgrind = (valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null")
    stderr = _run(interpreter, statement, layout, under=callgrind).stderr
    collected = re.search(r"Collected : (\d+)", stderr)
    if collected is None:
        raise RuntimeError(f"valgrind printed no count for `{statement}`:\n{stderr[-3000:]}")
    return int(collected.group(1))


def _report_instructions(
    valgrind: str, interpreter: str, layouts: dict[str, tuple[Path, Path]], other: Path | None
) -> None:
    cases = [
        ("dependency floor", FLOOR, "built"),
        ("floor + pydantic's BaseModel", FLOOR_WITH_BASE_MODEL, "built"),
        ("floor + a pydantic model", FLOOR_WITH_A_MODEL, "built"),
        ("handler", HANDLER, "built"),
        *([(f"handler of {other}", HANDLER, "other")] if other else []),
    ]
    start = _instructions(valgrind, interpreter, "pass", layouts["built"])
    counts = {
        what: _instructions(valgrind, interpreter, statement, layouts[at]) - start
        for what, statement, at in cases
    }
    print("instructions (valgrind's callgrind, user space, the interpreter's start subtracted)")
    for what, count in counts.items():
        print(f"  {what:<50} {count / 1e6:7.1f} M")
    floor = counts["dependency floor"]
    for what, count in list(counts.items())[1:]:
        print(f"  {what} / floor: {count / floor:.3f}")
    for what in ("floor + pydantic's BaseModel", "floor + a pydantic model"):
        print(f"  handler / {what}: {counts['handler'] / counts[what]:.3f}")


Case = tuple[str, str, str]  # what, statement, layout
Samples = dict[str, list[tuple[float, float]]]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    # Another build's dist/ (e.g. the commit before a change), its handler timed in the same loop.
    other = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    missing = [
        str(path)
        for dist in (DIST, *([other] if other else []))
        for path in _artifacts(dist)
        if not path.is_file()
    ]
    if missing:
        sys.exit(f"missing {', '.join(missing)}: run ./pants package services/interviews: first")
    instructions = os.environ.get("TUCOACH_BENCH_INSTRUCTIONS") == "1"
    valgrind = shutil.which("valgrind") if instructions else None
    if instructions and valgrind is None:
        sys.exit("TUCOACH_BENCH_INSTRUCTIONS=1 needs valgrind on PATH")
    # The runtime's Python (the repository's interpreter constraint), outside any virtualenv.
    interpreter = str(
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    )
    cases: list[Case] = [
        ("dependency floor, with bytecode", FLOOR, "built"),
        ("floor + pydantic's BaseModel, with bytecode", FLOOR_WITH_BASE_MODEL, "built"),
        ("floor + a pydantic model, with bytecode", FLOOR_WITH_A_MODEL, "built"),
        ("floor, collector paused, with bytecode", FLOOR_WITHOUT_COLLECTION, "built"),
        ("handler, with bytecode", HANDLER, "built"),
        ("dependency floor, without bytecode", FLOOR, "no bytecode"),
        ("handler, without bytecode", HANDLER, "no bytecode"),
        ("handler + first GET /catalog, with bytecode", FIRST_REQUEST, "built"),
    ]
    if other:
        cases.append((f"handler of {other}, with bytecode", HANDLER, "other"))
    with tempfile.TemporaryDirectory() as scratch:
        layouts = {
            "built": _unpack(DIST, Path(scratch) / "built", bytecode=True),
            "no bytecode": _unpack(DIST, Path(scratch) / "no-bytecode", bytecode=False),
            **({"other": _unpack(other, Path(scratch) / "other", bytecode=True)} if other else {}),
        }
        samples: Samples = {what: [] for what, _, _ in cases}
        for _ in range(runs):
            for what, statement, layout in cases:
                samples[what].append(_import_seconds(interpreter, statement, layouts[layout]))
        print(
            f"cold import from dist/ ({runs} interleaved runs each, python{sys.version.split()[0]},"
            f" load average {os.getloadavg()[0]:.1f} at the end)"
        )
        _report(samples, other)
        if valgrind:
            _report_instructions(valgrind, interpreter, layouts, other)


def _artifacts(dist: Path) -> tuple[Path, ...]:
    return (
        dist / FUNCTION.relative_to(DIST),
        *(dist / layer.relative_to(DIST) for layer in LAYERS),
    )


def _report(samples: Samples, other: Path | None) -> None:
    # (min, median) per case, of wall time ("wall") and of CPU time ("cpu").
    summary = {
        what: {
            clock: (min(values), statistics.median(values))
            for clock, values in (("wall", [w for w, _ in pairs]), ("cpu", [c for _, c in pairs]))
        }
        for what, pairs in samples.items()
    }
    print(f"  {'':<50} {'wall min':>9} {'median':>7}   {'CPU min':>8} {'median':>7}")
    for what, clocks in summary.items():
        (wall_min, wall_median), (cpu_min, cpu_median) = clocks["wall"], clocks["cpu"]
        print(
            f"  {what:<50} {wall_min * 1000:6.0f} ms {wall_median * 1000:4.0f} ms"
            f"   {cpu_min * 1000:5.0f} ms {cpu_median * 1000:4.0f} ms"
        )

    def ratio(numerator: str, denominator: str) -> str:
        return "   ".join(
            f"{clock} min {summary[numerator][clock][0] / summary[denominator][clock][0]:.2f}"
            f" median {summary[numerator][clock][1] / summary[denominator][clock][1]:.2f}"
            for clock in ("wall", "cpu")
        )

    handler, floor = "handler, with bytecode", "dependency floor, with bytecode"
    first = "handler + first GET /catalog, with bytecode"
    print(f"  handler / floor, with bytecode:               {ratio(handler, floor)}")
    print(
        "  handler / floor + BaseModel, with bytecode:   "
        f"{ratio(handler, "floor + pydantic's BaseModel, with bytecode")}"
    )
    print(
        "  handler / floor + a model, with bytecode:     "
        f"{ratio(handler, 'floor + a pydantic model, with bytecode')}"
    )
    print(
        "  handler / floor, collector paused, bytecode:  "
        f"{ratio(handler, 'floor, collector paused, with bytecode')}"
    )
    print(
        "  handler / floor, without bytecode:            "
        f"{ratio('handler, without bytecode', 'dependency floor, without bytecode')}"
    )
    print(f"  handler + first GET /catalog / floor:         {ratio(first, floor)}")
    if other:
        print(f"  handler of {other} / floor: {ratio(f'handler of {other}, with bytecode', floor)}")
    for what in ("dependency floor", "handler"):
        without, with_ = summary[f"{what}, without bytecode"], summary[f"{what}, with bytecode"]
        print(
            f"  {what}: bytecode saves min {(without['wall'][0] - with_['wall'][0]) * 1000:.0f} ms"
            f" ({without['wall'][0] / with_['wall'][0]:.2f}x),"
            f" median {(without['wall'][1] - with_['wall'][1]) * 1000:.0f} ms"
        )
    print(
        "  first GET /catalog after the import: wall min"
        f" {(summary[first]['wall'][0] - summary[handler]['wall'][0]) * 1000:.0f} ms, median"
        f" {(summary[first]['wall'][1] - summary[handler]['wall'][1]) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
