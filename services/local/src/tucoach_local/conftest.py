"""The local server, in this process on a free port, over DynamoDB Local (see the repository
package's fixtures for how the engine is found, and when a missing one skips or fails)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from joserfc.jwk import RSAKey

from tucoach_local.cli import TABLE_NAME, function_environment
from tucoach_local.client import LocalClient
from tucoach_local.identity import SignInPaths
from tucoach_local.invokers import InProcessInvoker, Invoker, WorkerPoolInvoker
from tucoach_local.routes import PublicRoutes
from tucoach_local.server import TuCoachServer
from tucoach_local.static import StaticSite
from tucoach_repository_testing.fixtures import dynamodb_local_endpoint  # noqa: F401 - a fixture


@dataclass(frozen=True)
class RunningServer:
    url: str
    signing_key: RSAKey
    web_dir: Path
    endpoint: str

    def client(self, token: str | None = None) -> LocalClient:
        return LocalClient(self.url, token)


@contextmanager
def serving(
    endpoint: str, web_dir: Path, make_invoker: Callable[[dict[str, str]], Invoker]
) -> Iterator[RunningServer]:
    (web_dir / "index.html").write_text("<!doctype html><title>TuCoach</title>")
    (web_dir / "assets").mkdir(exist_ok=True)
    (web_dir / "assets" / "app-1234.js").write_text("console.log('app')")
    environment = function_environment(endpoint, verbose=False)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)
        from tucoach_interviews import container  # noqa: PLC0415 - after the environment
        from tucoach_interviews.app import openapi_json  # noqa: PLC0415
        from tucoach_repository.dynamodb_local import local_client, local_settings  # noqa: PLC0415
        from tucoach_repository.tables import ensure_table  # noqa: PLC0415

        container.settings.cache_clear()
        container.service.cache_clear()
        ensure_table(local_client(local_settings(endpoint, TABLE_NAME)), TABLE_NAME)
        key = RSAKey.generate_key(2048, parameters={"alg": "RS256"}, private=True, auto_kid=True)
        invoker = make_invoker(environment)
        server = TuCoachServer(
            ("127.0.0.1", 0),
            invoker=invoker,
            signing_key=key,
            public_routes=PublicRoutes.from_openapi(openapi_json()),
            site=StaticSite(web_dir),
            sign_in_paths=SignInPaths.load(),
        )
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield RunningServer(server.url, key, web_dir, endpoint)
        finally:
            server.shutdown()
            server.server_close()
            invoker.close()
            container.settings.cache_clear()
            container.service.cache_clear()


def in_process(_: dict[str, str]) -> Invoker:
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415 - after the environment

    return InProcessInvoker(lambda_handler)


@pytest.fixture(scope="module")
def local_server(
    dynamodb_local_endpoint: str,  # noqa: F811 - the fixture imported above
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServer]:
    """One function instance in this process: the simplest, for most tests."""
    with serving(dynamodb_local_endpoint, tmp_path_factory.mktemp("web"), in_process) as server:
        yield server


@pytest.fixture(scope="module")
def pooled_server(
    dynamodb_local_endpoint: str,  # noqa: F811 - the fixture imported above
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServer]:
    """Four function instances in worker processes, serving requests truly side by side."""
    with serving(
        dynamodb_local_endpoint,
        tmp_path_factory.mktemp("web"),
        lambda environment: WorkerPoolInvoker(4, environment),
    ) as server:
        yield server
