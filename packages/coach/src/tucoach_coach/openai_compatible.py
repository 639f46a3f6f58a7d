"""The OpenAI-compatible engine: a model behind OpenAI's Chat Completions API judges the answer.

Any server that speaks that API works: Ollama, llama.cpp's llama-server, vLLM, LM Studio, or a
hosted provider. The request is `POST {base_url}/chat/completions` with the shared prompt
(`prompts.py`), asking for one JSON object, by default through `response_format` `json_schema`
(structured outputs: the server constrains decoding to the Verdict schema), or `json_object`
(JSON mode), or only the prompt's instruction, for servers that support neither. The reply is
validated and checked exactly as Bedrock's (`verdict.py`). Tool calling is not used: Ollama's
endpoint ignores `tool_choice`, and llama-server needs `--jinja` and a tool-aware template for it.

Failures: HTTP 429 and 5xx, timeouts and dropped connections are retried, with exponential
backoff (a Retry-After header is honoured, within a bound), up to `max_attempts`; anything else,
or the last failure, falls back to the offline engine with the reason in
`provenance.fallback_reason`. HTTP is the standard library's (ADR 0003).
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from tucoach_coach.engine import FeedbackEngine
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.openai_settings import MAX_BACKOFF_SECONDS, OpenAICompatibleSettings
from tucoach_coach.prompts import (
    FEEDBACK_TOOL_NAME,
    JSON_SYSTEM_PROMPT,
    PROMPT_VERSION,
    user_prompt,
)
from tucoach_coach.target import ScoringTarget
from tucoach_coach.verdict import (
    feedback_from_verdict,
    parse_verdict,
    scored_offline,
    verdict_json_schema,
)
from tucoach_models import CoachEngine, Feedback, Provenance

logger = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 1_000_000
_FENCED = re.compile(r"^```(?:json)?\s*(?P<body>.*?)\s*```$", re.DOTALL)
# Reasoning models served without a reasoning parser put their thinking before the answer.
_THINKING = re.compile(r"^<think>.*?</think>\s*", re.DOTALL)


class ServerUnavailable(Exception):
    """The server gave no usable reply; `reason` is short enough to show to the candidate."""

    def __init__(
        self, reason: str, *, retryable: bool, retry_after: float | None = None, detail: str = ""
    ) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


class OpenAICompatibleEngine:
    def __init__(
        self,
        settings: OpenAICompatibleSettings,
        fallback: FeedbackEngine | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._settings = settings
        self._fallback = fallback or OfflineEngine()
        self._sleep = sleep
        self._url = f"{settings.base_url}/chat/completions"
        self._opener = _opener(settings.base_url)
        self.provenance = Provenance(
            engine=CoachEngine.OPENAI, model=settings.model, prompt_version=PROMPT_VERSION
        )

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        try:
            content = self._completion(target, answer)
            verdict = parse_verdict(_json_object(content), target, answer)
        except (ServerUnavailable, ValueError) as error:
            reason = error.reason if isinstance(error, ServerUnavailable) else "invalid output"
            logger.warning(
                "OpenAI-compatible feedback failed; scored offline",
                extra={
                    "reason": reason,
                    "question_id": target.question_id,
                    "model": self._settings.model,
                },
                exc_info=error,
            )
            return scored_offline(
                self._fallback,
                target,
                answer,
                f"OpenAI-compatible model unavailable ({reason}); scored offline.",
            )
        return feedback_from_verdict(target, answer, verdict, self.provenance)

    def _completion(self, target: ScoringTarget, answer: str) -> str:
        body = json.dumps(self._request_body(target, answer)).encode()
        attempt = 1
        while True:
            try:
                return _message_content(self._post(body))
            except ServerUnavailable as error:
                if not error.retryable or attempt >= self._settings.max_attempts:
                    raise
                delay = min(
                    MAX_BACKOFF_SECONDS,
                    error.retry_after
                    if error.retry_after is not None
                    else self._settings.backoff_seconds * 2 ** (attempt - 1),
                )
                logger.info("OpenAI-compatible server: %s; retrying in %.1f s", error.reason, delay)
                self._sleep(delay)
                attempt += 1

    def _request_body(self, target: ScoringTarget, answer: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self._settings.model,
            "messages": [
                {"role": "system", "content": JSON_SYSTEM_PROMPT},
                {"role": "user", "content": user_prompt(target, answer)},
            ],
            "temperature": 0,
            "max_tokens": self._settings.max_tokens,
            "stream": False,
        }
        if self._settings.response_format == "json_schema":
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": FEEDBACK_TOOL_NAME,
                    "schema": verdict_json_schema(),
                    "strict": False,
                },
            }
        elif self._settings.response_format == "json_object":
            body["response_format"] = {"type": "json_object"}
        return body

    def _post(self, body: bytes) -> bytes:
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": "tucoach-coach",
        }
        if self._settings.api_key is not None:
            headers["Authorization"] = f"Bearer {self._settings.api_key.get_secret_value()}"
        # The settings admit http(s) URLs only.
        request = urllib.request.Request(  # noqa: S310
            self._url, data=body, headers=headers, method="POST"
        )
        try:
            with self._opener.open(request, timeout=self._settings.timeout_seconds) as response:
                raw: bytes = response.read(MAX_RESPONSE_BYTES + 1)
                if len(raw) > MAX_RESPONSE_BYTES:
                    raise ServerUnavailable("response too large", retryable=False)
                if response.length:  # bytes the server announced and never sent
                    raise ServerUnavailable("connection dropped", retryable=True)
        except urllib.error.HTTPError as error:
            detail = error.read(500).decode(errors="replace") if error.fp else ""
            error.close()
            raise ServerUnavailable(
                f"HTTP {error.code}",
                retryable=error.code == 429 or error.code >= 500,
                retry_after=_retry_after(error.headers),
                detail=detail,
            ) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise ServerUnavailable("timeout", retryable=True) from error
            # Refused, unknown host: the server is not there, and waiting will not bring it.
            raise ServerUnavailable(
                "unreachable", retryable=False, detail=str(error.reason)
            ) from error
        except TimeoutError as error:
            raise ServerUnavailable("timeout", retryable=True) from error
        except (http.client.HTTPException, OSError) as error:  # reset, TLS alert, bad status
            raise ServerUnavailable(
                "connection dropped", retryable=True, detail=repr(error)
            ) from error
        return raw


def openai_engine_from_environment(environment: Mapping[str, str]) -> OpenAICompatibleEngine:
    return OpenAICompatibleEngine(OpenAICompatibleSettings.from_environment(environment))


def _message_content(raw: bytes) -> str:
    """The assistant message's text from a Chat Completions response; ValueError if none."""
    document = json.loads(raw)
    choices = document.get("choices") if isinstance(document, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise ValueError("the response has no choices")
    if choices[0].get("finish_reason") == "length":
        raise ValueError("the model ran out of tokens before finishing its reply")
    message = choices[0].get("message")
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise ValueError("the response's message has no text content")
    return content


def _json_object(content: str) -> object:
    text = _THINKING.sub("", content.strip(), count=1)
    fenced = _FENCED.match(text)
    payload = json.loads(fenced.group("body") if fenced else text)
    if not isinstance(payload, dict):
        raise ValueError("the model's reply is not a JSON object")
    return payload


def _retry_after(headers: Message) -> float | None:
    value = headers.get("Retry-After") if headers else None
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:  # an HTTP date: rare from these servers, so the usual backoff applies
        return None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would resend the API key to wherever it points: refuse it (an HTTP error)."""

    def redirect_request(self, *_: Any, **__: Any) -> None:
        return None


def _opener(base_url: str) -> urllib.request.OpenerDirector:
    host = urlsplit(base_url).hostname or ""
    # A model on this machine is never reached through a proxy, whatever the environment says.
    proxies = urllib.request.ProxyHandler({} if _is_loopback(host) else None)
    return urllib.request.build_opener(proxies, _NoRedirects())


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
