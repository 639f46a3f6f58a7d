"""The built layer, unpacked as Lambda unpacks it, imports and works with nothing else around."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

LAYER = Path("layers/tucoach-models.zip")

# Run in the unpacked layer by a bare interpreter: builds and reads back an interview item, which
# exercises pydantic's compiled core, so a wheel for the wrong platform fails here.
SMOKE = """
import sys
from datetime import UTC, datetime
sys.path.insert(0, sys.argv[1])
import tucoach_models as m
now = datetime.now(UTC)
interview = m.Interview(user_id="u", interview_id="i", role="devops", seniority="architect",
                        version=1, created_at=now, updated_at=now)
assert m.interview_from_item(m.interview_to_item(interview)) == interview
print(m.__file__)
"""


def _runtime_interpreter() -> str:
    """The base interpreter (not the test's virtualenv) of the Lambda runtime's version."""
    runtime = os.environ["LAMBDA_RUNTIME"]
    version = runtime.removeprefix("python")
    interpreter = Path(sys.base_prefix) / "bin" / f"python{version}"
    if f"{sys.version_info.major}.{sys.version_info.minor}" != version or not interpreter.exists():
        pytest.fail(f"tests must run on the Lambda runtime's Python {version}; got {sys.version}")
    return str(interpreter)


@pytest.fixture(scope="module")
def opt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Given the layer unpacked where Lambda puts layers
    opt = tmp_path_factory.mktemp("opt")
    with zipfile.ZipFile(LAYER) as layer:
        layer.extractall(opt)
    return opt


def test_everything_in_the_layer_is_under_python(opt: Path) -> None:
    assert [p.name for p in opt.iterdir()] == ["python"]


def test_the_layer_imports_in_an_isolated_interpreter(opt: Path) -> None:
    # When a bare interpreter of the runtime version (-I: no environment, no user site;
    # -S: no site-packages) imports the package from /opt/python alone
    python_dir = opt / "python"
    result = subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [_runtime_interpreter(), "-I", "-S", "-c", SMOKE, str(python_dir)],
        capture_output=True,
        text=True,
        check=False,
        cwd=opt,
    )
    # Then it imports from the layer and works
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(str(python_dir))


def test_the_layer_carries_the_runtime_dependencies_and_no_test_code(opt: Path) -> None:
    python_dir = opt / "python"
    top_level = {p.name for p in python_dir.iterdir()}
    assert {"tucoach_models", "pydantic", "pydantic_core"} <= top_level
    assert not {"hypothesis", "pytest", "moto"} & top_level
    shipped = {p.name for p in (python_dir / "tucoach_models").iterdir()}
    assert "strategies.py" not in shipped
    assert not [name for name in shipped if name.endswith("_test.py")]
