"""The price table of docs/cost.md and the arithmetic from measured usage to dollars.

Every price is eu-west-1 (Ireland), on demand, in US dollars, without free tiers, read on
PRICES_READ_ON from the source named beside it. cost_bench.py measures usage and prints the
dollars from here, so docs/cost.md's tables come from one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

PRICES_READ_ON = date(2026, 12, 2)
REGION = "eu-west-1"

MILLION = 1_000_000
GB = 1_000_000_000  # AWS bills data in decimal gigabytes
LAMBDA_FULL_VCPU_MB = 1769  # Lambda gives one full vCPU at 1,769 MB, a share in proportion below
CLOUDWATCH_EVENT_OVERHEAD_BYTES = 26  # CloudWatch Logs bills 26 bytes of metadata per log event
SECONDS_PER_MONTH = 730 * 3600  # AWS prices a month as 730 hours


class Architecture(StrEnum):
    X86_64 = "x86_64"
    ARM64 = "arm64"


@dataclass(frozen=True)
class Price:
    """A price as the source states it: `amount` dollars per `quantity` of `unit`."""

    amount: float
    quantity: float
    unit: str
    source: str

    @property
    def usd(self) -> float:
        """Dollars per single unit."""
        return self.amount / self.quantity

    def stated(self) -> str:
        quantity = {MILLION: "1M", GB: "GB", 1: "", 10_000: "10,000"}[int(self.quantity)]
        amount = f"{self.amount:.10f}".rstrip("0").rstrip(".")
        return f"${amount} per {quantity} {self.unit}".replace("per  ", "per ")


@dataclass(frozen=True)
class LlmPrice:
    name: str
    model: str
    input: Price
    output: Price


_DYNAMODB_SOURCE = (
    "aws.amazon.com/dynamodb/pricing/on-demand is not in the search corpus: Ireland's rates "
    "before 2024-11-01 ($1.4135 / $0.283 per million, engineering-ed7.pages.dev/docs/"
    "architecture/aws/services/dynamodb) halved by the 50% on-demand cut of that day "
    "(jusdb.com/blog/dynamodb-cost-optimization-a-comprehensive-guide-by-jusdb; us-east-1 "
    "after it: $0.625 / $0.125, airbyte.com/data-engineering-resources/dynamodb-pricing)"
)
_LAMBDA_SOURCE = (
    "aws.amazon.com/lambda/pricing (eu-west-1 as us-east-1), as quoted by "
    "cloudchipr.com/blog/aws-lambda-pricing: first 6 (x86_64) / 7.5 (arm64) billion GB-s a month"
)
_CLOUDFRONT_SOURCE = (
    "aws.amazon.com/cloudfront/pricing (not in the search corpus): the Europe rate as AWS has "
    "long listed it; confirm there"
)


@dataclass(frozen=True)
class PriceTable:
    dynamodb_write_request_unit: Price
    dynamodb_read_request_unit: Price
    dynamodb_storage: Price
    lambda_request: Price
    lambda_gb_second_x86_64: Price
    lambda_gb_second_arm64: Price
    api_gateway_rest_request: Price
    cloudwatch_logs_ingestion: Price
    xray_trace_recorded: Price
    cloudfront_https_request: Price
    cloudfront_data_transfer_out: Price

    def rows(self) -> list[Price]:
        return [getattr(self, field.name) for field in fields(self)]


PRICES = PriceTable(
    dynamodb_write_request_unit=Price(
        0.70675, MILLION, "DynamoDB write request units (on demand, Standard)", _DYNAMODB_SOURCE
    ),
    dynamodb_read_request_unit=Price(
        0.1415, MILLION, "DynamoDB read request units (on demand, Standard)", _DYNAMODB_SOURCE
    ),
    dynamodb_storage=Price(
        0.283,
        1,
        "DynamoDB GB-month stored (first 25 GB free)",
        "engineering-ed7.pages.dev/docs/architecture/aws/services/dynamodb (Ireland)",
    ),
    lambda_request=Price(0.20, MILLION, "Lambda requests", _LAMBDA_SOURCE),
    lambda_gb_second_x86_64=Price(0.0000166667, 1, "Lambda GB-s, x86_64", _LAMBDA_SOURCE),
    lambda_gb_second_arm64=Price(0.0000133334, 1, "Lambda GB-s, arm64", _LAMBDA_SOURCE),
    api_gateway_rest_request=Price(
        3.50,
        MILLION,
        "API Gateway REST requests (first 333M a month)",
        "docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-"
        "integration/cost-optimization.html, table 4 (us-east-1; Ireland's REST rate is the same)",
    ),
    cloudwatch_logs_ingestion=Price(
        0.57,
        GB,
        "CloudWatch Logs ingested, Standard class",
        "aws.amazon.com/cloudwatch/pricing, Europe (Ireland) (not in the search corpus; "
        "us-east-1 is $0.50: c3x.dev/blog/cloudwatch-logs-cost-optimization)",
    ),
    xray_trace_recorded=Price(
        5.00,
        MILLION,
        "X-Ray traces recorded (first 100,000 a month free)",
        "aws.amazon.com/de/xray/pricing (5 USD per million recorded)",
    ),
    cloudfront_https_request=Price(
        0.0120, 10_000, "CloudFront HTTPS requests, Europe", _CLOUDFRONT_SOURCE
    ),
    cloudfront_data_transfer_out=Price(
        0.085, GB, "CloudFront transfer out, Europe (first 1 TB a month free)", _CLOUDFRONT_SOURCE
    ),
)

_BEDROCK_SOURCE = (
    "docs/adr/0002-bedrock-model.md: $1.00 / $5.00 global, 10% more on the eu. profile, from "
    "clauder-navi.com/en/bedrock-claude-cost (aws.amazon.com/bedrock/pricing had no Haiku 4.5 "
    "row in the corpus)"
)
BEDROCK_HAIKU_4_5_EU = LlmPrice(
    name="bedrock",
    model="eu.anthropic.claude-haiku-4-5-20251001-v1:0",
    input=Price(1.10, MILLION, "Bedrock Claude Haiku 4.5 (eu.) input tokens", _BEDROCK_SOURCE),
    output=Price(5.50, MILLION, "Bedrock Claude Haiku 4.5 (eu.) output tokens", _BEDROCK_SOURCE),
)


@dataclass(frozen=True)
class XRaySampling:
    """An X-Ray sampling rule as API Gateway applies it: the first `reservoir_per_second`
    requests of each second are traced, then `fixed_rate` (0 to 1) of the rest."""

    reservoir_per_second: int
    fixed_rate: float


# What pricing one trace per request assumes: X-Ray's default rule at a traffic under one
# request a second, where its reservoir takes nearly every request.
EVERY_REQUEST = XRaySampling(reservoir_per_second=0, fixed_rate=1.0)


@dataclass(frozen=True)
class Usage:
    """What one interview used, as cost_bench.py measures it."""

    api_requests: int
    lambda_invocations: int
    lambda_gb_seconds: float
    read_units: float
    write_units: float
    log_bytes: int
    log_events: int
    response_bytes: int  # as sent to the viewer: API Gateway gzips the larger bodies
    stored_bytes: int  # kept after every time-to-live has passed, with DynamoDB's per-item overhead
    input_tokens: int = 0
    output_tokens: int = 0
    # Answered by CloudFront from its cache (GET /catalog): a CloudFront request, never seen
    # by API Gateway, the function, its logs or X-Ray.
    edge_cached_requests: int = 0


def interview_costs(
    usage: Usage,
    prices: PriceTable = PRICES,
    *,
    architecture: Architecture = Architecture.X86_64,
    llm: LlmPrice | None = None,
    sampling: XRaySampling = EVERY_REQUEST,
) -> dict[str, float]:
    """Dollars one interview costs, by line; `storage per month` recurs for as long as it is
    kept, the rest is paid once. X-Ray is the rule's fixed rate of the requests: its reservoir
    is a monthly amount, whatever the interviews (`fixed_monthly_costs`)."""
    gb_second = (
        prices.lambda_gb_second_arm64
        if architecture is Architecture.ARM64
        else prices.lambda_gb_second_x86_64
    )
    log_bytes = usage.log_bytes + usage.log_events * CLOUDWATCH_EVENT_OVERHEAD_BYTES
    costs = {
        "DynamoDB writes": usage.write_units * prices.dynamodb_write_request_unit.usd,
        "DynamoDB reads": usage.read_units * prices.dynamodb_read_request_unit.usd,
        "Lambda requests": usage.lambda_invocations * prices.lambda_request.usd,
        "Lambda duration": usage.lambda_gb_seconds * gb_second.usd,
        "API Gateway": usage.api_requests * prices.api_gateway_rest_request.usd,
        "CloudFront requests": (usage.api_requests + usage.edge_cached_requests)
        * prices.cloudfront_https_request.usd,
        "CloudFront transfer": usage.response_bytes * prices.cloudfront_data_transfer_out.usd,
        "CloudWatch Logs": log_bytes * prices.cloudwatch_logs_ingestion.usd,
        # API Gateway samples, Lambda follows: one trace per sampled request (docs/cost.md).
        "X-Ray": usage.api_requests * sampling.fixed_rate * prices.xray_trace_recorded.usd,
        "storage per month": usage.stored_bytes / GB * prices.dynamodb_storage.usd,
    }
    if llm is not None:
        costs["LLM input"] = usage.input_tokens * llm.input.usd
        costs["LLM output"] = usage.output_tokens * llm.output.usd
    return costs


def fixed_monthly_costs(sampling: XRaySampling, prices: PriceTable = PRICES) -> dict[str, float]:
    """Dollars a month whatever the number of interviews: at most, the traces of a full
    reservoir every second of the month (fewer when the traffic leaves seconds without a
    request; but below `reservoir_per_second` requests a second, every request is traced)."""
    reservoir_traces = sampling.reservoir_per_second * SECONDS_PER_MONTH
    return {"X-Ray reservoir (at most)": reservoir_traces * prices.xray_trace_recorded.usd}


def reservoir_dominates_below(sampling: XRaySampling, requests_per_interview: int) -> float:
    """Interviews a month below which the reservoir's traces outnumber the fixed rate's, for
    traffic spread evenly over the month: all of it while it stays under the reservoir, then
    until the fixed rate's share of the rest passes the full reservoir."""
    reservoir = sampling.reservoir_per_second * SECONDS_PER_MONTH
    if reservoir == 0:
        return 0.0
    if sampling.fixed_rate == 0:
        return math.inf
    return reservoir * (1 + sampling.fixed_rate) / sampling.fixed_rate / requests_per_interview


def one_off_total(costs: dict[str, float]) -> float:
    return sum(value for line, value in costs.items() if line != "storage per month")


def billed_gb_seconds(durations_ms: list[float], memory_mb: int) -> float:
    """Lambda bills each invocation's duration rounded up to the millisecond."""
    return sum(math.ceil(duration) for duration in durations_ms) / 1000 * memory_mb / 1024


def modelled_duration_ms(cpu_ms: float, waiting_ms: float, memory_mb: float) -> float:
    """An invocation's duration at `memory_mb`: its CPU time stretched by the share of a vCPU
    Lambda gives that memory (full at 1,769 MB; single-threaded code gains nothing above), plus
    the time it waits on the network, which memory does not change."""
    return cpu_ms * max(1.0, LAMBDA_FULL_VCPU_MB / memory_mb) + waiting_ms
