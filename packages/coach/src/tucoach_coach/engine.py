"""What every coach engine does: turn an answer to a target into feedback."""

from __future__ import annotations

from typing import Protocol

from tucoach_coach.target import ScoringTarget
from tucoach_models import Feedback


class FeedbackEngine(Protocol):
    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        """Feedback on `answer`, scored feedback with its highlights (`highlights.py`); never
        raises for a bad answer, only scores it low."""
        ...
