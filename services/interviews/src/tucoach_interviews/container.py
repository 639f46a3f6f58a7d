"""Builds the function's objects once per execution environment (cold start), from Settings.

`build_service` is the one place that knows production's collaborators; a caller outside Lambda
(tests, the benchmark) passes its own and hands the result to the routes with `use`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from tucoach_interviews.collector import paused
from tucoach_interviews.service import InterviewService
from tucoach_interviews.settings import Settings
from tucoach_interviews.store import InterviewStore, QuotaStore
from tucoach_models import CoachEngine
from tucoach_repository import DailyQuotas, InterviewRepository, RepositorySettings, make_client

if TYPE_CHECKING:
    from tucoach_coach import FeedbackEngine, QuestionBank


@cache
def settings() -> Settings:
    return Settings.from_environment(os.environ)


class _Current:
    """The service the routes call: built at the first request, or the one given to `use`."""

    service: InterviewService | None = None


def service() -> InterviewService:
    if _Current.service is None:
        # Once per container: the coach's modules, the bank, the client (see collector.py).
        with paused():
            _Current.service = build_service(settings())
    return _Current.service


def use(chosen: InterviewService | None) -> None:
    """Routes the next requests to `chosen`; with None, to a service built again from the
    environment as it is then (settings re-read)."""
    settings.cache_clear()
    _Current.service = chosen


def utc_now() -> datetime:
    return datetime.now(UTC)


def random_id() -> str:
    return str(uuid.uuid4())


def build_service(
    config: Settings,
    *,
    store: InterviewStore | None = None,
    quotas: QuotaStore | None = None,
    bank: QuestionBank | None = None,
    engine: FeedbackEngine | None = None,
    clock: Callable[[], datetime] = utc_now,
    new_id: Callable[[], str] = random_id,
) -> InterviewService:
    """The service over the given collaborators; each one left out is production's, from
    `config`."""
    # The coach (its bank's schema, the scoring, the engines) loads here, at the first request,
    # not when the function's modules load: see "Cold start" in the README.
    from tucoach_coach import Interviewer, load_bank  # noqa: PLC0415

    table = repository_settings(config)
    client = make_client(table) if store is None or quotas is None else None
    return InterviewService(
        store=InterviewRepository(table, client=client) if store is None else store,
        interviewer=Interviewer(
            load_bank() if bank is None else bank,
            coach_engine(config) if engine is None else engine,
        ),
        clock=clock,
        new_id=new_id,
        quotas=DailyQuotas(table, client=client) if quotas is None else quotas,
        daily_limits=config.daily_limits(),
    )


def repository_settings(config: Settings) -> RepositorySettings:
    return RepositorySettings(
        table_name=config.table_name,
        region=config.region,
        endpoint_url=config.dynamodb_endpoint_url,
        connect_timeout_seconds=config.dynamodb_connect_timeout_seconds,
        read_timeout_seconds=config.dynamodb_read_timeout_seconds,
    )


def coach_engine(config: Settings) -> FeedbackEngine:
    # Each engine's module is loaded only when it is the one configured.
    if config.coach_engine is CoachEngine.BEDROCK and config.bedrock_model_id:
        from tucoach_coach import BedrockEngine, BedrockSettings, bedrock_client  # noqa: PLC0415

        bedrock = BedrockSettings(
            model_id=config.bedrock_model_id,
            region=config.bedrock_region or config.region,
            timeout_seconds=config.bedrock_timeout_seconds,
        )
        return BedrockEngine(bedrock, bedrock_client(bedrock))
    if config.coach_engine is CoachEngine.OPENAI:
        from tucoach_coach import OpenAICompatibleEngine  # noqa: PLC0415

        return OpenAICompatibleEngine(config.openai_settings())
    from tucoach_coach import OfflineEngine  # noqa: PLC0415

    return OfflineEngine()
