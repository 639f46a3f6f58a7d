"""The function's configuration: environment variables, validated once, at cold start."""

from collections.abc import Mapping
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from tucoach_coach.openai_settings import OpenAICompatibleSettings, ResponseFormat
from tucoach_models import CoachEngine, DailyQuota


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    table_name: str = Field(alias="TABLE_NAME", min_length=3, max_length=255)
    region: str = Field(alias="AWS_REGION", min_length=1)
    dynamodb_endpoint_url: str | None = Field(
        default=None,
        alias="DYNAMODB_ENDPOINT_URL",
        description="Another DynamoDB than AWS's (DynamoDB Local on a laptop).",
    )
    dynamodb_connect_timeout_seconds: float = Field(
        default=1.0, alias="DYNAMODB_CONNECT_TIMEOUT_SECONDS", gt=0, le=30
    )
    dynamodb_read_timeout_seconds: float = Field(
        default=3.0, alias="DYNAMODB_READ_TIMEOUT_SECONDS", gt=0, le=30
    )
    coach_engine: CoachEngine = Field(default=CoachEngine.OFFLINE, alias="COACH_ENGINE")
    bedrock_model_id: str | None = Field(default=None, alias="BEDROCK_MODEL_ID")
    bedrock_region: str | None = Field(default=None, alias="BEDROCK_REGION")
    bedrock_timeout_seconds: float = Field(default=10.0, alias="BEDROCK_TIMEOUT_SECONDS", gt=0)
    openai_base_url: str | None = Field(
        default=None,
        alias="OPENAI_BASE_URL",
        description="An OpenAI-compatible API root (a laptop: Ollama's http://127.0.0.1:11434/v1).",
    )
    openai_model: str | None = Field(default=None, alias="OPENAI_MODEL")
    openai_api_key: SecretStr | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_timeout_seconds: float = Field(default=60.0, alias="OPENAI_TIMEOUT_SECONDS", gt=0)
    openai_max_attempts: int = Field(default=3, alias="OPENAI_MAX_ATTEMPTS", ge=1)
    openai_response_format: ResponseFormat = Field(
        default="json_schema", alias="OPENAI_RESPONSE_FORMAT"
    )
    cors_allow_origin: str | None = Field(
        default=None,
        alias="CORS_ALLOW_ORIGIN",
        description="The web app's origin when it is not the API's (AWS: the CloudFront URL).",
    )
    max_body_bytes: int = Field(default=64 * 1024, alias="MAX_BODY_BYTES", gt=0)
    daily_interview_limit: int = Field(
        default=20,
        alias="DAILY_INTERVIEW_LIMIT",
        ge=1,
        description="Interviews one person may start per UTC day.",
    )
    daily_answer_limit: int = Field(
        default=200,
        alias="DAILY_ANSWER_LIMIT",
        ge=1,
        description="Answers one person may have scored per UTC day (each may be an LLM call).",
    )

    @model_validator(mode="after")
    def _engine_configured(self) -> Self:
        if self.coach_engine is CoachEngine.BEDROCK and not self.bedrock_model_id:
            raise ValueError("COACH_ENGINE=bedrock needs BEDROCK_MODEL_ID")
        if self.coach_engine is CoachEngine.OPENAI:
            if not (self.openai_base_url and self.openai_model):
                raise ValueError("COACH_ENGINE=openai needs OPENAI_BASE_URL and OPENAI_MODEL")
            self.openai_settings()  # a malformed URL or an out-of-range value fails here
        return self

    def openai_settings(self) -> OpenAICompatibleSettings:
        return OpenAICompatibleSettings(
            base_url=self.openai_base_url or "",
            model=self.openai_model or "",
            api_key=self.openai_api_key,
            timeout_seconds=self.openai_timeout_seconds,
            max_attempts=self.openai_max_attempts,
            response_format=self.openai_response_format,
        )

    def daily_limits(self) -> dict[DailyQuota, int]:
        return {
            DailyQuota.INTERVIEWS: self.daily_interview_limit,
            DailyQuota.ANSWERS: self.daily_answer_limit,
        }

    @classmethod
    def from_environment(cls, environment: Mapping[str, str]) -> "Settings":
        return cls.model_validate(dict(environment))
