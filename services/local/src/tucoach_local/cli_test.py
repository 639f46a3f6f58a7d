"""`python -m tucoach_local` as a person runs it: a URL, data that survives, Ctrl-C that stops
everything it started."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tucoach_local_testing.client import LocalClient
from tucoach_local_testing.startup import wait_for_url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _running(
    data_dir: Path, web_dir: Path, port: int
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PYTHONUNBUFFERED="1")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "tucoach_local",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--web-dir",
            str(web_dir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )
    try:
        url, _ = wait_for_url(process)
        yield url, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _java_children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in children if "java" in Path(f"/proc/{c}/comm").read_text()]


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    return output


@pytest.mark.usefixtures("dynamodb_local_endpoint")  # skips or fails as the integration tests do
def test_one_command_serves_keeps_data_and_stops_cleanly(tmp_path: Path) -> None:
    web_dir = tmp_path / "web"
    web_dir.mkdir()
    (web_dir / "index.html").write_text("<!doctype html><title>TuCoach</title>")
    data_dir = tmp_path / "data"
    # The same port both times: the sign-in's issuer is the server's URL.
    port = _free_port()

    # Given the server started by its command, a signed-in user with an interview
    with _running(data_dir, web_dir, port) as (url, process):
        client = LocalClient(url)
        token = client.sign_in("ada@example.com")
        created = client.api("POST", "/interviews", {"role": "backend", "seniority": "senior"})
        assert created.status == 201, created.body
        interview_id = created.body["interview_id"]
        children = _java_children(process.pid)
        assert children, "DynamoDB Local should run as the server's child"
        # When it is stopped with Ctrl-C
        output = _stop(process)
        # Then it exits cleanly and leaves no DynamoDB Local behind
        assert process.returncode == 0, output
        assert "TuCoach AI stopped." in output
        for child in children:
            assert not Path(f"/proc/{child}").exists(), "DynamoDB Local outlived the server"

    # And after a restart the interview is still there, and the same sign-in still works
    with _running(data_dir, web_dir, port) as (url, process):
        again = LocalClient(url, token).api("GET", f"/interviews/{interview_id}")
        assert again.status == 200, again.body
        assert again.body["interview_id"] == interview_id
        _stop(process)
