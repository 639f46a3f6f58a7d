"""Every artifact we ship holds shipped modules only: no test, test support, tool or benchmark.

What ships is told apart by folder (docs/design.md): `src/<module>/` ships, while the tests beside
its modules (`*_test.py`, `conftest.py`), test support (`testing/<module>_testing/`) and tools and
benchmarks (`tools/<module>_tools/`) do not. This reads the built artifacts themselves, so a BUILD
change that lets any of those in fails here, whichever target let it in.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import pytest

# Each artifact (as `runtime_package_dependencies` lays it out here), the folder inside it that
# is on sys.path at run time, and the top-level modules of ours it must hold: no more, no less.
ARTIFACTS = {
    "functions/interviews.zip": ("", {"lambda_function", "tucoach_interviews"}),
    "layers/tucoach-packages.zip": (
        "python",
        {"tucoach_models", "tucoach_coach", "tucoach_repository"},
    ),
    "layers/interviews-dependencies.zip": ("python", set()),
    "local/tucoach-local.pex": (
        "",
        {
            "tucoach_local",
            "tucoach_interviews",
            "tucoach_models",
            "tucoach_coach",
            "tucoach_repository",
        },
    ),
    "tucoach_models-*.whl": ("", {"tucoach_models"}),
    "tucoach_coach-*.whl": ("", {"tucoach_coach"}),
    "tucoach_repository-*.whl": ("", {"tucoach_repository"}),
    "tucoach_interviews-*.whl": ("", {"tucoach_interviews"}),
}

NOT_SHIPPED_FOLDERS = ("tests", "testing", "tools")
NOT_SHIPPED_FOLDER_SUFFIXES = ("_testing", "_tools")


def is_test_or_bench(module: PurePosixPath) -> bool:
    """A test or its fixtures, test support, a tool or a benchmark, by the layout's names. Works
    on bytecode too: `__pycache__/x_test.cpython-313.pyc` is the module `x_test`."""
    name = module.name.split(".")[0]
    return (
        name == "conftest"
        or name.startswith("test_")
        or name.endswith(("_test", "_bench"))
        or name == "bench"
        or any(
            folder in NOT_SHIPPED_FOLDERS or folder.endswith(NOT_SHIPPED_FOLDER_SUFFIXES)
            for folder in module.parts[:-1]
        )
    )


def _our_modules(artifact: Path, import_root: str) -> list[PurePosixPath]:
    """The artifact's Python modules and bytecode of ours (`tucoach_*`, the function's entry
    point), relative to the folder on sys.path; third-party distributions are not ours."""
    modules = []
    with zipfile.ZipFile(artifact) as archive:
        for name in archive.namelist():
            path = PurePosixPath(name)
            if import_root:
                if path.parts[:1] != (import_root,):
                    continue
                path = path.relative_to(import_root)
            if path.suffix not in (".py", ".pyc") or not path.parts:
                continue
            top = path.parts[0].split(".")[0]
            if top.startswith("tucoach") or top == "lambda_function":
                modules.append(path)
    return modules


def _artifact(pattern: str) -> Path:
    matches = sorted(Path().glob(pattern))
    assert len(matches) == 1, f"expected one artifact {pattern}, found {matches}"
    return matches[0]


@pytest.mark.parametrize("pattern", ARTIFACTS)
def test_the_artifact_holds_our_shipped_modules_and_nothing_of_the_tests(pattern: str) -> None:
    # Given a built artifact and the modules of ours inside it
    import_root, expected_top_level = ARTIFACTS[pattern]
    modules = _our_modules(_artifact(pattern), import_root)
    # Then they are the packages it ships, and no test, test support, tool or benchmark
    assert {module.parts[0].split(".")[0] for module in modules} == expected_top_level
    assert [str(module) for module in modules if is_test_or_bench(module)] == []


# The preset dictionaries stored steps are read with (tucoach_repository/step_codec.py): a
# resource, not a module, so the check above does not see it. It ships wherever the repository
# package does; the function takes the repository from the packages layer.
STEP_DICTIONARY = PurePosixPath("tucoach_repository/step_dictionaries/1.zdict")


@pytest.mark.parametrize("pattern", ARTIFACTS)
def test_the_step_dictionary_ships_with_the_repository_package(pattern: str) -> None:
    # Given a built artifact
    import_root, expected_top_level = ARTIFACTS[pattern]
    with zipfile.ZipFile(_artifact(pattern)) as archive:
        names = set(archive.namelist())
    # Then it holds the step dictionary exactly when it holds the repository package
    path = (
        str(PurePosixPath(import_root) / STEP_DICTIONARY) if import_root else str(STEP_DICTIONARY)
    )
    assert (path in names) == ("tucoach_repository" in expected_top_level)


@pytest.mark.parametrize(
    "module",
    [
        "tucoach_local/server_test.py",
        "tucoach_local/conftest.py",
        "tucoach_interviews/__pycache__/handler_test.cpython-313.pyc",
        "tucoach_coach/test_rubric.py",
        "tucoach_coach_tools/evaluate.py",
        "tucoach_coach/bench.py",
        "tucoach_interviews/cold_import_bench.py",
        "tucoach_local_testing/client.py",
        "tucoach_models/testing/strategies.py",
        "tucoach_repository/tests/items.py",
    ],
)
def test_tests_support_tools_and_benchmarks_are_recognised(module: str) -> None:
    assert is_test_or_bench(PurePosixPath(module))


@pytest.mark.parametrize(
    "module",
    [
        "lambda_function.py",
        "tucoach_interviews/handler.py",
        "tucoach_interviews/__pycache__/handler.cpython-313.pyc",
        "tucoach_coach/rubric.py",
        "tucoach_coach/bank.py",
        "tucoach_local/cli.py",
        "tucoach_repository/dynamodb_local/__init__.py",
    ],
)
def test_shipped_modules_are_not_taken_for_tests(module: str) -> None:
    assert not is_test_or_bench(PurePosixPath(module))
