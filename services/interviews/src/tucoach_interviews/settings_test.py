"""The coach engine the function builds from its environment, refused at cold start if unusable."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tucoach_coach import (
    OfflineEngine,
    OpenAICompatibleEngine,
    OpenAICompatibleSettings,
    load_bank,
)
from tucoach_coach_testing.openai_stand_in import stand_in, verdict_reply
from tucoach_interviews.container import coach_engine
from tucoach_interviews.settings import Settings
from tucoach_interviews_testing import Api
from tucoach_models import CoachEngine

BASE = {"TABLE_NAME": "TuCoachAi-test", "AWS_REGION": "eu-west-1"}
OPENAI = BASE | {
    "COACH_ENGINE": "openai",
    "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1",
    "OPENAI_MODEL": "llama3.2",
}
START = {"role": "backend", "seniority": "junior", "question_count": 3}
WRONG_CLAIM = "Retrying a request is never safe."
ANSWER = (
    "I would first look at what the question asks and answer it with an example from my last "
    f"project, where we had to explain our choices to the team. {WRONG_CLAIM} So we avoided "
    "retries entirely and accepted the failed requests."
)


def test_the_offline_engine_is_the_default() -> None:
    assert isinstance(coach_engine(Settings.from_environment(BASE)), OfflineEngine)


def test_the_openai_engine_is_built_from_its_variables() -> None:
    environment = OPENAI | {"OPENAI_API_KEY": "sk-test", "OPENAI_TIMEOUT_SECONDS": "20"}
    settings = Settings.from_environment(environment)
    engine = coach_engine(settings)
    assert isinstance(engine, OpenAICompatibleEngine)
    assert engine.provenance.engine is CoachEngine.OPENAI
    assert engine.provenance.model == "llama3.2"
    assert "sk-test" not in repr(settings)
    # The coach reads the same variables for tools run outside the function
    assert settings.openai_settings() == OpenAICompatibleSettings.from_environment(environment)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"OPENAI_BASE_URL": ""}, "needs OPENAI_BASE_URL and OPENAI_MODEL"),
        ({"OPENAI_MODEL": ""}, "needs OPENAI_BASE_URL and OPENAI_MODEL"),
        ({"OPENAI_BASE_URL": "127.0.0.1:11434"}, "base URL must be http"),
        ({"OPENAI_MAX_ATTEMPTS": "50"}, "max_attempts"),
        ({"OPENAI_RESPONSE_FORMAT": "xml"}, "OPENAI_RESPONSE_FORMAT"),
    ],
    ids=["no-url", "no-model", "not-a-url", "too-many-attempts", "unknown-format"],
)
def test_an_unusable_openai_configuration_fails_at_cold_start(
    changes: dict[str, str], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings.from_environment(OPENAI | changes)


def test_an_answer_is_scored_by_the_model_behind_the_configured_server(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    with stand_in() as server:
        # Given the function configured for an OpenAI-compatible server
        for name, value in (OPENAI | {"OPENAI_BASE_URL": server.base_url}).items():
            monkeypatch.setenv(name, value)
        interview = api.call("POST", "/interviews", body=START).body
        question = load_bank().get(interview["current_question"]["question_id"])
        # ... whose model covers one point and corrects one claim
        server.enqueue(
            verdict_reply(
                {
                    "language": "en",
                    "covered_point_ids": [question.talking_points[0].id],
                    "corrections": [
                        {"said": WRONG_CLAIM, "claim": "Wrong.", "correction": "It depends."}
                    ],
                    "coverage": 0.5,  # within one point's share, whatever the question
                    "depth": 1.0,
                    "clarity": 1.5,
                    "strengths": ["Clear."],
                    "improvements": ["Be precise."],
                }
            )
        )
        # When the candidate answers over the API
        reply = api.call(
            "POST",
            f"/interviews/{interview['interview_id']}/answers",
            body={"question_id": question.id, "answer": ANSWER},
        )
        received = list(server.received)
    # Then the server saw the answer, and the feedback is the model's
    assert reply.status == 200, reply.body
    feedback = reply.body["feedback"]
    assert feedback["provenance"]["engine"] == "openai", feedback["provenance"]
    assert feedback["provenance"]["model"] == "llama3.2"
    assert feedback["score"] == 3.0
    assert feedback["corrections"] == [
        {"said": WRONG_CLAIM, "claim": "Wrong.", "correction": "It depends."}
    ]
    assert len(received) == 1
    assert ANSWER in received[0].body["messages"][1]["content"]
