"""TuCoach AI's interviewer: the question bank, the rubric, the engines and the report.

Each name loads its module at first use (PEP 562): a caller that needs only the settings or the
errors (the interviews function at cold start) does not load the bank's schema, the scoring and
the engines with them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tucoach_coach.bank import BankError, BankQuestion, QuestionBank, load_bank
    from tucoach_coach.bedrock import (
        BedrockEngine,
        BedrockSettings,
        bedrock_client,
        bedrock_engine_from_environment,
    )
    from tucoach_coach.engine import FeedbackEngine
    from tucoach_coach.errors import (
        InterviewAlreadyCompleted,
        NoQuestionWaiting,
        NothingToReport,
        NotTheCurrentQuestion,
        QuestionRetired,
    )
    from tucoach_coach.interviewer import Interviewer
    from tucoach_coach.offline import OfflineEngine
    from tucoach_coach.openai_compatible import (
        OpenAICompatibleEngine,
        openai_engine_from_environment,
    )
    from tucoach_coach.openai_settings import OpenAICompatibleSettings
    from tucoach_coach.reporting import build_report
    from tucoach_coach.target import ScoringTarget

_MODULES = {
    "BankError": "bank",
    "BankQuestion": "bank",
    "BedrockEngine": "bedrock",
    "BedrockSettings": "bedrock",
    "FeedbackEngine": "engine",
    "InterviewAlreadyCompleted": "errors",
    "Interviewer": "interviewer",
    "NoQuestionWaiting": "errors",
    "NotTheCurrentQuestion": "errors",
    "NothingToReport": "errors",
    "OfflineEngine": "offline",
    "OpenAICompatibleEngine": "openai_compatible",
    "OpenAICompatibleSettings": "openai_settings",
    "QuestionBank": "bank",
    "QuestionRetired": "errors",
    "ScoringTarget": "target",
    "bedrock_client": "bedrock",
    "bedrock_engine_from_environment": "bedrock",
    "build_report": "reporting",
    "load_bank": "bank",
    "openai_engine_from_environment": "openai_compatible",
}

__all__ = [
    "BankError",
    "BankQuestion",
    "BedrockEngine",
    "BedrockSettings",
    "FeedbackEngine",
    "InterviewAlreadyCompleted",
    "Interviewer",
    "NoQuestionWaiting",
    "NotTheCurrentQuestion",
    "NothingToReport",
    "OfflineEngine",
    "OpenAICompatibleEngine",
    "OpenAICompatibleSettings",
    "QuestionBank",
    "QuestionRetired",
    "ScoringTarget",
    "bedrock_client",
    "bedrock_engine_from_environment",
    "build_report",
    "load_bank",
    "openai_engine_from_environment",
]


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
