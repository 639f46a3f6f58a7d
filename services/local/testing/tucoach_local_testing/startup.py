"""Reading `python -m tucoach_local`'s start: the URL its banner prints."""

from __future__ import annotations

import re
import subprocess
import time

START_TIMEOUT_SECONDS = 60


def wait_for_url(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The URL the server prints once it listens, and the banner lines around it."""
    if process.stdout is None:
        raise ValueError("start the server with stdout=subprocess.PIPE")
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    lines: list[str] = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        found = re.search(r"running at (http://\S+?)/ ", line)
        if found:
            return found.group(1), "".join(lines[-3:]) + process.stdout.readline()
    raise AssertionError("the server printed no URL:\n" + "".join(lines))
