"""`bin/run --coach openai`: the command's options become the function's coach settings, and an
answer given through the running server is scored by the model behind the configured server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tucoach_coach import load_bank
from tucoach_coach.prompts import PROMPT_VERSION
from tucoach_coach_testing.openai_stand_in import stand_in, verdict_reply
from tucoach_local.cli import coach_environment, parse_arguments
from tucoach_local.options import OLLAMA_BASE_URL
from tucoach_local_testing.client import LocalClient
from tucoach_local_testing.startup import wait_for_url


def test_without_coach_options_the_environment_decides() -> None:
    assert coach_environment(parse_arguments([])) == {}


def test_coach_offline_is_explicit() -> None:
    assert coach_environment(parse_arguments(["--coach", "offline"])) == {"COACH_ENGINE": "offline"}


def test_coach_openai_defaults_to_ollama_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    arguments = parse_arguments(["--coach", "openai", "--openai-model", "llama3.2"])
    assert coach_environment(arguments) == {
        "COACH_ENGINE": "openai",
        "OPENAI_BASE_URL": OLLAMA_BASE_URL,
        "OPENAI_MODEL": "llama3.2",
    }


def test_coach_openai_takes_its_server_and_model_from_the_environment_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("OPENAI_MODEL", "qwen2.5")
    environment = coach_environment(parse_arguments(["--coach", "openai"]))
    assert environment["OPENAI_BASE_URL"] == "http://127.0.0.1:8080/v1"
    assert environment["OPENAI_MODEL"] == "qwen2.5"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--coach", "openai"], "needs --openai-model"),
        (
            ["--coach", "openai", "--openai-model", "m", "--openai-base-url", "localhost:11434"],
            "the base URL must be http",
        ),
    ],
    ids=["no-model", "not-a-url"],
)
def test_an_unusable_openai_coach_is_refused_before_anything_starts(
    argv: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("OPENAI_MODEL", raising=False)
    with pytest.raises(SystemExit):
        parse_arguments(argv)
    assert message in capsys.readouterr().err


@pytest.mark.usefixtures("dynamodb_local_endpoint")
def test_an_answer_through_the_running_command_is_scored_by_the_model(tmp_path: Path) -> None:
    with stand_in() as model_server:
        # Given the command started with --coach openai, pointed at a model server
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                "-m",
                "tucoach_local",
                "--port",
                "0",
                "--in-memory",
                "--workers",
                "1",
                "--data-dir",
                str(tmp_path),
                "--web-dir",
                str(tmp_path / "no-web-app"),
                "--coach",
                "openai",
                "--openai-base-url",
                model_server.base_url,
                "--openai-model",
                "llama3.2",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PYTHONUNBUFFERED="1"),
        )
        try:
            url, banner = wait_for_url(process)
            assert f"Coach: llama3.2 at {model_server.base_url}" in banner
            client = LocalClient(url)
            client.sign_in("grace@example.com")
            interview = client.api(
                "POST", "/interviews", {"role": "devops", "seniority": "junior"}
            ).body
            question = load_bank().get(interview["current_question"]["question_id"])
            model_server.enqueue(
                verdict_reply(
                    {
                        "language": "en",
                        "covered_point_ids": [question.talking_points[0].id],
                        "corrections": [],
                        "coverage": 0.5,
                        "depth": 1.0,
                        "clarity": 1.5,
                        "strengths": ["Clear."],
                        "improvements": ["Give an example."],
                    }
                )
            )
            # When the candidate answers
            reply = client.api(
                "POST",
                f"/interviews/{interview['interview_id']}/answers",
                {"question_id": question.id, "answer": question.model_answer},
            )
        finally:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=30)
    # Then the feedback is the model's, and says so
    assert reply.status == 200, reply.body
    provenance = reply.body["feedback"]["provenance"]
    assert provenance == {
        "engine": "openai",
        "model": "llama3.2",
        "prompt_version": PROMPT_VERSION,
        "fallback_reason": None,
    }
    assert reply.body["feedback"]["score"] == 3.0
    assert len(model_server.received) == 1
