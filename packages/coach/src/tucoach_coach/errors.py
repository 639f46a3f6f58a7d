"""Why an interview step was refused, in words for the candidate.

Each is a conflict with the interview's state (HTTP 409): the request was well formed, but the
interview is not at a step that allows it.
"""

from __future__ import annotations

from tucoach_models import ConflictError


class NotTheCurrentQuestion(ConflictError):
    def __init__(self, question_id: str, current_id: str | None) -> None:
        super().__init__(
            "That question is no longer the one waiting for an answer; reload the interview "
            "and answer the current question.",
            details={"question_id": question_id, "current_question_id": current_id},
        )


class InterviewAlreadyCompleted(ConflictError):
    def __init__(self) -> None:
        super().__init__("This interview is complete; start a new one to keep practising.")


class NoQuestionWaiting(ConflictError):
    def __init__(self) -> None:
        super().__init__(
            "Every question of this interview has been answered; finish it to get your report."
        )


class NothingToReport(ConflictError):
    def __init__(self) -> None:
        super().__init__("Answer at least one question before finishing the interview.")


class QuestionRetired(ConflictError):
    def __init__(self, question_id: str) -> None:
        super().__init__(
            "This question has been retired from the question bank and cannot be scored; "
            "finish this interview and start a new one.",
            details={"question_id": question_id},
        )


class NotAFollowUp(ConflictError):
    def __init__(self, question_id: str) -> None:
        super().__init__(
            "Only a follow-up, or a question asked again, can be skipped; answer the question.",
            details={"question_id": question_id},
        )
