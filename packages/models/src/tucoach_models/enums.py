"""The closed vocabularies of an interview."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    BACKEND = "backend"
    FRONTEND = "frontend"
    DEVOPS = "devops"


class Seniority(StrEnum):
    JUNIOR = "junior"
    SENIOR = "senior"
    TECHLEAD = "techlead"
    ARCHITECT = "architect"


class InterviewStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class QuestionKind(StrEnum):
    MAIN = "main"
    FOLLOW_UP = "follow_up"


class CoachEngine(StrEnum):
    OFFLINE = "offline"
    BEDROCK = "bedrock"
    OPENAI = "openai"


class Unscored(StrEnum):
    """Why an answer has no score."""

    LANGUAGE = "language"  # the engine does not read the answer's language
    SKIPPED = "skipped"  # the candidate skipped the follow-up


class HighlightKind(StrEnum):
    """What a marked span of an answer shows."""

    COVERED = "covered"  # it states a talking point
    CORRECTION = "correction"  # it makes a claim the coach corrected


class DailyQuota(StrEnum):
    """What a person may do a limited number of times a day (UTC): each costs coaching."""

    INTERVIEWS = "interviews"
    ANSWERS = "answers"
