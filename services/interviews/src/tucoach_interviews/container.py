"""Builds the function's objects once per execution environment (cold start), from Settings."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from functools import cache

from tucoach_coach import (
    BedrockEngine,
    BedrockSettings,
    FeedbackEngine,
    Interviewer,
    OfflineEngine,
    OpenAICompatibleEngine,
    bedrock_client,
    load_bank,
)
from tucoach_interviews.service import InterviewService
from tucoach_interviews.settings import Settings
from tucoach_models import CoachEngine
from tucoach_repository import DailyQuotas, InterviewRepository, RepositorySettings, make_client


@cache
def settings() -> Settings:
    return Settings.from_environment(os.environ)


@cache
def service() -> InterviewService:
    return build_service(settings())


def build_service(config: Settings) -> InterviewService:
    table = RepositorySettings(
        table_name=config.table_name,
        region=config.region,
        endpoint_url=config.dynamodb_endpoint_url,
        connect_timeout_seconds=config.dynamodb_connect_timeout_seconds,
        read_timeout_seconds=config.dynamodb_read_timeout_seconds,
    )
    client = make_client(table)
    return InterviewService(
        store=InterviewRepository(table, client=client),
        interviewer=Interviewer(load_bank(), coach_engine(config)),
        clock=lambda: datetime.now(UTC),
        new_id=lambda: str(uuid.uuid4()),
        quotas=DailyQuotas(table, client=client),
        daily_limits=config.daily_limits(),
    )


def coach_engine(config: Settings) -> FeedbackEngine:
    if config.coach_engine is CoachEngine.BEDROCK and config.bedrock_model_id:
        bedrock = BedrockSettings(
            model_id=config.bedrock_model_id,
            region=config.bedrock_region or config.region,
            timeout_seconds=config.bedrock_timeout_seconds,
        )
        return BedrockEngine(bedrock, bedrock_client(bedrock))
    if config.coach_engine is CoachEngine.OPENAI:
        return OpenAICompatibleEngine(config.openai_settings())
    return OfflineEngine()
