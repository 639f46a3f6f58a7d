"""Load test: 50 virtual users, each doing a whole interview against the local server.

Run: ./pants run services/local/tools/tucoach_local_tools/load.py [-- --users 50 --url http://...]
Without --url it starts its own server (DynamoDB Local in memory, 2 function workers) and stops
it after. Prints throughput, latency percentiles and errors, then checks that the versions
stored equal the answers accepted. Exits 1 on any error or mismatch. Loopback only.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from tucoach_local_testing.client import LocalClient, Reply
from tucoach_local_testing.startup import wait_for_url

QUESTIONS = 3  # main questions per interview
ANSWER = (
    "I would start from the symptoms: check the metrics and the logs, because they show where "
    "time goes. For example, a slow query shows up as latency in the traces; an index or a "
    "cache fixes it, at the cost of memory and invalidation work."
)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    accepted_answers: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, label: str, started: float, reply: Reply, expected: int) -> None:
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
            if reply.status != expected:
                self.errors.append(f"{label}: {reply.status} {reply.body!r}"[:300])


def _user(base_url: str, number: int, tally: Tally) -> None:
    client = LocalClient(base_url)
    client.sign_in(f"load-{number}@example.com")

    def call(
        label: str,
        method: str,
        path: str,
        body: object = None,
        *,
        expected: int = 200,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        started = time.perf_counter()
        reply = client.api(method, path, body, headers=headers)
        tally.record(label, started, reply, expected)
        return reply

    created = call(
        "create",
        "POST",
        "/interviews",
        {
            "role": ["backend", "frontend", "devops"][number % 3],
            "seniority": "senior",
            "question_count": QUESTIONS,
        },
        expected=201,
    )
    if created.status != 201:
        return
    interview = created.body
    interview_id = interview["interview_id"]
    answered = 0
    while interview["current_question"] is not None:
        reply = call(
            "answer",
            "POST",
            f"/interviews/{interview_id}/answers",
            {"question_id": interview["current_question"]["question_id"], "answer": ANSWER},
            headers={"Idempotency-Key": f"load-{number}-{answered:04d}"},
        )
        if reply.status != 200:
            return
        answered += 1
        interview = reply.body["interview"]
    call("complete", "POST", f"/interviews/{interview_id}/complete")
    call("history", "GET", "/interviews")
    with tally.lock:
        tally.accepted_answers[interview_id] = answered


def _check_versions(base_url: str, tally: Tally, users: int) -> list[str]:
    """Versions stored = 1 (created) + answers accepted + 1 (completed), for every user."""
    problems = []
    for number in range(users):
        client = LocalClient(base_url)
        client.sign_in(f"load-{number}@example.com")
        for item in client.api("GET", "/interviews?limit=100").body["items"]:
            answers = tally.accepted_answers.get(item["interview_id"])
            versions = client.api("GET", f"/interviews/{item['interview_id']}/versions?limit=100")
            stored = len(versions.body["items"])
            # The list counts main questions only; follow-ups add versions too.
            if answers is None or stored != answers + 2 or item["answered_count"] != QUESTIONS:
                problems.append(f"{item['interview_id']}: {stored} versions, {answers} answers")
    return problems


@contextmanager
def _own_server() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with TemporaryDirectory() as data:
        process = subprocess.Popen(  # noqa: S603 - our interpreter and module
            [
                sys.executable,
                "-m",
                "tucoach_local.cli",
                "--port",
                str(port),
                "--in-memory",
                "--data-dir",
                data,
                "--web-dir",
                str(Path(data) / "no-web"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
        )
        try:
            url, _ = wait_for_url(process)
            # Keep draining the server's output, so that its pipe never fills and blocks it.
            if process.stdout is not None:
                threading.Thread(target=process.stdout.read, daemon=True).start()
            yield url
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--url", help="a running local server; default: start one")
    arguments = parser.parse_args()
    with nullcontext(arguments.url) if arguments.url else _own_server() as base_url:
        tally = Tally()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=arguments.users) as pool:
            for future in [pool.submit(_user, base_url, n, tally) for n in range(arguments.users)]:
                future.result()
        elapsed = time.perf_counter() - started
        problems = _check_versions(base_url, tally, arguments.users)
    latencies = sorted(tally.latencies)

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, round(p * (len(latencies) - 1)))] * 1000

    print(
        f"users: {arguments.users}, requests: {len(latencies)}, elapsed: {elapsed:.1f} s, "
        f"throughput: {len(latencies) / elapsed:.1f} requests/s"
    )
    print(
        f"latency: p50 {percentile(0.5):.0f} ms, p95 {percentile(0.95):.0f} ms, "
        f"p99 {percentile(0.99):.0f} ms, mean {statistics.mean(latencies) * 1000:.0f} ms"
    )
    print(f"errors: {len(tally.errors)}")
    for error in tally.errors[:10]:
        print(f"  {error}")
    print(
        f"versions stored = answers accepted + 2 for every interview: "
        f"{'yes' if not problems else 'NO'} ({len(tally.accepted_answers)} interviews)"
    )
    for problem in problems[:10]:
        print(f"  {problem}")
    return 1 if tally.errors or problems else 0


if __name__ == "__main__":
    sys.exit(main())
