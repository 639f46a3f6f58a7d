"""The OpenAI-compatible engine's settings, apart from the engine: the interviews service
validates them at cold start without loading the engine and the scoring it falls back to."""

from collections.abc import Mapping
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

ResponseFormat = Literal["json_schema", "json_object", "none"]

MAX_BACKOFF_SECONDS = 10.0


class OpenAICompatibleSettings(BaseModel):
    # Its validator is built at first use: the interviews service imports this model for its
    # settings, but builds one only when the OpenAI-compatible engine is configured.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    base_url: str = Field(
        min_length=1, description="The API root, e.g. http://127.0.0.1:11434/v1 (Ollama)."
    )
    model: str = Field(min_length=1, max_length=200, description="e.g. llama3.2")
    api_key: SecretStr | None = Field(default=None, description="Sent as a Bearer token.")
    timeout_seconds: float = Field(
        default=60.0, gt=0, le=600, description="Per attempt: to connect, and each wait for data."
    )
    max_attempts: int = Field(default=3, ge=1, le=6)
    backoff_seconds: float = Field(
        default=0.5, ge=0, le=MAX_BACKOFF_SECONDS, description="Before the 2nd attempt; doubles."
    )
    max_tokens: int = Field(default=1_000, ge=100, le=8_000)
    response_format: ResponseFormat = "json_schema"

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, base_url: str) -> str:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the base URL must be http(s)://host[:port][/path]")
        if parts.query or parts.fragment:
            raise ValueError("the base URL takes no query or fragment")
        return base_url.rstrip("/")

    @classmethod
    def from_environment(cls, environment: Mapping[str, str]) -> "OpenAICompatibleSettings":
        """The settings from the variables the interviews service reads, for tools run outside
        it (the evaluation harness): OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_API_KEY,
        OPENAI_TIMEOUT_SECONDS, OPENAI_MAX_ATTEMPTS, OPENAI_RESPONSE_FORMAT."""
        names = {
            "base_url": "OPENAI_BASE_URL",
            "model": "OPENAI_MODEL",
            "api_key": "OPENAI_API_KEY",
            "timeout_seconds": "OPENAI_TIMEOUT_SECONDS",
            "max_attempts": "OPENAI_MAX_ATTEMPTS",
            "response_format": "OPENAI_RESPONSE_FORMAT",
        }
        return cls.model_validate(
            {field: environment[name] for field, name in names.items() if environment.get(name)}
        )
