"""The service is built over the collaborators it is given, production's for the others."""

from __future__ import annotations

from datetime import UTC, datetime

from tucoach_coach import OfflineEngine, load_bank
from tucoach_interviews import container
from tucoach_interviews.settings import Settings
from tucoach_interviews_testing import Api
from tucoach_repository import InterviewRepository

CONFIG = Settings.from_environment({"TABLE_NAME": "TuCoachAi-test", "AWS_REGION": "eu-west-1"})
MOMENT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_left_out_collaborators_are_productions() -> None:
    service = container.build_service(CONFIG)
    assert isinstance(service.store, InterviewRepository)
    assert isinstance(service.interviewer.engine, OfflineEngine)
    assert service.interviewer.bank is load_bank()


def test_the_routes_use_the_service_built_over_the_given_clock_and_ids(api: Api) -> None:
    # Given a service over a fixed clock and a fixed id, handed to the routes
    container.use(
        container.build_service(container.settings(), clock=lambda: MOMENT, new_id=lambda: "id-1")
    )
    # When an interview is started through the API
    reply = api.call("POST", "/interviews", body={"role": "backend", "seniority": "junior"})
    # Then it carries that id and that moment
    assert reply.status == 201, reply.body
    assert reply.body["interview_id"] == "id-1"
    assert datetime.fromisoformat(reply.body["created_at"]) == MOMENT
