"""A stand-in for an OpenAI-compatible server: real HTTP on 127.0.0.1, replies not from a model.

It speaks the wire format of `POST /v1/chat/completions` as Ollama, llama-server and OpenAI do:
it refuses other paths (404), bodies that are not JSON or lack `model` or `messages` (400), and,
when given an API key, requests without `Authorization: Bearer <key>` (401), each with OpenAI's
error envelope. It records every request it accepts and answers it with the next scripted reply
(tests), or else with its responder's. `rubric_verdict` is such a responder: the offline rubric's
assessment dressed as a model's verdict, so the whole path of the OpenAI-compatible engine can be
run without a model:

    ./pants run packages/coach/testing/tucoach_coach_testing/openai_stand_in.py -- --port 11434
    bin/run --coach openai --openai-model stand-in

What it cannot do is judge an answer: its verdicts are the test's or the rubric's, so it proves
the engine's wire format and failure handling, never a model's judgement.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tucoach_coach.bank import QuestionBank, load_bank
from tucoach_coach.rubric import assess
from tucoach_coach.target import ScoringTarget

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

    def __init__(
        self,
        replies: Iterable[Reply] = (),
        api_key: str | None = None,
        responder: Responder | None = None,
        port: int = 0,
    ) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.api_key = api_key
        self.responder = responder
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
            if self.replies:
                return self.replies.popleft()
        if self.responder is not None:
            return self.responder(request)
        return error_reply(500, "the stand-in has no reply scripted for this request")


Responder = Callable[[ReceivedRequest], Reply]


@contextmanager
def stand_in(
    replies: Iterable[Reply] = (), api_key: str | None = None, responder: Responder | None = None
) -> Iterator[StandInServer]:
    server = StandInServer(replies, api_key, responder)
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
            if "Content-Length" not in reply.headers:  # a reply may promise more than it sends
                self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout under test): nothing to answer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


_QUESTION = re.compile(r"^Question: (?P<text>.*)$", re.MULTILINE)
_ANSWER = re.compile(r"<<<ANSWER\n(?P<answer>.*)\nANSWER>>>\Z", re.DOTALL)


def rubric_verdict(bank: QuestionBank) -> Responder:
    """A responder whose verdict is the offline rubric's assessment of the answer it is sent:
    the question found in the bank by its text (a main question or a follow-up)."""
    targets = {q.text: ScoringTarget.of_question(q, bank) for q in bank}
    for question in bank:
        for follow_up in question.follow_ups:
            targets[follow_up.text] = ScoringTarget.of_follow_up(question, follow_up, bank)

    def respond(request: ReceivedRequest) -> Reply:
        prompt = str(request.body["messages"][-1]["content"])
        question, answer = _QUESTION.search(prompt), _ANSWER.search(prompt)
        target = targets.get(question.group("text")) if question else None
        if target is None or answer is None:
            return error_reply(400, "not a TuCoach feedback prompt about a bank question")
        assessment = assess(target, answer.group("answer"))
        return verdict_reply(
            {
                "language": "en",
                "covered_point_ids": list(assessment.covered_point_ids),
                "corrections": [],
                "coverage": assessment.coverage,
                "depth": assessment.depth,
                "clarity": assessment.clarity,
                "strengths": [],
                "improvements": [],
            }
        )

    return respond


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="A stand-in OpenAI-compatible server whose "
        "verdicts are the offline rubric's (no model)."
    )
    parser.add_argument("--port", type=int, default=11434, help="default: 11434, Ollama's")
    arguments = parser.parse_args(argv)
    server = StandInServer(responder=rubric_verdict(load_bank()), port=arguments.port)
    print(f"Stand-in OpenAI-compatible server at {server.base_url} (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
