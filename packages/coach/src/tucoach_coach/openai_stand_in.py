"""A stand-in for an OpenAI-compatible server, for tests: real HTTP on 127.0.0.1, scripted replies.

It speaks the wire format of `POST /v1/chat/completions` as Ollama, llama-server and OpenAI do:
it refuses other paths (404), bodies that are not JSON or lack `model` or `messages` (400), and,
when given an API key, requests without `Authorization: Bearer <key>` (401), each with OpenAI's
error envelope. Each accepted request gets the next scripted reply, after the reply's delay; it
records every request it receives. What it cannot do is judge an answer: the verdicts it returns
are the test's, so it proves the engine's wire format and failure handling, not a model's
judgement.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

COMPLETIONS_PATH = "/v1/chat/completions"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_seconds: float = 0.0


@dataclass(frozen=True)
class ReceivedRequest:
    path: str
    headers: Mapping[str, str]
    body: dict[str, Any]


def completion(content: str, *, finish_reason: str = "stop", delay_seconds: float = 0.0) -> Reply:
    """A Chat Completions response whose assistant message is `content`."""
    document = {
        "id": "chatcmpl-stand-in",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "stand-in",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }
    return Reply(body=json.dumps(document).encode(), delay_seconds=delay_seconds)


def verdict_reply(verdict: Mapping[str, Any], *, delay_seconds: float = 0.0) -> Reply:
    """A completion whose content is the verdict as JSON, as a model under structured output
    would send it."""
    return completion(json.dumps(verdict), delay_seconds=delay_seconds)


def error_reply(status: int, message: str, headers: Mapping[str, str] | None = None) -> Reply:
    body = {"error": {"message": message, "type": "stand_in_error", "code": status}}
    return Reply(status=status, body=json.dumps(body).encode(), headers=headers or {})


class StandInServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, replies: Iterable[Reply] = (), api_key: str | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.api_key = api_key
        self.replies: deque[Reply] = deque(replies)
        self.received: list[ReceivedRequest] = []
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self.replies.extend(replies)

    def next_reply(self, request: ReceivedRequest) -> Reply:
        with self._lock:
            self.received.append(request)
            if not self.replies:
                return error_reply(500, "the stand-in has no reply scripted for this request")
            return self.replies.popleft()


@contextmanager
def stand_in(replies: Iterable[Reply] = (), api_key: str | None = None) -> Iterator[StandInServer]:
    server = StandInServer(replies, api_key)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _Handler(BaseHTTPRequestHandler):
    server: StandInServer
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != COMPLETIONS_PATH:
            self._send(error_reply(404, f"no route for {self.path}"))
            return
        if self.server.api_key is not None and (
            self.headers.get("Authorization") != f"Bearer {self.server.api_key}"
        ):
            self._send(error_reply(401, "Incorrect API key provided."))
            return
        try:
            body = json.loads(raw)
        except ValueError:
            self._send(error_reply(400, "the body is not JSON"))
            return
        if not isinstance(body, dict) or "model" not in body or "messages" not in body:
            self._send(error_reply(400, "model and messages are required"))
            return
        request = ReceivedRequest(path=self.path, headers=dict(self.headers.items()), body=body)
        self._send(self.server.next_reply(request))

    def _send(self, reply: Reply) -> None:
        time.sleep(reply.delay_seconds)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout under test): nothing to answer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""
