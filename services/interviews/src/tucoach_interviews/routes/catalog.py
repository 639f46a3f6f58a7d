"""GET /catalog: what can be practised. Public: it needs no sign-in."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from tucoach_interviews.container import service
from tucoach_interviews.routes.responses import JSON, responses
from tucoach_interviews.schemas import Catalog

router = Router()

# The catalog is the bank's, which changes only with a deployment, and the same for everyone:
# browsers and CloudFront (infra/frontend_hosting.tf) may keep it for an hour, so a start page
# seldom reaches API Gateway and the function, and a deployment's catalog is everywhere within
# the hour (CloudFront sends the copy's Age, which a browser counts against the max-age).
CACHE_CONTROL = "public, max-age=3600"

_RESPONSES = responses(200, Catalog, "What can be practised.", 503)
_RESPONSES[200]["headers"] = {
    "Cache-Control": {
        "description": "The catalog may be kept: it changes only with a deployment. Every "
        "other answer of the API, this route's errors included, is no-store.",
        "schema": {"type": "string", "example": CACHE_CONTROL},
    }
}


@router.get(
    "/catalog",
    operation_id="getCatalog",
    tags=["catalog"],
    summary="Roles, seniorities, topics, question counts",
    security=[{}],  # public: the one route without the Cognito authorizer
    responses=_RESPONSES,
    # Nothing to validate: no body, no parameter (an unknown one is refused before routing, in
    # `app.resolve`), and the body is the Catalog model serialised once. Powertools' validation
    # here only read every header and cookie and checked that a string is a string, half of a
    # warm request's time.
    enable_validation=False,
)
def get_catalog() -> Response[str]:
    # Serialised once per container: validating and encoding the same catalog on every request
    # was most of this route's time. The document still names Catalog (`responses` above).
    return Response(
        status_code=200,
        content_type=JSON,
        body=service().catalog_json,
        headers={"Cache-Control": CACHE_CONTROL},
    )
