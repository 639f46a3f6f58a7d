"""Benchmark of the function, printed, asserting nothing (against DynamoDB Local).

Run: ./pants run services/interviews/tools/tucoach_interviews_tools/bench.py
(with DYNAMODB_LOCAL_DIR set, as bin/test and bin/run set it)

1. Warm GET /catalog through the handler against a bare Powertools route answering the same
   event (without and with request validation): interleaved rounds, min and median of the p50s.
2. Warm answers 1 and 19 of ten-question interviews: wall time and the CPU time spent outside
   DynamoDB (Local runs in its own process), against the bare route, and how much of that CPU
   is botocore's own (its four requests an answer) and how much the function's. One process
   answers every interview, as one warm container answers a person's interview question after
   question, so each answer but the first reads from the version kept folded (ADR 0011).
3. DynamoDB requests per route, counted on the repository's client.

Cold import is cold_import_bench.py's (from the built artifacts, as Lambda lays them out).
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from tucoach_interviews_testing import Api

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

ROUNDS = 9
REQUESTS = 300
INTERVIEWS = 12  # samples of each answer measured: medians of fewer moved with the machine
ANSWERS_MEASURED = (1, 19)
TABLE = "TuCoachAi-bench"

# API Gateway REST proxy events, as the function's tests make them.
_event = Api().event


class _Context(LambdaContext):
    function_name = "tucoach-interviews-bench"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:bench"
    aws_request_id = "bench"


def main() -> None:
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
                "DAILY_INTERVIEW_LIMIT": "1000",
                "DAILY_ANSWER_LIMIT": "10000",
            }
        )
        from tucoach_repository.tables import ensure_table  # noqa: PLC0415

        ensure_table(local_client(local_settings(endpoint, TABLE)), TABLE)
        bare_p50 = _latency_against_bare_route()
        client = _own_client()
        _answers_against_bare_route(bare_p50, client)
        _requests_per_route(client)


def _bare_routes() -> dict[str, Callable[[dict[str, Any], LambdaContext], object]]:
    """The baselines: a bare Powertools route answering GET /catalog with a constant, without and
    with request validation (this function's resolver validates)."""
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver  # noqa: PLC0415

    routes: dict[str, Callable[[dict[str, Any], LambdaContext], object]] = {}
    for label, validation in (("bare Powertools route", False), ("bare, with validation", True)):
        resolver = APIGatewayRestResolver(enable_validation=validation)

        @resolver.get("/catalog")
        def catalog() -> dict[str, str]:
            return {"status": "ok"}

        routes[label] = resolver.resolve
    return routes


def _p50(call: Callable[[], object]) -> float:
    samples = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _latency_against_bare_route() -> float:
    """Warm GET /catalog through the handler against the bare routes, in interleaved rounds of
    REQUESTS calls each; prints min and median over the rounds' p50s. Returns the bare route's
    median p50 (seconds), the yardstick of the answers below."""
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415

    event = _event("GET", "/catalog")
    context = _Context()
    cases: dict[str, Callable[[], object]] = {
        "handler": lambda: lambda_handler(event, context),
        **{label: partial(route, event, context) for label, route in _bare_routes().items()},
    }
    for call in cases.values():
        for _ in range(50):  # warm: the service built, the routes' validators compiled
            call()
    p50s: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(ROUNDS):
        for label, call in cases.items():
            p50s[label].append(_p50(call))
    print(
        f"warm GET /catalog in process ({ROUNDS} interleaved rounds of {REQUESTS} calls;"
        " p50 per round)"
    )
    for label, values in p50s.items():
        print(
            f"  {label:<24} p50 min {min(values) * 1e6:7.1f} us  median"
            f" {statistics.median(values) * 1e6:7.1f} us"
        )
    ours = p50s["handler"]
    for label in list(cases)[1:]:
        print(
            f"  handler / {label}: min {min(ours) / min(p50s[label]):.2f}"
            f"  median {statistics.median(ours) / statistics.median(p50s[label]):.2f}"
        )
    return statistics.median(p50s["bare Powertools route"])


def _answers_against_bare_route(bare_p50: float, client: DynamoDBClient) -> None:
    """Answers 1 and 19 of ten-question interviews (a follow-up after every main answer but the
    last), wall time and this process's CPU time: the CPU spent outside DynamoDB Local, which runs
    in its own process (the answer's logic, mapping, botocore's serialising and parsing), and the
    part of it spent in the requests of `client`, the service's (`_own_client`)."""
    from tucoach_coach import load_bank  # noqa: PLC0415
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415
    from tucoach_repository_testing.sdk_time import time_in_sdk  # noqa: PLC0415

    bank = load_bank()
    context = _Context()
    # (wall, CPU, CPU in botocore's requests) of each answer measured
    measured: dict[int, list[tuple[float, float, float]]] = {k: [] for k in ANSWERS_MEASURED}
    reached = []
    for _ in range(INTERVIEWS):
        body = {"role": "backend", "seniority": "junior", "question_count": 10}
        view = json.loads(lambda_handler(_event("POST", "/interviews", body=body), context)["body"])
        path = f"/interviews/{view['interview_id']}/answers"
        answered = 0
        while view.get("current_question") is not None:
            question = view["current_question"]
            answer = {
                "question_id": question["question_id"],
                "answer": _partial_answer(bank, question),
            }
            event = _event("POST", path, body=answer)
            with time_in_sdk(client) as in_sdk:
                wall, cpu = time.perf_counter(), time.process_time()
                response = lambda_handler(event, context)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if response["statusCode"] != 200:
                raise RuntimeError(f"answer {answered + 1}: {response['body']}")
            answered += 1
            if answered in measured:
                measured[answered].append((wall, cpu, in_sdk.seconds))
            view = json.loads(response["body"])["interview"]
        reached.append(answered)
    print(
        f"warm answers in process ({INTERVIEWS} ten-question interviews of {min(reached)}-"
        f"{max(reached)} answers; against DynamoDB Local)"
    )
    for k, samples in measured.items():
        if not samples:
            print(f"  answer {k:>2}: not reached")
            continue
        walls, cpus = [w for w, _, _ in samples], [c for _, c, _ in samples]
        sdk, ours = [s for _, _, s in samples], [c - s for _, c, s in samples]
        print(
            f"  answer {k:>2}: wall min {min(walls) * 1000:6.2f} ms median"
            f" {statistics.median(walls) * 1000:6.2f} ms; CPU outside DynamoDB min"
            f" {min(cpus) * 1000:6.2f} ms median {statistics.median(cpus) * 1000:6.2f} ms;"
            f" median wall / bare route p50 {statistics.median(walls) / bare_p50:.0f}"
        )
        print(
            f"             of that CPU, in botocore's requests min {min(sdk) * 1000:6.2f} ms"
            f" median {statistics.median(sdk) * 1000:6.2f} ms; the function's own min"
            f" {min(ours) * 1000:6.2f} ms median {statistics.median(ours) * 1000:6.2f} ms"
        )


def _partial_answer(bank: Any, question: dict[str, Any]) -> str:
    """An answer covering part of the main question's model answer: scored in the middle, so a
    follow-up comes (and a follow-up's answer is the same text)."""
    main_id = question["question_id"].split("~", 1)[0]
    sentences = bank.get(main_id).model_answer.split(". ")
    return ". ".join(sentences[:2])


def _own_client() -> DynamoDBClient:
    """Has the handler answer with the function's own service, over a repository and quotas
    whose client (returned) the benchmark can watch."""
    from tucoach_interviews import container  # noqa: PLC0415
    from tucoach_repository import DailyQuotas, InterviewRepository, make_client  # noqa: PLC0415

    config = container.settings()
    repository_settings = container.repository_settings(config)
    client = make_client(repository_settings)
    container.use(
        container.build_service(
            config,
            store=InterviewRepository(repository_settings, client=client),
            quotas=DailyQuotas(repository_settings, client=client),
        )
    )
    return client


def _requests_per_route(client: DynamoDBClient) -> None:
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415
    from tucoach_repository_testing.request_counts import counted_requests  # noqa: PLC0415

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
    call("GET /interviews/{id}/rating", "GET", f"{base}/rating")
    call("GET /practice-plan", "GET", "/practice-plan")
    call("DELETE /interviews/{id}", "DELETE", base)
    call("GET /catalog", "GET", "/catalog")


def _describe(counts: Counter[str]) -> str:
    return ", ".join(f"{n} {operation}" for operation, n in sorted(counts.items())) or "none"


if __name__ == "__main__":
    main()
