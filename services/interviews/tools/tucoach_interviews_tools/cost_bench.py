"""Cost of whole interviews, measured through the real handler against DynamoDB Local.

Run: ./pants run services/interviews/tools/tucoach_interviews_tools/cost_bench.py
(with DYNAMODB_LOCAL_DIR set); `-- --write-docs` also rewrites the generated part of docs/cost.md.

Each interview (3, 5 and 10 questions: the API takes 3 to 10) sends the requests the web app sends
(frontend/src/lib/api.ts and the pages): the catalog (answered by CloudFront from its cache, so
counted as a CloudFront request only), the start (whose response the interview page shows), every
answer (follow-ups answered too), finishing (whose response, the finished interview, the report
page shows) and the history page (the list and the practice plan). Per interview it prints API
requests (and the CORS preflights a cross-origin app would add), Lambda
invocations and GB-s at infra's memory size (modelled from the handler's CPU time measured here),
DynamoDB read and write units as DynamoDB Local reports them (ReturnConsumedCapacity=INDEXES, index
writes included), stored bytes, the bytes the function logs at infra's log level, the response
bytes as the function returns them and as API Gateway sends them (gzipped from infra's minimum
size), tokens per LLM engine, and dollars per 1,000 interviews from prices.py, with X-Ray at
infra's sampling rule. It goes through the service's public API only, so it measures whatever item
shapes the repository writes."""

from __future__ import annotations

import functools
import gzip
import io
import itertools
import json
import logging
import math
import os
import re
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tucoach_interviews_testing import Api, LambdaContext
from tucoach_interviews_tools.prices import (
    BEDROCK_HAIKU_4_5_EU,
    LAMBDA_FULL_VCPU_MB,
    PRICES,
    PRICES_READ_ON,
    REGION,
    SECONDS_PER_MONTH,
    Architecture,
    Usage,
    XRaySampling,
    billed_gb_seconds,
    fixed_monthly_costs,
    interview_costs,
    modelled_duration_ms,
    one_off_total,
    reservoir_dominates_below,
)

if TYPE_CHECKING:
    from botocore.model import OperationModel
    from types_boto3_bedrock_runtime import BedrockRuntimeClient
    from types_boto3_dynamodb.client import DynamoDBClient

    from tucoach_coach import FeedbackEngine, QuestionBank, ScoringTarget
    from tucoach_models import Feedback

INTERVIEW_SIZES = (3, 5, 10)  # the API takes 3 to 10 questions
ROLE, SENIORITY = "backend", "senior"
HISTORY_PAGE_SIZE = 10  # frontend/src/pages/HistoryPage.tsx
# API Gateway's gzip level is not documented: zlib's default stands for it. Browsers accept gzip
# (and deflate, which API Gateway also offers, 12 bytes smaller a body: gzip is the upper bound).
GZIP_LEVEL = 6
# Pacing of the app's requests, for the preflight cache only: the API answered preflights with
# Access-Control-Max-Age 600 before CloudFront served it on the app's origin.
SECONDS_BETWEEN_ANSWERS = 60
PREFLIGHT_MAX_AGE_SECONDS = 600
# Tokens are estimated at 4 characters each (the rule of thumb Anthropic and OpenAI give for
# English); a forced tool call adds Anthropic's tool-use system prompt, 313 tokens for
# tool_choice "tool" (Anthropic's tool-use pricing table), which the request does not show.
CHARACTERS_PER_TOKEN = 4
ANTHROPIC_FORCED_TOOL_PROMPT_TOKENS = 313
OPENAI_MODEL = "any OpenAI-compatible model"
# An in-region DynamoDB request, for the memory model only (docs/cost.md, "Lambda memory").
ASSUMED_DYNAMODB_MS = 5.0
MEMORY_SIZES_MB = (128, 256, 512, 1024, 1769)
# Lambda's own lines per invocation, in its text format; REPORT carries the X-Ray trace id when
# tracing is active.
_REQUEST_ID = "5b2bd2c6-0000-4000-8000-000000000001"
PLATFORM_LOG_LINES = (
    f"START RequestId: {_REQUEST_ID} Version: $LATEST\n",
    f"END RequestId: {_REQUEST_ID}\n",
    f"REPORT RequestId: {_REQUEST_ID}\tDuration: 123.45 ms\tBilled Duration: 124 ms\t"
    "Memory Size: 512 MB\tMax Memory Used: 128 MB\t\n"
    "XRAY TraceId: 1-6752f0a1-3c5a2b1d4e6f708192a3b4c5\tSegmentId: 1a2b3c4d5e6f7081\t"
    "Sampled: true\t\n",
)
# One API Gateway access-log line (infra/api_gateway.tf's 14 fields as JSON), measured on the
# line of an answer with a request id, a sub, the resource path and latencies filled in.
ACCESS_LOG_BYTES_PER_REQUEST = 416

INFRA = Path("infra")
DOCS = Path("docs/cost.md")
GENERATED_BEGIN = "<!-- cost_bench: begin -->"
GENERATED_END = "<!-- cost_bench: end -->"

# What the offline engine scored: the target, the answer and its feedback.
type Scored = tuple[ScoringTarget, str, Feedback]

_READS = frozenset({"GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"})


@dataclass
class DynamoDBMeter:
    """Every request a client sends asks for ReturnConsumedCapacity=INDEXES (DynamoDB Local leaves
    the index writes out of TOTAL's aggregate); the units it reports are added up, reads and
    writes apart."""

    requests: Counter[str] = field(default_factory=Counter)
    read_units: float = 0.0
    write_units: float = 0.0

    def attach(self, client: DynamoDBClient) -> None:
        client.meta.events.register("before-parameter-build.dynamodb", self._ask)
        client.meta.events.register("after-call.dynamodb", self._add)

    def snapshot(self) -> tuple[int, float, float]:
        return sum(self.requests.values()), self.read_units, self.write_units

    @staticmethod
    def _ask(params: dict[str, Any], model: OperationModel, **_: Any) -> None:
        if model.input_shape is not None and "ReturnConsumedCapacity" in model.input_shape.members:
            params.setdefault("ReturnConsumedCapacity", "INDEXES")

    def _add(self, parsed: Mapping[str, Any], model: OperationModel, **_: Any) -> None:
        self.requests[model.name] += 1
        reported = parsed.get("ConsumedCapacity") or []
        units = sum(
            float(c.get("CapacityUnits", 0))
            for c in (reported if isinstance(reported, list) else [reported])
        )
        if model.name in _READS:
            self.read_units += units
        else:
            self.write_units += units


class CountingStream(io.TextIOBase):
    """Where the function's stdout goes: counted in UTF-8 bytes and lines, not kept."""

    def __init__(self) -> None:
        self.bytes = 0
        self.lines = 0

    def write(self, text: str) -> int:
        self.bytes += len(text.encode())
        self.lines += text.count("\n")
        return len(text)


class RecordingEngine:
    """The offline engine, keeping what it scored so the LLM engines' prompts can be built."""

    def __init__(self, engine: FeedbackEngine) -> None:
        self._engine = engine
        self.scored: list[Scored] = []

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        result = self._engine.feedback(target, answer)
        self.scored.append((target, answer, result))
        return result


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    at_seconds: float


@dataclass
class Measured:
    questions: int
    requests: list[Request] = field(default_factory=list)
    # Answered by CloudFront from its cache: neither API Gateway nor the function sees them.
    edge_cached: list[Request] = field(default_factory=list)
    durations_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    dynamodb_requests: list[int] = field(default_factory=list)
    read_units: float = 0.0
    write_units: float = 0.0
    write_units_per_answer: list[float] = field(default_factory=list)
    log_bytes: int = 0
    log_lines: int = 0
    body_bytes: int = 0
    response_bytes: int = 0
    stored_bytes: int = 0
    kept_bytes: int = 0
    billed_storage_bytes: int = 0
    items: int = 0
    scored: list[Scored] = field(default_factory=list)

    def lambda_durations_ms(self, memory_mb: int) -> list[float]:
        """Each invocation's duration on Lambda at `memory_mb`, modelled from the CPU time
        measured here and the DynamoDB requests it sent (this machine's wall time is mostly
        DynamoDB Local's, which says nothing of DynamoDB's)."""
        return [
            modelled_duration_ms(cpu, requests * ASSUMED_DYNAMODB_MS, memory_mb)
            for cpu, requests in zip(self.cpu_ms, self.dynamodb_requests, strict=True)
        ]


@dataclass(frozen=True)
class Infra:
    """What infra/variables.tf's defaults (prod's settings) deploy, as far as it costs."""

    memory_mb: int
    log_level: str
    minimum_compression_size: int
    sampling: XRaySampling

    @classmethod
    def read(cls) -> Infra:
        return cls(
            memory_mb=_infra_default("lambda_memory_mb", int),
            log_level=_infra_default("log_level", str),
            minimum_compression_size=_infra_default("api_minimum_compression_size", int),
            sampling=XRaySampling(
                reservoir_per_second=_infra_default("xray_sampling_reservoir", int),
                fixed_rate=_infra_default("xray_sampling_rate", float),
            ),
        )


def sent_bytes(body: bytes, minimum_compression_size: int) -> int:
    """The bytes of a response body as API Gateway sends it to a browser through CloudFront:
    gzipped from `minimum_compression_size` bytes (the browser accepts gzip; CloudFront
    forwards its Accept-Encoding and passes the compressed body on), as it is below."""
    if len(body) < minimum_compression_size:
        return len(body)
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def main() -> None:
    from tucoach_repository.dynamodb_local import find_installation, running  # noqa: PLC0415

    infra = Infra.read()
    with running(find_installation()) as endpoint:
        os.environ.update(
            {
                "AWS_REGION": REGION,
                "AWS_DEFAULT_REGION": REGION,
                "AWS_ACCESS_KEY_ID": "local",
                "AWS_SECRET_ACCESS_KEY": "local",
                "DYNAMODB_ENDPOINT_URL": endpoint,
                "COACH_ENGINE": "offline",
                # No X-Ray daemon here; traces are priced per request instead.
                "POWERTOOLS_TRACE_DISABLED": "true",
                "POWERTOOLS_SERVICE_NAME": "interviews",
                "POWERTOOLS_METRICS_NAMESPACE": "TuCoachAi",
                "POWERTOOLS_LOG_LEVEL": infra.log_level,
            }
        )
        stdout = CountingStream()
        real_stdout = sys.stdout
        sys.stdout = stdout  # Powertools' Logger binds its handler to stdout when imported
        try:
            import tucoach_interviews.handler  # noqa: F401, PLC0415
        finally:
            sys.stdout = real_stdout
        results = _run_interviews(endpoint, stdout, infra.minimum_compression_size)
    report = _report(results, infra)
    print(report)
    if "--write-docs" in sys.argv[1:]:
        _write_docs(report)
        print(f"wrote {DOCS}")


def _run_interviews(
    endpoint: str, stdout: CountingStream, minimum_compression_size: int
) -> list[Measured]:
    """One service over one table, as in a warm container; each interview by a user of its own,
    after a first one, not counted, that warms the process up (the bank, the clients and the
    scoring vocabularies are built once per container)."""
    from tucoach_coach import OfflineEngine  # noqa: PLC0415
    from tucoach_interviews import container  # noqa: PLC0415
    from tucoach_repository import DailyQuotas, InterviewRepository  # noqa: PLC0415
    from tucoach_repository.dynamodb_local import local_client, local_settings  # noqa: PLC0415
    from tucoach_repository.tables import ensure_table  # noqa: PLC0415

    table = "TuCoachAi-cost"
    client = local_client(local_settings(endpoint, table))
    ensure_table(client, table)
    os.environ["TABLE_NAME"] = table
    container.use(None)  # the settings are read again, with this table
    meter = DynamoDBMeter()
    meter.attach(client)
    engine = RecordingEngine(OfflineEngine())
    config = container.settings()
    table_settings = container.repository_settings(config)
    container.use(
        container.build_service(
            config,
            store=InterviewRepository(table_settings, client=client),
            quotas=DailyQuotas(table_settings, client=client),
            engine=engine,
            # Questions are chosen by a seed from the interview's id: fixed ids, the same
            # interviews on every run, so that runs before and after a change compare.
            new_id=functools.partial(_next_id, itertools.count(1)),
        )
    )
    results = []
    for run, questions in enumerate((INTERVIEW_SIZES[0], *INTERVIEW_SIZES)):
        user = str(uuid.UUID(int=run + 1))
        scored_before = len(engine.scored)
        measured = _interview(questions, user, meter, stdout, minimum_compression_size)
        measured.scored = engine.scored[scored_before:]
        _measure_storage(client, table, user, measured)
        if run > 0:
            results.append(measured)
    return results


def _next_id(numbers: Iterator[int]) -> str:
    return str(uuid.UUID(int=next(numbers), version=4))


def _from_edge_cache(measured: Measured, request: Request, minimum_compression_size: int) -> None:
    """A request CloudFront answers from its cache: a CloudFront request and its bytes, and
    nothing else. The body is the function's, as CloudFront keeps it; its logs are dropped."""
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415

    measured.edge_cached.append(request)
    event = Api().event(request.method, request.path, user=None)
    with redirect_stdout(CountingStream()):
        response = lambda_handler(event, LambdaContext())
    cache_control = response["multiValueHeaders"]["Cache-Control"][0]
    if not cache_control.startswith("public"):
        raise RuntimeError(f"{request.path} is {cache_control}: CloudFront would not keep it")
    body = response["body"].encode()
    measured.body_bytes += len(body)
    measured.response_bytes += sent_bytes(body, minimum_compression_size)


def _interview(
    questions: int,
    user: str,
    meter: DynamoDBMeter,
    stdout: CountingStream,
    minimum_compression_size: int,
) -> Measured:
    """The requests the web app sends for one interview, through the handler."""
    from tucoach_coach import load_bank  # noqa: PLC0415
    from tucoach_interviews.handler import lambda_handler  # noqa: PLC0415

    events = Api()
    measured = Measured(questions)
    clock = 0.0

    def call(method: str, path: str, **kwargs: Any) -> Any:
        measured.requests.append(Request(method, path, clock))
        event = events.event(method, path, user=user, **kwargs)
        before = meter.snapshot()
        bytes_before, lines_before = stdout.bytes, stdout.lines
        with redirect_stdout(stdout):  # the metrics are flushed with print()
            cpu, wall = time.process_time(), time.perf_counter()
            response = lambda_handler(event, LambdaContext())
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = meter.snapshot()
        if response["statusCode"] >= 300:
            raise RuntimeError(f"{method} {path}: {response['statusCode']} {response['body']}")
        measured.durations_ms.append(wall * 1000)
        measured.cpu_ms.append(cpu * 1000)
        measured.dynamodb_requests.append(after[0] - before[0])
        measured.read_units += after[1] - before[1]
        measured.write_units += after[2] - before[2]
        measured.log_bytes += stdout.bytes - bytes_before
        measured.log_lines += stdout.lines - lines_before
        body = response["body"].encode()
        measured.body_bytes += len(body)
        measured.response_bytes += sent_bytes(body, minimum_compression_size)
        if path.endswith("/answers"):
            measured.write_units_per_answer.append(after[2] - before[2])
        return json.loads(response["body"])

    bank = load_bank()
    # Public and the same for everyone until a deployment: CloudFront keeps it for the
    # max-age the API sends (its misses, one per edge location an hour, are left out).
    _from_edge_cache(measured, Request("GET", "/catalog", clock), minimum_compression_size)
    interview = call(
        "POST",
        "/interviews",
        body={"role": ROLE, "seniority": SENIORITY, "question_count": questions},
    )
    # The interview page shows the interview the start returned; it reads it only when opened
    # directly (a reload, a link).
    base = f"/interviews/{interview['interview_id']}"
    question = interview["current_question"]
    answered = 0
    while question is not None:
        clock += SECONDS_BETWEEN_ANSWERS
        answered += 1
        result = call(
            "POST",
            f"{base}/answers",
            body={"question_id": question["question_id"], "answer": _answer(bank, question)},
            headers={"Idempotency-Key": f"cost-bench-{answered:04d}"},
        )
        question = result["next_question"]
    # The report page shows the finished interview that finishing returns, with its report;
    # just finished, it has no rating to read. A reload or a link reads both (not counted).
    call("POST", f"{base}/complete")
    # The history page: the first page of interviews and the practice plan
    call("GET", "/interviews", query={"limit": str(HISTORY_PAGE_SIZE)})
    call("GET", "/practice-plan")
    return measured


def _answer(bank: QuestionBank, question: Mapping[str, Any]) -> str:
    """A candidate's partial answer, so that the coach asks follow-ups as it does for people:
    a main question gets the first half of the bank's model answer, a follow-up the rest."""
    main_id, _, follow_up = str(question["question_id"]).partition("~")
    sentences = re.split(r"(?<=[.!?])\s+", bank.get(main_id).model_answer.strip())
    half = max(1, len(sentences) // 2)
    return " ".join(sentences[half:] if follow_up else sentences[:half]) or sentences[0]


def _measure_storage(client: DynamoDBClient, table: str, user: str, measured: Measured) -> None:
    """Sums the user's items (those whose key names the user) as DynamoDB sizes them: every
    item, those kept once the time to live has removed what it expires, and what is billed
    (100 bytes more per item, and per index entry with its projected attributes and keys)."""
    from tucoach_repository.sizing import item_size  # noqa: PLC0415

    description = client.describe_table(TableName=table)["Table"]
    ttl = client.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
    expiring = ttl.get("AttributeName") if ttl.get("TimeToLiveStatus") == "ENABLED" else None
    table_keys = [key["AttributeName"] for key in description["KeySchema"]]
    indexes = [
        (
            [key["AttributeName"] for key in index["KeySchema"]],
            index["Projection"],
        )
        for index in description.get("GlobalSecondaryIndexes", [])
    ]
    pages = client.get_paginator("scan").paginate(TableName=table, ConsistentRead=True)
    for page in pages:
        for item in page["Items"]:
            if not any(user in item[key].get("S", "") for key in table_keys):
                continue
            size = item_size(item)
            measured.items += 1
            measured.stored_bytes += size
            if expiring is not None and expiring in item:
                continue
            measured.kept_bytes += size
            measured.billed_storage_bytes += size + 100
            for keys, projection in indexes:
                if not all(key in item for key in keys):
                    continue  # a sparse index holds only the items with its keys
                names = set(keys) | set(table_keys)
                if projection["ProjectionType"] == "ALL":
                    names = set(item)
                elif projection["ProjectionType"] == "INCLUDE":
                    names |= set(projection.get("NonKeyAttributes", []))
                projected = {name: value for name, value in item.items() if name in names}
                measured.billed_storage_bytes += item_size(projected) + 100


def preflights(requests: list[Request]) -> int:
    """The CORS preflights a browser sends for these requests cross-origin: every one is
    preflighted (each carries Authorization), and the answer is cached per URL for Max-Age."""
    cached_until: dict[str, float] = {}
    count = 0
    for request in requests:
        if cached_until.get(request.path, -1.0) < request.at_seconds:
            count += 1
            cached_until[request.path] = request.at_seconds + PREFLIGHT_MAX_AGE_SECONDS
    return count


@dataclass(frozen=True)
class Tokens:
    input: int
    output: int


def _llm_tokens(scored: list[Scored]) -> dict[str, Tokens]:
    """Tokens of the requests the LLM engines send for these answers, built by the engines
    themselves (a recording client for Bedrock, a loopback server for OpenAI-compatible), and of
    the reply each must return: the offline verdict written as the Verdict JSON."""
    from tucoach_coach import (  # noqa: PLC0415
        BedrockEngine,
        BedrockSettings,
        OpenAICompatibleEngine,
        OpenAICompatibleSettings,
    )
    from tucoach_coach.prompts import FEEDBACK_TOOL_NAME  # noqa: PLC0415

    bedrock_in = bedrock_out = openai_in = openai_out = 0
    with _openai_compatible_server() as server:
        for target, answer, feedback in scored:
            verdict = _verdict_of(target, feedback)
            reply = json.dumps(verdict, separators=(",", ":"))
            bedrock = _RecordingBedrock(FEEDBACK_TOOL_NAME, verdict)
            BedrockEngine(
                BedrockSettings(model_id=BEDROCK_HAIKU_4_5_EU.model, region=REGION),
                cast("BedrockRuntimeClient", bedrock),
            ).feedback(target, answer)
            bedrock_in += _bedrock_input_tokens(bedrock.request)
            bedrock_out += _tokens(reply)
            server.reply = reply
            OpenAICompatibleEngine(
                OpenAICompatibleSettings(base_url=server.url, model=OPENAI_MODEL, max_attempts=1)
            ).feedback(target, answer)
            openai_in += _openai_input_tokens(json.loads(server.request))
            openai_out += _tokens(reply)
    return {
        f"bedrock ({BEDROCK_HAIKU_4_5_EU.model})": Tokens(bedrock_in, bedrock_out),
        f"openai ({OPENAI_MODEL})": Tokens(openai_in, openai_out),
    }


def _tokens(text: str) -> int:
    return math.ceil(len(text) / CHARACTERS_PER_TOKEN)


def _bedrock_input_tokens(converse: Mapping[str, Any]) -> int:
    """What the model reads of a Converse request: the system prompt, the message, the tool's
    definition (as JSON), and the tool-use prompt Anthropic adds."""
    texts = [block["text"] for block in converse["system"]]
    texts += [block["text"] for message in converse["messages"] for block in message["content"]]
    tools = json.dumps(converse["toolConfig"]["tools"])
    return _tokens("".join(texts)) + _tokens(tools) + ANTHROPIC_FORCED_TOOL_PROMPT_TOKENS


def _openai_input_tokens(body: Mapping[str, Any]) -> int:
    """What the model reads of a Chat Completions request: the messages and the response
    format's schema (as JSON)."""
    texts = "".join(message["content"] for message in body["messages"])
    return _tokens(texts) + _tokens(json.dumps(body.get("response_format", {})))


def _verdict_of(target: ScoringTarget, feedback: Feedback) -> dict[str, Any]:
    scores = {line.criterion: line.score for line in feedback.rubric}
    covered = set(feedback.covered_points)
    return {
        "language": feedback.language or "en",
        "covered_point_ids": [p.id for p in target.talking_points if p.point in covered],
        "corrections": [
            {"said": c.said, "claim": c.claim, "correction": c.correction}
            for c in feedback.corrections
        ],
        "coverage": scores.get("coverage", 0.0),
        "depth": scores.get("depth", 0.0),
        "clarity": scores.get("clarity", 0.0),
        "strengths": list(feedback.strengths),
        "improvements": list(feedback.improvements),
    }


class _RecordingBedrock:
    """Stands in for the bedrock-runtime client: keeps the Converse request, calls the tool."""

    def __init__(self, tool: str, tool_input: dict[str, Any]) -> None:
        self.request: dict[str, Any] = {}
        self._reply = {
            "output": {"message": {"content": [{"toolUse": {"name": tool, "input": tool_input}}]}}
        }

    def converse(self, **request: Any) -> dict[str, Any]:
        self.request = request
        return self._reply


class _ChatServer(ThreadingHTTPServer):
    url = ""
    request = ""
    reply = ""


@contextmanager
def _openai_compatible_server() -> Iterator[_ChatServer]:
    class Handler(BaseHTTPRequestHandler):
        server: _ChatServer

        def do_POST(self) -> None:
            self.server.request = self.rfile.read(int(self.headers["Content-Length"])).decode()
            body = json.dumps(
                {
                    "choices": [
                        {
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": self.server.reply},
                        }
                    ]
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:
            pass

    server = _ChatServer(("127.0.0.1", 0), Handler)
    server.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # The engines log a fallback if a verdict does not pass their checks; the tokens are the same.
    coach_log = logging.getLogger("tucoach_coach")
    level = coach_log.level
    coach_log.setLevel(logging.CRITICAL)
    try:
        yield server
    finally:
        coach_log.setLevel(level)
        server.shutdown()
        server.server_close()


def _usage(measured: Measured, memory_mb: int, tokens: Tokens | None = None) -> Usage:
    invocations = len(measured.durations_ms)
    return Usage(
        api_requests=len(measured.requests),
        edge_cached_requests=len(measured.edge_cached),
        lambda_invocations=invocations,
        lambda_gb_seconds=billed_gb_seconds(measured.lambda_durations_ms(memory_mb), memory_mb),
        read_units=measured.read_units,
        write_units=measured.write_units,
        log_bytes=measured.log_bytes
        + invocations * sum(len(line) for line in PLATFORM_LOG_LINES)
        + len(measured.requests) * ACCESS_LOG_BYTES_PER_REQUEST,
        log_events=measured.log_lines
        + invocations * len(PLATFORM_LOG_LINES)
        + len(measured.requests),
        response_bytes=measured.response_bytes,
        stored_bytes=measured.billed_storage_bytes,
        input_tokens=tokens.input if tokens else 0,
        output_tokens=tokens.output if tokens else 0,
    )


def _report(results: list[Measured], infra: Infra) -> str:
    memory_mb, log_level, sampling = infra.memory_mb, infra.log_level, infra.sampling
    lines = [
        f"Cost per interview, measured through the handler against DynamoDB Local "
        f"({ROLE}/{SENIORITY}; from infra/variables.tf: Lambda {memory_mb} MB, log level "
        f"{log_level}, responses gzipped from {infra.minimum_compression_size} bytes, X-Ray "
        f"sampling {sampling.fixed_rate:.0%} of requests after a reservoir of "
        f"{sampling.reservoir_per_second} a second; prices of {REGION} read "
        f"{PRICES_READ_ON.isoformat()}).",
        "",
        "| per interview | " + " | ".join(f"{r.questions} question(s)" for r in results) + " |",
        "| --- |" + " --- |" * len(results),
    ]
    tokens = [_llm_tokens(r.scored) for r in results]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row("answers (with follow-ups)", [str(len(r.scored)) for r in results])
    row("API requests (same origin)", [str(len(r.requests)) for r in results])
    row("CloudFront cache hits (GET /catalog)", [str(len(r.edge_cached)) for r in results])
    row("CORS preflights if cross-origin", [str(preflights(r.requests)) for r in results])
    row("Lambda invocations", [str(len(r.durations_ms)) for r in results])
    row("handler wall time here, ms (sum)", [f"{sum(r.durations_ms):.0f}" for r in results])
    row("handler CPU time here, ms (sum)", [f"{sum(r.cpu_ms):.0f}" for r in results])
    row("DynamoDB requests", [str(sum(r.dynamodb_requests)) for r in results])
    row(
        f"Lambda duration at {memory_mb} MB, ms (modelled, sum)",
        [f"{sum(r.lambda_durations_ms(memory_mb)):.0f}" for r in results],
    )
    row(
        f"GB-s at {memory_mb} MB (modelled, billed per ms)",
        [f"{billed_gb_seconds(r.lambda_durations_ms(memory_mb), memory_mb):.3f}" for r in results],
    )
    row("DynamoDB read units", [f"{r.read_units:g}" for r in results])
    row("DynamoDB write units", [f"{r.write_units:g}" for r in results])
    row("items after the interview", [str(r.items) for r in results])
    row("stored bytes after the interview", [str(r.stored_bytes) for r in results])
    row("stored bytes kept (after TTL)", [str(r.kept_bytes) for r in results])
    row(
        "billed storage bytes (+100 per item and index entry)",
        [str(r.billed_storage_bytes) for r in results],
    )
    row(
        f"function log bytes at {log_level} (lines)",
        [f"{r.log_bytes} ({r.log_lines})" for r in results],
    )
    row("response bytes, JSON bodies", [str(r.body_bytes) for r in results])
    row(
        f"response bytes sent (gzip from {infra.minimum_compression_size} B, as API Gateway)",
        [str(r.response_bytes) for r in results],
    )
    for engine in tokens[0]:
        row(
            f"tokens in / out, {engine}",
            [f"{t[engine].input} / {t[engine].output}" for t in tokens],
        )
    row("tokens, offline", ["0" for _ in results])

    ten = results[-1]
    lines += [
        "",
        f"Write units per answer, answers 1..{len(ten.write_units_per_answer)} of the "
        f"{ten.questions}-question interview: "
        + ", ".join(f"{units:g}" for units in ten.write_units_per_answer),
        "",
        "Dollars per 1,000 interviews (one-off; storage is per month kept):",
        "",
        "| engine, architecture | "
        + " | ".join(f"{r.questions} q" for r in results)
        + " | storage per month ("
        + ", ".join(f"{r.questions} q" for r in results)
        + ") |",
        "| --- |" + " --- |" * (len(results) + 1),
    ]
    bedrock = next(name for name in tokens[0] if name.startswith("bedrock"))
    for architecture in Architecture:
        for llm in (None, BEDROCK_HAIKU_4_5_EU):
            costs = [
                interview_costs(
                    _usage(r, memory_mb, t[bedrock] if llm else None),
                    architecture=architecture,
                    llm=llm,
                    sampling=sampling,
                )
                for r, t in zip(results, tokens, strict=True)
            ]
            label = f"{'Bedrock Haiku 4.5 (eu.)' if llm else 'offline'}, {architecture}"
            lines.append(
                f"| {label} | "
                + " | ".join(f"${one_off_total(c) * 1000:.2f}" for c in costs)
                + " | "
                + ", ".join(f"${c['storage per month'] * 1000:.4f}" for c in costs)
                + " |"
            )
    preflight = (
        PRICES.api_gateway_rest_request.usd + PRICES.xray_trace_recorded.usd * sampling.fixed_rate
    )
    lines += [
        "",
        "Cross-origin, the preflights would add (API Gateway and X-Ray, per 1,000 interviews): "
        + ", ".join(
            f"{r.questions} q ${preflights(r.requests) * preflight * 1000:.3f}" for r in results
        )
        + ".",
    ]
    usage = _usage(ten, memory_mb)
    breakdown = interview_costs(usage, sampling=sampling)
    every_request = interview_costs(usage)["X-Ray"] - breakdown["X-Ray"]
    uncompressed = (ten.body_bytes - ten.response_bytes) * PRICES.cloudfront_data_transfer_out.usd
    one_a_second = XRaySampling(reservoir_per_second=1, fixed_rate=sampling.fixed_rate)
    lines += [
        "",
        f"Where the {ten.questions}-question interview's dollars go, offline, x86_64, "
        "per 1,000 interviews:",
        "",
        "| line | $ |",
        "| --- | --- |",
        *(f"| {line} | {value * 1000:.4f} |" for line, value in breakdown.items()),
        "",
        "Fixed, per month whatever the number of interviews:",
        "",
        "| line | $ a month |",
        "| --- | --- |",
        *(f"| {line} | {value:.2f} |" for line, value in fixed_monthly_costs(sampling).items()),
        "",
        f"Tracing {sampling.fixed_rate:.0%} of requests saves ${every_request * 1000:.4f} "
        f"per 1,000 {ten.questions}-question interviews on one trace per request, and gzip "
        f"${uncompressed * 1000:.4f} of CloudFront transfer. A reservoir of 1 a second would "
        f"cost up to ${fixed_monthly_costs(one_a_second)['X-Ray reservoir (at most)']:.2f} a "
        f"month ({SECONDS_PER_MONTH:,} traces) and trace every request while the stage serves "
        "fewer than one a second; its traces would outnumber the fixed rate's below "
        f"{reservoir_dominates_below(one_a_second, len(ten.requests)):,.0f} "
        f"{ten.questions}-question interviews a month.",
        "",
        f"Lambda memory, {ten.questions}-question interview: each invocation's duration "
        f"modelled as its CPU time here x max(1, {LAMBDA_FULL_VCPU_MB} / MB) + "
        f'{ASSUMED_DYNAMODB_MS:g} ms per DynamoDB request (docs/cost.md, "Lambda memory"):',
        "",
        "| memory | duration, ms (sum) | slowest request, ms | GB-s | $ per 1,000 interviews, "
        "x86_64 | arm64 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for memory in MEMORY_SIZES_MB:
        durations = ten.lambda_durations_ms(memory)
        gb_seconds = billed_gb_seconds(durations, memory)
        lines.append(
            f"| {memory} MB | {sum(durations):.0f} | {max(durations):.0f} | {gb_seconds:.3f} | "
            f"{gb_seconds * PRICES.lambda_gb_second_x86_64.usd * 1000:.4f} | "
            f"{gb_seconds * PRICES.lambda_gb_second_arm64.usd * 1000:.4f} |"
        )
    lines += [
        "",
        f"Prices ({REGION}, on demand, without free tiers, read {PRICES_READ_ON.isoformat()}; "
        "tools/tucoach_interviews_tools/prices.py):",
        "",
        "| price | source |",
        "| --- | --- |",
        *(
            f"| {price.stated()} | {price.source} |"
            for price in (
                *PRICES.rows(),
                BEDROCK_HAIKU_4_5_EU.input,
                BEDROCK_HAIKU_4_5_EU.output,
            )
        ),
    ]
    return "\n".join(lines)


def _infra_default(variable: str, kind: type[Any]) -> Any:
    """A Terraform variable's default in infra/variables.tf: the configuration AWS runs."""
    text = (INFRA / "variables.tf").read_text()
    match = re.search(
        rf'variable "{variable}" {{.*?default\s*=\s*"?([^"\n]+)"?\n', text, flags=re.DOTALL
    )
    if match is None:
        raise LookupError(f"no default for {variable} in {INFRA / 'variables.tf'}")
    return kind(match.group(1).strip())


def _write_docs(report: str) -> None:
    text = DOCS.read_text()
    begin, end = text.index(GENERATED_BEGIN), text.index(GENERATED_END)
    DOCS.write_text(f"{text[:begin]}{GENERATED_BEGIN}\n\n{report}\n\n{text[end:]}")


if __name__ == "__main__":
    main()
