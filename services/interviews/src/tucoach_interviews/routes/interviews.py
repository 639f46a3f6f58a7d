"""Routes of /interviews: each validates, calls one service method and returns a typed view."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query
from aws_lambda_powertools.metrics import MetricUnit

from tucoach_interviews.container import service
from tucoach_interviews.observability import metrics
from tucoach_interviews.routes import links
from tucoach_interviews.routes.caller import caller
from tucoach_interviews.routes.responses import responses
from tucoach_interviews.schemas import (
    AnswerRequest,
    AnswerResponse,
    CreateInterviewRequest,
    Deleted,
    InterviewList,
    InterviewView,
    PracticePlan,
    RatingRequest,
    RatingState,
    RatingView,
    SkipRequest,
)
from tucoach_models import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, CoachEngine, Report, Unscored

router = Router()

InterviewIdPath = Annotated[
    str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Items per page, 1-100.")]
NextToken = Annotated[
    str | None, Query(max_length=2048, description="From the previous page's next_token.")
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=r"^[A-Za-z0-9_.:-]{8,128}$",
        description="Any unique string (e.g. a UUID); a retry with the same key and body "
        "returns the first response and changes nothing.",
    ),
]
JSON = "application/json"
# What a step of the interview (an answer, a skip) can be refused with.
STEP_ERRORS = (400, 401, 404, 409, 413, 415, 503)


@router.post(
    "/interviews",
    operation_id="createInterview",
    tags=["interviews"],
    summary="Start an interview",
    responses=responses(
        201,
        InterviewView,
        "The new interview, with its first question.",
        *(400, 401, 413, 415, 429, 503),
        links=links.from_interview(),
    ),
)
def create_interview(body: CreateInterviewRequest) -> Response[InterviewView]:
    view = service().create(caller(router), body)
    metrics.add_metric(name="InterviewsStarted", unit=MetricUnit.Count, value=1)
    return Response(status_code=201, content_type=JSON, body=view)


@router.get(
    "/interviews",
    operation_id="listInterviews",
    tags=["interviews"],
    summary="My interviews, newest first",
    responses=responses(200, InterviewList, "A page of my interviews.", 400, 401, 503),
)
def list_interviews(
    limit: Limit = DEFAULT_PAGE_LIMIT, next_token: NextToken = None
) -> InterviewList:
    return service().list(caller(router), limit, next_token)


@router.get(
    "/interviews/<interview_id>",
    operation_id="getInterview",
    tags=["interviews"],
    summary="An interview, latest version",
    responses=responses(
        200,
        InterviewView,
        "The interview's latest version.",
        *(401, 404, 503),
        links=links.from_interview(),
    ),
)
def get_interview(interview_id: InterviewIdPath) -> InterviewView:
    return service().get(caller(router), interview_id)


@router.get(
    "/interviews/<interview_id>/versions",
    operation_id="listVersions",
    tags=["interviews"],
    summary="An interview's versions",
    responses=responses(
        200, InterviewList, "A page of versions, oldest first.", 400, 401, 404, 503
    ),
)
def list_versions(
    interview_id: InterviewIdPath, limit: Limit = DEFAULT_PAGE_LIMIT, next_token: NextToken = None
) -> InterviewList:
    return service().versions(caller(router), interview_id, limit, next_token)


@router.post(
    "/interviews/<interview_id>/answers",
    operation_id="submitAnswer",
    tags=["interviews"],
    summary="Answer the current question",
    responses=responses(
        200,
        AnswerResponse,
        "Feedback on the answer, and the follow-up or next question.",
        *STEP_ERRORS,
        429,
        links=links.from_interview("/interview"),
    ),
)
def submit_answer(
    interview_id: InterviewIdPath, body: AnswerRequest, idempotency_key: IdempotencyKey = None
) -> Response[AnswerResponse]:
    outcome = service().answer(caller(router), interview_id, body, idempotency_key)
    if not outcome.replayed:
        metrics.add_metric(name="AnswersScored", unit=MetricUnit.Count, value=1)
        if outcome.response.feedback.provenance.fallback_reason:
            metrics.add_metric(name="CoachFallbacks", unit=MetricUnit.Count, value=1)
        if outcome.response.feedback.provenance.engine is CoachEngine.BEDROCK:
            metrics.add_metric(name="BedrockFeedback", unit=MetricUnit.Count, value=1)
        if outcome.response.feedback.unscored is Unscored.LANGUAGE:
            metrics.add_metric(name="AnswersNotInEnglish", unit=MetricUnit.Count, value=1)
    headers = {"Idempotent-Replayed": "true"} if outcome.replayed else {}
    return Response(status_code=200, content_type=JSON, body=outcome.response, headers=headers)


@router.post(
    "/interviews/<interview_id>/skip",
    operation_id="skipFollowUp",
    tags=["interviews"],
    summary="Skip the current follow-up question, or a question asked again",
    responses=responses(
        200,
        AnswerResponse,
        "The follow-up or retry recorded as skipped (not scored), and the next question.",
        *STEP_ERRORS,
        links=links.from_interview("/interview"),
    ),
)
def skip_follow_up(interview_id: InterviewIdPath, body: SkipRequest) -> AnswerResponse:
    response = service().skip(caller(router), interview_id, body)
    name = "RetriesSkipped" if response.question.retry else "FollowUpsSkipped"
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)
    return response


@router.post(
    "/interviews/<interview_id>/complete",
    operation_id="completeInterview",
    tags=["interviews"],
    summary="Finish: get the finished interview, with its report",
    responses=responses(
        200,
        InterviewView,
        "The finished interview, whole, with its report (`report`): all a report page shows.",
        *(401, 404, 409, 503),
        links=links.from_completed(),
    ),
)
def complete_interview(interview_id: InterviewIdPath) -> InterviewView:
    view = service().complete(caller(router), interview_id)
    metrics.add_metric(name="InterviewsCompleted", unit=MetricUnit.Count, value=1)
    return view


@router.get(
    "/interviews/<interview_id>/report",
    operation_id="getReport",
    tags=["interviews"],
    summary="The report",
    responses=responses(
        200, Report, "The interview's report.", 401, 404, 409, 503, links=links.from_report()
    ),
)
def get_report(interview_id: InterviewIdPath) -> Report:
    return service().report(caller(router), interview_id)


@router.post(
    "/interviews/<interview_id>/rating",
    operation_id="rateFeedback",
    tags=["interviews"],
    summary="Rate the coach's feedback on an interview",
    responses=responses(
        201,
        RatingView,
        "The rating, stored.",
        *(400, 401, 404, 413, 415, 503),
        links=links.from_rating(),
    ),
)
def rate_feedback(interview_id: InterviewIdPath, body: RatingRequest) -> Response[RatingView]:
    view = service().rate(caller(router), interview_id, body)
    return Response(status_code=201, content_type=JSON, body=view)


@router.get(
    "/interviews/<interview_id>/rating",
    tags=["interviews"],
    summary="The rating I gave the feedback, if any",
    responses=responses(200, RatingState, "The latest rating, or null.", 401, 404, 503),
)
def get_rating(interview_id: InterviewIdPath) -> RatingState:
    return service().rating(caller(router), interview_id)


@router.get(
    "/practice-plan",
    tags=["interviews"],
    summary="What I miss most, per role and topic",
    responses=responses(
        200,
        PracticePlan,
        "Made of my 10 latest finished interviews (found among my 30 latest).",
        401,
        503,
    ),
)
def get_practice_plan() -> PracticePlan:
    return service().practice_plan(caller(router))


@router.delete(
    "/interviews/<interview_id>",
    operation_id="deleteInterview",
    tags=["interviews"],
    summary="Delete an interview",
    responses=responses(
        200,
        Deleted,
        "The interview and all its versions are gone.",
        *(401, 404, 503),
        links=links.from_deletion(),
    ),
)
def delete_interview(interview_id: InterviewIdPath) -> Deleted:
    service().delete(caller(router), interview_id)
    return Deleted(interview_id=interview_id)
