"""Who is asking: the `sub` claim the Cognito authorizer put on the request, and nothing else."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent

from tucoach_interviews.errors import NotSignedIn


def caller(router: Router) -> str:
    event = router.current_event
    if not isinstance(event, APIGatewayProxyEvent):
        raise NotSignedIn
    claims = event.request_context.authorizer.claims
    user_id = claims.get("sub") if isinstance(claims, dict) else None
    if not isinstance(user_id, str) or not user_id:
        raise NotSignedIn
    return user_id
