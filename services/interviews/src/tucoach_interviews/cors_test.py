from __future__ import annotations

import pytest

from tucoach_interviews import container
from tucoach_interviews.cors import cors_headers
from tucoach_interviews_testing import Api

APP = "https://app.tucoach.example"


def test_only_the_apps_origin_gets_cors_headers() -> None:
    assert cors_headers(APP, {"Origin": APP})["Access-Control-Allow-Origin"] == APP
    assert cors_headers(APP, {"origin": "https://evil.example"}) == {}
    assert cors_headers(APP, {}) == {}
    assert cors_headers(None, {"Origin": APP}) == {}


def test_every_response_of_the_function_carries_them_for_the_app(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the function configured with the app's origin
    monkeypatch.setenv("CORS_ALLOW_ORIGIN", APP)
    container.use(None)
    from_app = {"Origin": APP}
    # When the app gets a success, a refusal from a route, and a refusal before routing
    replies = [
        api.call(
            "POST", "/interviews", body={"role": "backend", "seniority": "junior"}, headers=from_app
        ),
        api.call("GET", "/interviews/unknown-id", headers=from_app),
        api.call("POST", "/interviews", raw_body="x" * 70_000, headers=from_app),
    ]
    # Then each carries the CORS headers, so the browser lets the app read it
    assert [r.status for r in replies] == [201, 404, 413]
    for reply in replies:
        assert reply.headers["Access-Control-Allow-Origin"] == APP
        assert "Idempotent-Replayed" in reply.headers["Access-Control-Expose-Headers"]
    # And another origin gets none
    other = api.call("GET", "/catalog", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
