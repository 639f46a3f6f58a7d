"""The Bedrock engine: a model scores the answer on the same rubric, through the Converse API.

The model must reply through a tool whose input schema is the `Verdict` model, and the reply is
validated by it. Any failure (throttling, timeout, an error, invalid or out-of-range output)
falls back to the offline engine, and the feedback says so in `provenance.fallback_reason`. The
offline rubric's caps still apply, so a model fooled by an evasive or keyword-stuffed answer
cannot score it high.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Self

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tucoach_coach.offline import OfflineEngine, feedback_from_assessment
from tucoach_coach.prompts import (
    BEDROCK_PROMPT_VERSION,
    FEEDBACK_TOOL_NAME,
    SYSTEM_PROMPT,
    user_prompt,
)
from tucoach_coach.rubric import CLARITY_MAX, COVERAGE_MAX, DEPTH_MAX, assess
from tucoach_coach.target import ScoringTarget
from tucoach_models import CoachEngine, Feedback, Provenance

if TYPE_CHECKING:
    from types_boto3_bedrock_runtime import BedrockRuntimeClient
    from types_boto3_bedrock_runtime.type_defs import ConverseResponseTypeDef

logger = logging.getLogger(__name__)


class BedrockSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model_id: str = Field(min_length=1, description="e.g. anthropic.claude-3-5-haiku-20241022-v1:0")
    region: str = Field(min_length=1)
    timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    max_attempts: int = Field(default=2, ge=1, le=5)
    max_tokens: int = Field(default=800, ge=100, le=4_000)


class Verdict(BaseModel):
    """What the model must return, and all it may return."""

    model_config = ConfigDict(extra="forbid")

    covered_point_ids: list[str] = Field(max_length=8)
    coverage: float = Field(ge=0, le=COVERAGE_MAX)
    depth: float = Field(ge=0, le=DEPTH_MAX)
    clarity: float = Field(ge=0, le=CLARITY_MAX)
    strengths: list[str] = Field(max_length=4)
    improvements: list[str] = Field(max_length=5)

    @model_validator(mode="after")
    def _distinct_points(self) -> Self:
        if len(set(self.covered_point_ids)) != len(self.covered_point_ids):
            raise ValueError("covered_point_ids repeat")
        return self


def bedrock_client(settings: BedrockSettings) -> BedrockRuntimeClient:
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
        client: BedrockRuntimeClient,
        fallback: OfflineEngine | None = None,
    ) -> None:
        self._settings = settings
        self._client = client
        self._fallback = fallback or OfflineEngine()
        self.provenance = Provenance(
            engine=CoachEngine.BEDROCK,
            model=settings.model_id,
            prompt_version=BEDROCK_PROMPT_VERSION,
        )

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        try:
            verdict = self._verdict(target, answer)
        except (BotoCoreError, ClientError, ValidationError, ValueError) as error:
            reason = _reason(error)
            logger.warning(
                "Bedrock feedback failed; scored offline",
                extra={"reason": reason, "question_id": target.question_id},
                exc_info=error,
            )
            offline = self._fallback.feedback(target, answer)
            return offline.model_copy(
                update={
                    "provenance": offline.provenance.model_copy(
                        update={
                            "fallback_reason": f"Bedrock unavailable ({reason}); scored offline."
                        }
                    )
                }
            )
        return self._feedback_from_verdict(target, answer, verdict)

    def _verdict(self, target: ScoringTarget, answer: str) -> Verdict:
        response = self._client.converse(
            modelId=self._settings.model_id,
            system=[{"text": SYSTEM_PROMPT}],
            messages=[{"role": "user", "content": [{"text": user_prompt(target, answer)}]}],
            inferenceConfig={"maxTokens": self._settings.max_tokens, "temperature": 0.0},
            toolConfig={
                "tools": [
                    {
                        "toolSpec": {
                            "name": FEEDBACK_TOOL_NAME,
                            "description": "Record the rubric scores of the answer.",
                            "inputSchema": {"json": Verdict.model_json_schema()},
                        }
                    }
                ],
                "toolChoice": {"tool": {"name": FEEDBACK_TOOL_NAME}},
            },
        )
        verdict = Verdict.model_validate(_tool_input(response))
        known = {p.id for p in target.talking_points}
        unknown = set(verdict.covered_point_ids) - known
        if unknown:
            raise ValueError(f"the model named unknown talking points {sorted(unknown)}")
        return verdict

    def _feedback_from_verdict(
        self, target: ScoringTarget, answer: str, verdict: Verdict
    ) -> Feedback:
        # The offline assessment supplies what must not depend on the model: the caps, the job
        # terms found, and the follow-up chosen from the points the model says were missed.
        offline = assess(target, answer)
        covered = tuple(p.id for p in target.talking_points if p.id in verdict.covered_point_ids)
        ceiling = min((c.ceiling for c in offline.caps), default=10.0)
        assessment = replace(
            offline,
            score=round(min(ceiling, verdict.coverage + verdict.depth + verdict.clarity), 1),
            coverage=verdict.coverage,
            depth=verdict.depth,
            clarity=verdict.clarity,
            covered_point_ids=covered,
            missed_point_ids=tuple(p.id for p in target.talking_points if p.id not in covered),
        )
        feedback = feedback_from_assessment(target, assessment, self.provenance)
        return feedback.model_copy(
            update={
                "strengths": tuple(verdict.strengths) or feedback.strengths,
                "improvements": (*tuple(verdict.improvements), *feedback.improvements)[:6],
            }
        )


def _tool_input(response: ConverseResponseTypeDef) -> dict[str, Any]:
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
    if isinstance(error, ValidationError):
        return "invalid output"
    if isinstance(error, BotoCoreError):
        return type(error).__name__
    return "invalid output"
