from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tucoach_repository.dynamodb_local import (
    DynamoDBLocalMissing,
    Installation,
    find_installation,
    running,
)


@pytest.fixture
def jar_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dynamodb-local"
    folder.mkdir()
    (folder / "DynamoDBLocal.jar").touch()
    return folder


def _executable(path: Path, script: str) -> Path:
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_jar_folder_and_java_home_are_found(jar_folder: Path, tmp_path: Path) -> None:
    (tmp_path / "jdk" / "bin").mkdir(parents=True)
    java = _executable(tmp_path / "jdk" / "bin" / "java", "")
    environ = {"DYNAMODB_LOCAL_DIR": str(jar_folder), "JAVA_HOME": str(tmp_path / "jdk")}
    assert find_installation(environ) == Installation(jar_folder, java)


def test_java_is_found_on_the_path_without_java_home(jar_folder: Path, tmp_path: Path) -> None:
    java = _executable(tmp_path / "java", "")
    environ = {"DYNAMODB_LOCAL_DIR": str(jar_folder), "PATH": str(tmp_path)}
    assert find_installation(environ).java == java


@pytest.mark.parametrize(
    ("environ", "reason"),
    [
        ({}, "DYNAMODB_LOCAL_DIR is not set; run build-support/install-dynamodb-local.sh"),
        ({"DYNAMODB_LOCAL_DIR": "/nowhere"}, "no DynamoDBLocal.jar in DYNAMODB_LOCAL_DIR=/nowhere"),
    ],
)
def test_a_missing_jar_is_reported_with_what_to_do(environ: dict[str, str], reason: str) -> None:
    with pytest.raises(DynamoDBLocalMissing, match=reason):
        find_installation(environ)


def test_missing_java_is_reported(jar_folder: Path, tmp_path: Path) -> None:
    environ = {"DYNAMODB_LOCAL_DIR": str(jar_folder), "PATH": str(tmp_path)}
    with pytest.raises(DynamoDBLocalMissing, match="Java was not found"):
        find_installation(environ)


def test_an_engine_that_dies_on_start_is_reported_with_its_output(
    jar_folder: Path, tmp_path: Path
) -> None:
    # Given a "java" that fails at once
    java = _executable(tmp_path / "java", "echo 'Error: port in use'; exit 3")
    # When it is started
    # Then the start fails with its exit code and output, instead of waiting
    with (
        pytest.raises(RuntimeError, match="exited with 3:\nError: port in use"),
        running(Installation(jar_folder, java)),
    ):
        pytest.fail("the engine should not have started")
