"""TuCoach AI's interviewer: the question bank, the rubric, the engines and the report."""

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
    OpenAICompatibleSettings,
    openai_engine_from_environment,
)
from tucoach_coach.reporting import build_report
from tucoach_coach.target import ScoringTarget

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
