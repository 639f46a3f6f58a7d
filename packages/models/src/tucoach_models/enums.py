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


class RecordType(StrEnum):
    """The `record_type` attribute that tells the item kinds of the single table apart."""

    INTERVIEW = "INTERVIEW"
    RATING = "RATING"
    IDEMPOTENCY = "IDEMPOTENCY"
