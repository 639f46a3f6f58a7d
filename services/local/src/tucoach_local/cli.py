"""`python -m tucoach_local`: TuCoach AI on this machine, at a printed URL, until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType

from pydantic import ValidationError

from tucoach_coach import OpenAICompatibleSettings
from tucoach_local.database import database
from tucoach_local.identity import SignInPaths
from tucoach_local.invokers import InProcessInvoker, Invoker, WorkerPoolInvoker
from tucoach_local.options import build_parser
from tucoach_local.routes import PublicRoutes
from tucoach_local.server import OIDC_PREFIX, TuCoachServer
from tucoach_local.signing import load_or_create_key
from tucoach_local.static import StaticSite

TABLE_NAME = "TuCoachAi-local"
LOCAL_DAILY_LIMIT = "10000"
REGION = "us-east-1"

logger = logging.getLogger("tucoach.local")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.coach == "openai":
        problem = _openai_problem(arguments.openai_base_url, arguments.openai_model)
        if problem:
            parser.error(problem)
    return arguments


def _openai_problem(base_url: str, model: str | None) -> str | None:
    if not model:
        return "--coach openai needs --openai-model (or OPENAI_MODEL), e.g. llama3.2"
    try:
        OpenAICompatibleSettings(base_url=base_url, model=model)
    except ValidationError as error:
        return f"--openai-base-url {base_url!r}: {error.errors()[0]['msg']}"
    return None


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    started = time.perf_counter()
    data_dir: Path = arguments.data_dir.resolve()
    with database(data_dir, in_memory=arguments.in_memory) as db:
        environment = function_environment(
            db.endpoint, verbose=arguments.verbose
        ) | coach_environment(arguments)
        os.environ.update(environment)
        # Imported once its environment is set: the function reads it at cold start.
        from tucoach_interviews.app import openapi_json  # noqa: PLC0415
        from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415
        from tucoach_repository.dynamodb_local import local_client, local_settings  # noqa: PLC0415
        from tucoach_repository.tables import ensure_table  # noqa: PLC0415

        ensure_table(local_client(local_settings(db.endpoint, TABLE_NAME)), TABLE_NAME)
        invoker: Invoker = (
            WorkerPoolInvoker(arguments.workers, environment)
            if arguments.workers > 1
            else InProcessInvoker(lambda_handler)
        )
        server = TuCoachServer(
            (arguments.host, arguments.port),
            invoker=invoker,
            signing_key=load_or_create_key(data_dir / "oidc"),
            public_routes=PublicRoutes.from_openapi(openapi_json()),
            site=StaticSite(arguments.web_dir),
            sign_in_paths=SignInPaths.load(arguments.sign_in_paths),
        )
        url = server.url
        site = "the web app" if server.site.present else "the API (the web app is not built)"
        print(
            f"\nTuCoach AI is running at {url}/ - {site}, API at {url}/api, sign-in at "
            f"{url}{OIDC_PREFIX}\nDatabase: {db.engine}"
            + (f", kept in {db.persisted_in}" if db.persisted_in else "")
            + f". Coach: {_coach_description()}"
            + f". Started in {time.perf_counter() - started:.1f} s. Press Ctrl-C to stop.\n",
            flush=True,
        )
        try:
            _serve_until_signalled(server)
        finally:
            invoker.close()
    print("TuCoach AI stopped.", flush=True)
    return 0


def function_environment(endpoint: str, *, verbose: bool) -> dict[str, str]:
    """The environment the Lambda function gets in AWS, pointed at the local database."""
    return {
        "TABLE_NAME": TABLE_NAME,
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "DYNAMODB_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "POWERTOOLS_SERVICE_NAME": "interviews",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_DISABLED": "true",
        "POWERTOOLS_LOG_LEVEL": "INFO" if verbose else "WARNING",
        # A laptop has no bill to protect: AWS's limits (20 and 200) unless set here.
        "DAILY_INTERVIEW_LIMIT": os.environ.get("DAILY_INTERVIEW_LIMIT", LOCAL_DAILY_LIMIT),
        "DAILY_ANSWER_LIMIT": os.environ.get("DAILY_ANSWER_LIMIT", LOCAL_DAILY_LIMIT),
    }


def coach_environment(arguments: argparse.Namespace) -> dict[str, str]:
    """The function's coach settings from the command line; none when --coach is not given, so
    COACH_ENGINE and its settings come from the environment as they would in AWS."""
    if arguments.coach is None:
        return {}
    if arguments.coach == "offline":
        return {"COACH_ENGINE": "offline"}
    return {
        "COACH_ENGINE": "openai",
        "OPENAI_BASE_URL": arguments.openai_base_url,
        "OPENAI_MODEL": arguments.openai_model,
    }


def _coach_description() -> str:
    """What scores answers, as the function will read it from the environment."""
    engine = os.environ.get("COACH_ENGINE") or "offline"
    if engine == "openai":
        model, base_url = os.environ.get("OPENAI_MODEL"), os.environ.get("OPENAI_BASE_URL")
        return f"{model} at {base_url}, the rubric when it fails"
    return engine


def _serve_until_signalled(server: TuCoachServer) -> None:
    def stop(signum: int, _: FrameType | None) -> None:
        logger.info("stopping (%s)", signal.Signals(signum).name)
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
