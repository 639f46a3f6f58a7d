"""Amazon's DynamoDB Local on a free port: in memory for tests and the benchmark, or kept in a
folder for the local server.

`build-support/install-dynamodb-local.sh` installs it and prints the folder that holds
`DynamoDBLocal.jar`; point `DYNAMODB_LOCAL_DIR` at that folder. Java comes from `JAVA_HOME`,
else from `PATH`.
"""

from __future__ import annotations

import ctypes
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import boto3

from tucoach_repository.client import make_client
from tucoach_repository.settings import RepositorySettings
from tucoach_repository.tables import ensure_table

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

DIRECTORY_VARIABLE = "DYNAMODB_LOCAL_DIR"
JAR = "DynamoDBLocal.jar"
START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 10.0
INSTALL_HINT = "run build-support/install-dynamodb-local.sh and export DYNAMODB_LOCAL_DIR"

# DynamoDB Local keeps a separate database per access key and region: every client of one
# engine must use the same pair to see the same tables.
REGION = "us-east-1"
_ACCESS_KEY = "local"

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class DynamoDBLocalMissing(Exception):
    """DynamoDB Local or Java is not installed here; the message says which and what to do."""


@dataclass(frozen=True)
class Installation:
    directory: Path
    java: Path


def find_installation(environ: Mapping[str, str] = os.environ) -> Installation:
    """Where the jar and Java are, or DynamoDBLocalMissing naming what is missing."""
    directory = environ.get(DIRECTORY_VARIABLE, "")
    if not directory:
        raise DynamoDBLocalMissing(f"{DIRECTORY_VARIABLE} is not set; {INSTALL_HINT}")
    if not (Path(directory) / JAR).is_file():
        raise DynamoDBLocalMissing(f"no {JAR} in {DIRECTORY_VARIABLE}={directory}; {INSTALL_HINT}")
    java_home = environ.get("JAVA_HOME", "")
    java = (
        str(Path(java_home) / "bin" / "java")
        if java_home
        else shutil.which("java", path=environ.get("PATH"))
    )
    if java is None or not Path(java).is_file():
        raise DynamoDBLocalMissing(
            "Java was not found (JAVA_HOME or PATH); DynamoDB Local needs Java 17 or later"
        )
    return Installation(Path(directory), Path(java))


@contextmanager
def running(installation: Installation, data_directory: Path | None = None) -> Iterator[str]:
    """Runs DynamoDB Local on a free port, in memory or kept in `data_directory`; yields its
    endpoint URL; stops it after, whatever happened in between."""
    port = _free_port()
    # One database file for every client, whatever its credentials and region.
    storage = ["-sharedDb", "-dbPath", str(data_directory)] if data_directory else ["-inMemory"]
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
            [
                str(installation.java),
                f"-Djava.library.path={installation.directory / 'DynamoDBLocal_lib'}",
                "-jar",
                str(installation.directory / JAR),
                *storage,
                "-port",
                str(port),
            ],
            cwd=installation.directory,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=_stop_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509
        )
        try:
            _wait_until_answering(process, port, output)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def local_settings(endpoint: str, table_name: str) -> RepositorySettings:
    return RepositorySettings(table_name=table_name, region=REGION, endpoint_url=endpoint)


def local_client(settings: RepositorySettings) -> DynamoDBClient:
    """A client of DynamoDB Local, built as the repository builds its own, with the settings'
    table created."""
    session = boto3.session.Session(
        aws_access_key_id=_ACCESS_KEY, aws_secret_access_key=_ACCESS_KEY, region_name=REGION
    )
    client = make_client(settings, session)
    ensure_table(client, settings.table_name)
    return client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_answering(process: subprocess.Popen[bytes], port: int, output: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"DynamoDB Local exited with {process.returncode}:\n{_text_of(output)}"
            )
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            connection.request("GET", "/")
            connection.getresponse()
        except OSError:
            time.sleep(0.1)
        else:
            return
        finally:
            connection.close()
    raise RuntimeError(
        f"DynamoDB Local did not answer within {START_TIMEOUT_SECONDS:.0f} s:\n{_text_of(output)}"
    )


def _text_of(output: IO[bytes]) -> str:
    output.seek(0)
    return output.read().decode("utf-8", errors="replace")


def _stop_with_parent() -> None:
    # Runs in the child before Java starts: if the test run is killed outright (no `finally`
    # runs then), the kernel sends Java SIGTERM, so no engine outlives its tests.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
