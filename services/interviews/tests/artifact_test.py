"""The built function and layers, laid out as Lambda lays them out, serve real events.

The function zip becomes the task root, the layers are unpacked into /opt (their python/ folder
is what Lambda puts on sys.path), and a bare interpreter of the runtime's version (-I -S: no
site-packages, no environment paths) imports `lambda_function.handler` from those alone and
answers API Gateway events against DynamoDB Local.

Both are read-only on Lambda, so the zips carry bytecode: every `.py` has its unchecked-hash
`.pyc`, and the imports compile nothing and write nothing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tucoach_coach.bank import COMPILED_BANK
from tucoach_coach.compiled_vocabulary import COMPILED_PHRASES, COMPILED_WORD_ORDER
from tucoach_interviews_testing import lambda_context_source
from tucoach_interviews_testing.artifacts import unpack_as_lambda
from tucoach_repository.dynamodb_local import REGION, local_client, local_settings
from tucoach_repository.tables import ensure_table

# A test module of its own folder (a conftest.py here would be a second top-level `conftest`
# module beside infra/tests' for mypy).
pytest_plugins = ["tucoach_repository_testing.fixtures"]

FUNCTION = Path("functions/interviews.zip")
LAYERS = (Path("layers/tucoach-packages.zip"), Path("layers/interviews-dependencies.zip"))
EVENT = Path("services/interviews/testing/tucoach_interviews_testing/events/rest_proxy_event.json")
TABLE = "TuCoachAi-artifact"

# Runs inside the bare interpreter: invokes the handler with each event, prints the results.
# The import system calls `source_to_code` only for a module it has no valid bytecode for.
INVOKE = (
    """
import json, sys
from importlib.machinery import SourceFileLoader
task_root, opt_python, events_file = sys.argv[1:4]
compiled_from_source = []
source_to_code = SourceFileLoader.source_to_code
def recording_source_to_code(self, data, path, **options):
    compiled_from_source.append(str(path))
    return source_to_code(self, data, path, **options)
SourceFileLoader.source_to_code = recording_source_to_code
sys.path[:0] = [task_root, opt_python]
import lambda_function
"""
    + lambda_context_source()
    + """
results = []
for event in json.load(open(events_file)):
    response = lambda_function.handler(event, Context())
    results.append({"status": response["statusCode"], "body": json.loads(response["body"])})
print(json.dumps({
"results": results,
"compiled_from_source": compiled_from_source,
"modules": sorted(
    name for name, module in sys.modules.items()
    if name.split(".")[0] in ("tucoach_models", "tucoach_coach", "tucoach_repository",
                              "tucoach_interviews", "pydantic", "boto3")
    and getattr(module, "__file__", None)
    and not (module.__file__.startswith(task_root) or module.__file__.startswith(opt_python))
), "loaded_by_source_loader": sorted({
    name.split(".")[0] for name, module in list(sys.modules.items())
    if (getattr(module, "__file__", None) or "").startswith((task_root, opt_python))
    and isinstance(getattr(module, "__loader__", None), SourceFileLoader)
})}))
"""
)
# The .pyc header's flags word (PEP 552): hash-based, source not checked.
UNCHECKED_HASH_FLAGS = (0b01).to_bytes(4, "little")


def _runtime_interpreter() -> str:
    version = os.environ["LAMBDA_RUNTIME"].removeprefix("python")
    interpreter = Path(sys.base_prefix) / "bin" / f"python{version}"
    if f"{sys.version_info.major}.{sys.version_info.minor}" != version or not interpreter.exists():
        pytest.fail(f"tests must run on the Lambda runtime's Python {version}; got {sys.version}")
    return str(interpreter)


def _event(method: str, path: str, body: Any = None, user: str | None = "artifact-user") -> Any:
    event = json.loads(EVENT.read_text())
    event.update(httpMethod=method, path=path, resource=path, pathParameters=None)
    event["requestContext"].update(httpMethod=method, resourcePath=path)
    event["body"] = None if body is None else json.dumps(body)
    event["headers"]["Content-Type"] = "application/json"
    if user is None:
        del event["requestContext"]["authorizer"]
    else:
        event["requestContext"]["authorizer"]["claims"]["sub"] = user
    return event


@pytest.fixture(scope="module")
def lambda_layout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return unpack_as_lambda(FUNCTION, LAYERS, tmp_path_factory.mktemp("lambda"))


def _files(*roots: Path) -> set[Path]:
    return {path for root in roots for path in root.rglob("*") if path.is_file()}


# Lambda quotas (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): a
# .zip uploaded directly (as Terraform's `filename` does) is at most 50 MB, and the function
# with all its layers at most 250 MB unzipped. The emulators enforce neither.
MAX_DIRECT_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024


def test_the_artifacts_fit_lambdas_size_quotas() -> None:
    # Given the function zip and its layers, as built
    artifacts = (FUNCTION, *LAYERS)
    # Then each can be uploaded directly, and together they unzip within the deployment quota
    for artifact in artifacts:
        assert artifact.stat().st_size <= MAX_DIRECT_UPLOAD_BYTES, artifact
    unzipped = sum(
        entry.file_size for artifact in artifacts for entry in zipfile.ZipFile(artifact).infolist()
    )
    assert unzipped <= MAX_UNZIPPED_BYTES, unzipped


def test_the_function_zip_holds_the_handler_code_only(lambda_layout: tuple[Path, Path]) -> None:
    task_root, _ = lambda_layout
    top_level = {p.name for p in task_root.iterdir()}
    assert top_level == {"lambda_function.py", "tucoach_interviews", "__pycache__"}
    assert FUNCTION.stat().st_size < 100_000


def test_every_module_in_the_artifacts_has_unchecked_hash_bytecode_for_the_runtime(
    lambda_layout: tuple[Path, Path],
) -> None:
    # Given the unpacked function and layers, and the runtime's interpreter running this test
    _runtime_interpreter()
    task_root, opt_python = lambda_layout
    sources = sorted(path for path in _files(task_root, opt_python) if path.suffix == ".py")
    assert len(sources) > 500  # the dependencies' modules are among them
    # When each source is looked up where the import system looks for its bytecode
    missing, stale = [], []
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        if not cached.is_file():
            missing.append(source)
            continue
        header = cached.read_bytes()[:16]
        source_hash = importlib.util.source_hash(source.read_bytes())
        if header != importlib.util.MAGIC_NUMBER + UNCHECKED_HASH_FLAGS + source_hash:
            stale.append(source)
    # Then every one has a .pyc of the runtime's magic number, unchecked, of that very source
    assert missing == []
    assert stale == []


def test_the_layers_hold_the_packages_and_their_dependencies_under_python(
    lambda_layout: tuple[Path, Path],
) -> None:
    _, opt_python = lambda_layout
    top_level = {p.name for p in opt_python.iterdir()}
    assert {"tucoach_models", "tucoach_coach", "tucoach_repository"} <= top_level
    assert {"pydantic", "boto3", "aws_lambda_powertools"} <= top_level
    assert not {"moto", "pytest", "hypothesis", "types_boto3", "joserfc"} & top_level
    # What the coach reads at run time: the bank, and what its first answer's vocabulary is
    # built from (a missing one would fail that answer, which no event here sends).
    for data in (COMPILED_BANK, COMPILED_PHRASES, COMPILED_WORD_ORDER):
        assert (opt_python / "tucoach_coach" / data).is_file(), data
    assert not list((opt_python / "tucoach_coach" / "bank").rglob("*.toml"))


def test_the_artifacts_answer_real_events_against_dynamodb_local(
    lambda_layout: tuple[Path, Path],
    dynamodb_local_endpoint: str,
    tmp_path: Path,
) -> None:
    # Given the table, and API Gateway events for the catalog, a new interview and a list
    ensure_table(local_client(local_settings(dynamodb_local_endpoint, TABLE)), TABLE)
    events = [
        _event("GET", "/catalog", user=None),
        _event("POST", "/interviews", {"role": "frontend", "seniority": "junior"}),
        _event("GET", "/interviews"),
        _event("GET", "/interviews"),
    ]
    events[3]["requestContext"].pop("authorizer")
    events_file = tmp_path / "events.json"
    events_file.write_text(json.dumps(events))
    task_root, opt_python = lambda_layout
    files_before = _files(task_root, opt_python)
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TABLE_NAME": TABLE,
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "DYNAMODB_ENDPOINT_URL": dynamodb_local_endpoint,
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_DISABLED": "true",
    }
    # When a bare interpreter of the runtime invokes the handler from the artifacts alone
    completed = subprocess.run(  # noqa: S603 - our interpreter, our script
        [
            _runtime_interpreter(),
            "-I",
            "-S",
            "-c",
            INVOKE,
            str(task_root),
            str(opt_python),
            str(events_file),
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    output = json.loads(completed.stdout.strip().splitlines()[-1])
    catalog, created, listed, anonymous = output["results"]
    # Then every module came from the artifacts' bytecode, nothing was written beside them
    assert output["modules"] == []
    assert output["compiled_from_source"] == []
    assert {
        "lambda_function",
        "tucoach_interviews",
        "tucoach_models",
        "tucoach_coach",
        "tucoach_repository",
        "boto3",
        "botocore",
        "pydantic",
        "aws_lambda_powertools",
    } <= set(output["loaded_by_source_loader"])
    assert _files(task_root, opt_python) == files_before
    # And each event got its answer
    assert catalog["status"] == 200
    assert len(catalog["body"]["cells"]) == 12
    assert created["status"] == 201
    assert created["body"]["current_question"]["question_id"].startswith("frontend-junior-")
    assert listed["status"] == 200
    assert [i["interview_id"] for i in listed["body"]["items"]] == [created["body"]["interview_id"]]
    assert anonymous["status"] == 401
