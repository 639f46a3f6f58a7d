"""A proxy in front of a JSON-over-HTTP AWS endpoint (DynamoDB Local here) that injects faults
per operation, or per operation on requests holding a given text (`"PutItem SUMMARY"`: a
PutItem whose body has the JSON string "SUMMARY"): throttling answers, requests dropped before
they arrive, answers delayed after the request was carried out. For fault tests; it forwards
everything else unchanged."""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Fault(Enum):
    THROTTLE = "throttle"  # answer 400 ProvisionedThroughputExceededException at once
    DROP = "drop"  # hang without forwarding, past the client's read timeout
    DELAY_AFTER = "delay_after"  # forward (the write happens), then answer too late


@dataclass
class FaultPlan:
    faults: dict[str, Fault] = field(default_factory=dict)
    delay_seconds: float = 4.0
    seen: Counter[str] = field(default_factory=Counter)


class FaultProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, plan: FaultPlan) -> None:
        super().__init__(("127.0.0.1", 0), _Forwarder)
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.plan = plan
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class _Forwarder(BaseHTTPRequestHandler):
    server: FaultProxy
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        operation = (self.headers.get("X-Amz-Target") or "").rsplit(".", 1)[-1]
        plan = self.server.plan
        plan.seen[operation] += 1
        fault = plan.faults.get(operation) or next(
            (
                fault
                for target, fault in plan.faults.items()
                if target.partition(" ")[0] == operation
                and target.partition(" ")[2]
                and json.dumps(target.partition(" ")[2]).encode() in body
            ),
            None,
        )
        if fault is Fault.THROTTLE:
            self._answer(400, _throttled())
            return
        if fault is Fault.DROP:
            time.sleep(plan.delay_seconds)
            self.close_connection = True
            return
        status, data = self._forward(body)
        if fault is Fault.DELAY_AFTER:
            time.sleep(plan.delay_seconds)
        self._answer(status, data)

    def _forward(self, body: bytes) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection(*self.server.upstream, timeout=30)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            connection.request("POST", self.path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def _answer(self, status: int, data: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.0")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, which is the point of a delay

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def _throttled() -> bytes:
    return json.dumps(
        {
            "__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
            "message": "The level of configured provisioned throughput for the table was exceeded.",
        }
    ).encode()
