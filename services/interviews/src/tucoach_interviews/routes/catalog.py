"""GET /catalog: what can be practised. Public: it needs no sign-in."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from tucoach_interviews.container import service
from tucoach_interviews.routes.responses import JSON, responses
from tucoach_interviews.schemas import Catalog

router = Router()


@router.get(
    "/catalog",
    operation_id="getCatalog",
    tags=["catalog"],
    summary="Roles, seniorities, topics, question counts",
    security=[{}],  # public: the one route without the Cognito authorizer
    responses=responses(200, Catalog, "What can be practised.", 503),
    # Nothing to validate: no body, no parameter (an unknown one is refused before routing, in
    # `app.resolve`), and the body is the Catalog model serialised once. Powertools' validation
    # here only read every header and cookie and checked that a string is a string, half of a
    # warm request's time.
    enable_validation=False,
)
def get_catalog() -> Response[str]:
    # Serialised once per container: validating and encoding the same catalog on every request
    # was most of this route's time. The document still names Catalog (`responses` above).
    return Response(status_code=200, content_type=JSON, body=service().catalog_json)
