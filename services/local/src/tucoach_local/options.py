"""The local server's command line, standard library only: `bin/run --help` prints it with a
bare `python3 -m tucoach_local.options --help`, before Pants, DynamoDB Local or the web app's
build start (seconds instead of ~20)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

OLLAMA_BASE_URL = "http://127.0.0.1:11434/v1"
# Where the app's sign-in and sign-out land, relative to the repository: the one setting Cognito's
# app client (infra/main.tf), the web app's build (frontend/vite.config.ts) and this provider use.
SIGN_IN_PATHS_FILE = Path("infra/sign_in_paths.json")

DESCRIPTION = """\
TuCoach AI on this machine, at a printed URL, until Ctrl-C: the API (the interviews function
behind an emulated API Gateway), a local OpenID Connect sign-in and the web app, on one origin.
bin/run first installs DynamoDB Local when Java 17+ and npm are there (without them interviews
live in memory only) and builds the web app when frontend/dist is missing or stale."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bin/run",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="the port (default: 8000; 0 picks a free one)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(".local-data"),
        help="where DynamoDB Local keeps interviews and the sign-in keeps its signing key "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--web-dir",
        type=Path,
        default=Path("frontend/dist"),
        help="the built web app to serve; without it only the API and sign-in are served "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--sign-in-paths",
        type=Path,
        default=SIGN_IN_PATHS_FILE,
        help="the app's callback and sign-out paths, shared with Cognito (default: %(default)s)",
    )
    parser.add_argument(
        "--in-memory", action="store_true", help="keep nothing after stopping (for tests)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="function instances serving requests side by side (default 2; 1 runs in process)",
    )
    parser.add_argument("--verbose", action="store_true", help="print the function's own logs too")
    coach = parser.add_argument_group(
        "coach",
        "AI feedback from a model behind an OpenAI-compatible server (Ollama,\n"
        "llama.cpp's llama-server, vLLM, LM Studio, a hosted provider); the server's API key,\n"
        "if it needs one, is read from OPENAI_API_KEY",
    )
    coach.add_argument(
        "--coach",
        choices=["offline", "openai"],
        help="offline: the rubric, no model; openai: the model below, falling back to the rubric "
        "when it fails (default: COACH_ENGINE, else offline)",
    )
    coach.add_argument(
        "--openai-base-url",
        default=os.environ.get("OPENAI_BASE_URL") or OLLAMA_BASE_URL,
        help=f"the API root (default: OPENAI_BASE_URL, else Ollama's {OLLAMA_BASE_URL})",
    )
    coach.add_argument(
        "--openai-model",
        default=os.environ.get("OPENAI_MODEL"),
        help="the model, e.g. llama3.2 (default: OPENAI_MODEL)",
    )
    return parser


if __name__ == "__main__":
    build_parser().parse_args()
