"""The Bedrock engine: a model judges the answer on the same rubric, through the Converse API.

The model must reply through a tool whose input schema is the `Verdict` model (`verdict.py`), and
the reply is validated by it and checked against the question. Any failure (throttling, timeout,
an error, invalid or out-of-range output) falls back to the offline engine, and the feedback says
so in `provenance.fallback_reason`.
"""

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict, Field

from tucoach_coach.engine import FeedbackEngine
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.prompts import (
    FEEDBACK_TOOL_NAME,
    PROMPT_VERSION,
    TOOL_SYSTEM_PROMPT,
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

if TYPE_CHECKING:
    from types_boto3_bedrock_runtime import BedrockRuntimeClient
    from types_boto3_bedrock_runtime.type_defs import ConverseResponseTypeDef

logger = logging.getLogger(__name__)


class BedrockSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model_id: str = Field(
        min_length=1, description="e.g. eu.anthropic.claude-haiku-4-5-20251001-v1:0"
    )
    region: str = Field(min_length=1)
    timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    max_attempts: int = Field(default=2, ge=1, le=5)
    max_tokens: int = Field(default=1_000, ge=100, le=4_000)

    @classmethod
    def from_environment(cls, environment: Mapping[str, str]) -> "BedrockSettings":
        """The settings from the variables the interviews service reads, for tools run outside
        it (the evaluation harness): BEDROCK_MODEL_ID, BEDROCK_REGION (else AWS_REGION),
        BEDROCK_TIMEOUT_SECONDS."""
        values = {
            "model_id": environment.get("BEDROCK_MODEL_ID", ""),
            "region": environment.get("BEDROCK_REGION") or environment.get("AWS_REGION", ""),
            "timeout_seconds": environment.get("BEDROCK_TIMEOUT_SECONDS"),
        }
        return cls.model_validate({k: v for k, v in values.items() if v is not None})


def bedrock_client(settings: BedrockSettings) -> "BedrockRuntimeClient":
    import boto3  # noqa: PLC0415 - only deployments with Bedrock configured pay for it

    return boto3.client(
        "bedrock-runtime",
        region_name=settings.region,
        config=Config(
            connect_timeout=min(3.0, settings.timeout_seconds),
            read_timeout=settings.timeout_seconds,
            retries={"max_attempts": settings.max_attempts, "mode": "standard"},
        ),
    )


class BedrockEngine:
    def __init__(
        self,
        settings: BedrockSettings,
        client: "BedrockRuntimeClient",
        fallback: FeedbackEngine | None = None,
    ) -> None:
        self._settings = settings
        self._client = client
        self._fallback = fallback or OfflineEngine()
        self.provenance = Provenance(
            engine=CoachEngine.BEDROCK,
            model=settings.model_id,
            prompt_version=PROMPT_VERSION,
        )

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        try:
            payload = self._tool_input(target, answer)
            verdict = parse_verdict(payload, target, answer)
        except (BotoCoreError, ClientError, ValueError) as error:
            reason = _reason(error)
            logger.warning(
                "Bedrock feedback failed; scored offline",
                extra={"reason": reason, "question_id": target.question_id},
                exc_info=error,
            )
            return scored_offline(
                self._fallback, target, answer, f"Bedrock unavailable ({reason}); scored offline."
            )
        return feedback_from_verdict(target, answer, verdict, self.provenance)

    def _tool_input(self, target: ScoringTarget, answer: str) -> dict[str, Any]:
        response = self._client.converse(
            modelId=self._settings.model_id,
            system=[{"text": TOOL_SYSTEM_PROMPT}],
            messages=[{"role": "user", "content": [{"text": user_prompt(target, answer)}]}],
            inferenceConfig={"maxTokens": self._settings.max_tokens, "temperature": 0.0},
            toolConfig={
                "tools": [
                    {
                        "toolSpec": {
                            "name": FEEDBACK_TOOL_NAME,
                            "description": "Record the scores and corrections of the answer.",
                            "inputSchema": {"json": verdict_json_schema()},
                        }
                    }
                ],
                "toolChoice": {"tool": {"name": FEEDBACK_TOOL_NAME}},
            },
        )
        return _tool_input(response)


def bedrock_engine_from_environment(environment: Mapping[str, str]) -> BedrockEngine:
    settings = BedrockSettings.from_environment(environment)
    return BedrockEngine(settings, bedrock_client(settings))


def _tool_input(response: "ConverseResponseTypeDef") -> dict[str, Any]:
    for block in response["output"].get("message", {}).get("content", []):
        tool_use = block.get("toolUse")
        if tool_use and tool_use.get("name") == FEEDBACK_TOOL_NAME:
            payload = tool_use.get("input")
            if isinstance(payload, dict):
                return payload
            raise ValueError("the model's tool input is not a JSON object")
    raise ValueError("the model did not call the feedback tool")


def _reason(error: Exception) -> str:
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code", "error"))
    if isinstance(error, BotoCoreError):
        return type(error).__name__
    return "invalid output"
