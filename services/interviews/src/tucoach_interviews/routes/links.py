"""OpenAPI links: which answer feeds which next request. They let a client, and the stateful
fuzzer, walk an interview the way the app does: start, answer or skip, finish, read the report,
rate it, list the versions, delete, and find it gone."""

from __future__ import annotations

from typing import Any

Link = dict[str, Any]
# The id of the interview a report is about is in the request's path, not in the report.
PATH_ID = "$request.path.interview_id"


def _link(operation_id: str, interview_id: str, description: str, body: Link | None = None) -> Link:
    link: Link = {
        "operationId": operation_id,
        "parameters": {"path.interview_id": interview_id},
        "description": description,
    }
    if body is not None:
        link["requestBody"] = body
    return link


def _versions_and_deletion(interview_id: str) -> dict[str, Link]:
    return {
        "ListVersions": _link("listVersions", interview_id, "The interview's versions."),
        "DeleteInterview": _link("deleteInterview", interview_id, "Delete the interview."),
    }


def from_interview(pointer: str = "") -> dict[str, Link]:
    """Links from a response with an interview at `pointer` ("" for the whole body)."""
    interview_id = f"$response.body#{pointer}/interview_id"
    step = {
        "question_id": f"$response.body#{pointer}/current_question/question_id",
        "expected_version": f"$response.body#{pointer}/version",
    }
    return {
        "GetInterview": _link("getInterview", interview_id, "The interview, read back."),
        "AnswerCurrentQuestion": _link(
            "submitAnswer", interview_id, "Answer the question now asked.", step
        ),
        "SkipCurrentQuestion": _link(
            "skipFollowUp", interview_id, "Skip the question now asked (a follow-up).", step
        ),
        "FinishInterview": _link("completeInterview", interview_id, "Finish the interview."),
        **_versions_and_deletion(interview_id),
    }


def from_completed() -> dict[str, Link]:
    """Links from a finished interview (finishing it)."""
    interview_id = "$response.body#/interview_id"
    return {
        "GetInterview": _link("getInterview", interview_id, "The interview, read back."),
        "GetReport": _link("getReport", interview_id, "The report alone, read again."),
        "RateFeedback": _link("rateFeedback", interview_id, "Rate the coach's feedback."),
        **_versions_and_deletion(interview_id),
    }


def from_report() -> dict[str, Link]:
    """Links from a report, read again."""
    return {
        "GetReport": _link("getReport", PATH_ID, "The report, read again."),
        "RateFeedback": _link("rateFeedback", PATH_ID, "Rate the coach's feedback."),
        **_versions_and_deletion(PATH_ID),
    }


def from_rating() -> dict[str, Link]:
    interview_id = "$response.body#/interview_id"
    return {
        "GetReport": _link("getReport", interview_id, "The report that was rated."),
        **_versions_and_deletion(interview_id),
    }


def from_deletion() -> dict[str, Link]:
    """Links to what a deletion removed: each of them is a 404 now."""
    interview_id = "$response.body#/interview_id"
    return {
        "GetInterview": _link("getInterview", interview_id, "Gone: 404."),
        "ListVersions": _link("listVersions", interview_id, "Gone: 404."),
        "GetReport": _link("getReport", interview_id, "Gone: 404."),
    }
