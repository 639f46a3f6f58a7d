"""Benchmark of the function, printed, asserting nothing (against DynamoDB Local).

Run: ./pants run services/interviews/tools/tucoach_interviews_tools/bench.py
(with DYNAMODB_LOCAL_DIR set, as bin/test and bin/run set it)

1. Import time of the handler module against importing its unavoidable dependencies alone
   (boto3, pydantic, Powertools' resolver), each in fresh interpreters, median of 7.
2. In-process latency of GET /catalog through the handler against a bare Powertools route
   answering the same event, median and p99 of 500.
3. DynamoDB requests per route, counted on the repository's client.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from tucoach_interviews_testing import Api

RUNS = 7
REQUESTS = 500
TABLE = "TuCoachAi-bench"

UNAVOIDABLE = (
    "import boto3, pydantic; from aws_lambda_powertools.event_handler import APIGatewayRestResolver"
)
HANDLER = "import tucoach_interviews.handler"

# API Gateway REST proxy events, as the function's tests make them.
_event = Api().event


def _import_seconds(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    samples = []
    for _ in range(RUNS):
        completed = subprocess.run(  # noqa: S603 - our interpreter, our statement
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
        )
        if completed.returncode != 0:
            raise RuntimeError(f"`{statement}` failed:\n{completed.stderr}")
        samples.append(float(completed.stdout.split()[-1]))  # after any log line
    return statistics.median(samples)


def _latencies(call: Callable[[], object]) -> tuple[float, float]:
    for _ in range(20):
        call()
    samples = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[int(0.99 * (len(samples) - 1))]


class _Context(LambdaContext):
    function_name = "tucoach-interviews-bench"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:bench"
    aws_request_id = "bench"


def main() -> None:
    handler_import = _import_seconds(HANDLER)
    unavoidable_import = _import_seconds(UNAVOIDABLE)
    print(
        f"import: handler module {handler_import * 1000:.0f} ms, unavoidable dependencies "
        f"{unavoidable_import * 1000:.0f} ms, ratio {handler_import / unavoidable_import:.2f}"
    )

    from tucoach_repository.dynamodb_local import (  # noqa: PLC0415
        REGION,
        find_installation,
        local_client,
        local_settings,
        running,
    )

    with running(find_installation()) as endpoint:
        os.environ.update(
            {
                "TABLE_NAME": TABLE,
                "AWS_REGION": REGION,
                "AWS_DEFAULT_REGION": REGION,
                "AWS_ACCESS_KEY_ID": "local",
                "AWS_SECRET_ACCESS_KEY": "local",
                "DYNAMODB_ENDPOINT_URL": endpoint,
                "POWERTOOLS_TRACE_DISABLED": "true",
                "POWERTOOLS_METRICS_DISABLED": "true",
                "POWERTOOLS_LOG_LEVEL": "WARNING",
            }
        )
        from tucoach_repository.tables import ensure_table  # noqa: PLC0415

        ensure_table(local_client(local_settings(endpoint, TABLE)), TABLE)
        _latency_against_bare_route()
        _requests_per_route()


def _latency_against_bare_route() -> None:
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver  # noqa: PLC0415

    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415

    bare = APIGatewayRestResolver()

    @bare.get("/catalog")
    def catalog() -> dict[str, str]:
        return {"status": "ok"}

    event = _event("GET", "/catalog")
    context = _Context()
    ours = _latencies(lambda: lambda_handler(event, context))
    baseline = _latencies(lambda: bare.resolve(event, context))
    print(
        f"GET /catalog in process: handler p50 {ours[0] * 1000:.3f} ms p99 {ours[1] * 1000:.3f} ms"
        f"; bare Powertools route p50 {baseline[0] * 1000:.3f} ms p99 {baseline[1] * 1000:.3f} ms"
        f"; ratio of p50 {ours[0] / baseline[0]:.2f}"
    )


def _requests_per_route() -> None:
    from tucoach_interviews import container  # noqa: PLC0415
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415
    from tucoach_repository import InterviewRepository, make_client  # noqa: PLC0415
    from tucoach_repository_testing.request_counts import counted_requests  # noqa: PLC0415

    # The function's own service, over a repository whose client the benchmark can count on.
    config = container.settings()
    repository_settings = container.repository_settings(config)
    client = make_client(repository_settings)
    store = InterviewRepository(repository_settings, client=client)
    container.use(container.build_service(config, store=store))
    context = _Context()

    def call(label: str, method: str, path: str, **kwargs: Any) -> Any:
        with counted_requests(client) as counts:
            response = lambda_handler(_event(method, path, **kwargs), context)
        print(f"  {label:<44} {response['statusCode']}  {_describe(counts)}")
        return json.loads(response["body"]) if response["body"] else None

    print("DynamoDB requests per route:")
    created = call(
        "POST /interviews", "POST", "/interviews", body={"role": "backend", "seniority": "junior"}
    )
    interview_id = created["interview_id"]
    base = f"/interviews/{interview_id}"
    call("GET /interviews", "GET", "/interviews")
    call("GET /interviews/{id}", "GET", base)
    call("GET /interviews/{id}/versions", "GET", f"{base}/versions")
    answer = {"question_id": created["current_question"]["question_id"], "answer": "An answer."}
    key = {"Idempotency-Key": "bench-answer-0001"}
    call("POST /interviews/{id}/answers", "POST", f"{base}/answers", body=answer, headers=key)
    call(
        "POST /interviews/{id}/answers (replay)",
        "POST",
        f"{base}/answers",
        body=answer,
        headers=key,
    )
    call("POST /interviews/{id}/complete", "POST", f"{base}/complete")
    call("GET /interviews/{id}/report", "GET", f"{base}/report")
    call("POST /interviews/{id}/rating", "POST", f"{base}/rating", body={"helpful": True})
    call("DELETE /interviews/{id}", "DELETE", base)
    call("GET /catalog", "GET", "/catalog")


def _describe(counts: Counter[str]) -> str:
    return ", ".join(f"{n} {operation}" for operation, n in sorted(counts.items())) or "none"


if __name__ == "__main__":
    main()
