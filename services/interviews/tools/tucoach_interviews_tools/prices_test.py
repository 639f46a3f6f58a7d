from __future__ import annotations

import math
from dataclasses import replace

import pytest

from tucoach_interviews_tools.prices import (
    BEDROCK_HAIKU_4_5_EU,
    GB,
    MILLION,
    PRICES,
    SECONDS_PER_MONTH,
    Architecture,
    LlmPrice,
    Price,
    PriceTable,
    Usage,
    XRaySampling,
    billed_gb_seconds,
    fixed_monthly_costs,
    interview_costs,
    modelled_duration_ms,
    one_off_total,
    reservoir_dominates_below,
)

# Round prices, so every expected figure below can be checked by hand.
_ONE = Price(1.0, 1, "unit", "test")
ROUND = PriceTable(
    dynamodb_write_request_unit=Price(2.0, 1, "unit", "test"),
    dynamodb_read_request_unit=Price(0.5, 1, "unit", "test"),
    dynamodb_storage=Price(10.0, 1, "GB-month", "test"),
    lambda_request=_ONE,
    lambda_gb_second_x86_64=Price(4.0, 1, "GB-s", "test"),
    lambda_gb_second_arm64=Price(3.0, 1, "GB-s", "test"),
    api_gateway_rest_request=Price(3.0, 1, "request", "test"),
    cloudwatch_logs_ingestion=Price(1.0, GB, "GB", "test"),
    xray_trace_recorded=Price(0.25, 1, "trace", "test"),
    cloudfront_https_request=Price(0.125, 1, "request", "test"),
    cloudfront_data_transfer_out=Price(1.0, GB, "GB", "test"),
)
USAGE = Usage(
    api_requests=10,
    lambda_invocations=10,
    lambda_gb_seconds=2.0,
    read_units=4.0,
    write_units=3.0,
    log_bytes=GB - 2 * 26,
    log_events=2,
    response_bytes=2 * GB,
    stored_bytes=GB // 2,
    input_tokens=1000,
    output_tokens=100,
)


def test_each_line_is_usage_times_price() -> None:
    # Given round prices and usage, when one interview is priced on x86_64 without an LLM
    costs = interview_costs(USAGE, ROUND)

    # Then each line is its usage times its price (logs with 26 bytes per event on top)
    assert costs == {
        "DynamoDB writes": 6.0,
        "DynamoDB reads": 2.0,
        "Lambda requests": 10.0,
        "Lambda duration": 8.0,
        "API Gateway": 30.0,
        "CloudFront requests": 1.25,
        "CloudFront transfer": 2.0,
        "CloudWatch Logs": pytest.approx(1.0),
        "X-Ray": 2.5,
        "storage per month": 5.0,
    }
    # And the one-off total leaves out storage, which recurs every month
    assert one_off_total(costs) == pytest.approx(62.75)


def test_a_request_cloudfront_answers_from_its_cache_costs_a_cloudfront_request_only() -> None:
    # Given the same interview with two more requests, answered from CloudFront's cache
    cached = interview_costs(replace(USAGE, edge_cached_requests=2), ROUND)
    costs = interview_costs(USAGE, ROUND)

    # Then they add two CloudFront requests, and nothing of API Gateway, Lambda or X-Ray
    assert cached["CloudFront requests"] == pytest.approx(costs["CloudFront requests"] + 0.25)
    assert {k: v for k, v in cached.items() if k != "CloudFront requests"} == {
        k: v for k, v in costs.items() if k != "CloudFront requests"
    }


def test_arm64_prices_duration_only() -> None:
    x86 = interview_costs(USAGE, ROUND, architecture=Architecture.X86_64)
    arm = interview_costs(USAGE, ROUND, architecture=Architecture.ARM64)

    assert arm["Lambda duration"] == 6.0
    assert {k: v for k, v in arm.items() if k != "Lambda duration"} == {
        k: v for k, v in x86.items() if k != "Lambda duration"
    }


def test_an_llm_adds_its_tokens() -> None:
    llm = LlmPrice(
        "llm", "model", Price(0.001, 1, "token", "test"), Price(0.01, 1, "token", "test")
    )

    costs = interview_costs(USAGE, ROUND, llm=llm)

    assert costs["LLM input"] == pytest.approx(1.0)
    assert costs["LLM output"] == pytest.approx(1.0)
    assert one_off_total(costs) == pytest.approx(64.75)


def test_x_ray_prices_the_rules_fixed_rate_of_the_requests() -> None:
    # Given a rule that records one request in five after a reservoir of 2 a second
    sampling = XRaySampling(reservoir_per_second=2, fixed_rate=0.2)

    # When one interview of 10 requests is priced
    costs = interview_costs(USAGE, ROUND, sampling=sampling)

    # Then X-Ray is a fifth of its requests at 0.25 a trace, and nothing else changes
    assert costs["X-Ray"] == pytest.approx(10 * 0.2 * 0.25)
    unsampled = interview_costs(USAGE, ROUND)
    assert {k: v for k, v in costs.items() if k != "X-Ray"} == {
        k: v for k, v in unsampled.items() if k != "X-Ray"
    }


def test_the_reservoir_is_a_monthly_amount_whatever_the_interviews() -> None:
    # A reservoir of 2 a second, full every second of a 730-hour month, at 0.25 a trace
    full = fixed_monthly_costs(XRaySampling(reservoir_per_second=2, fixed_rate=0.2), ROUND)
    assert SECONDS_PER_MONTH == 2_628_000
    assert full == {"X-Ray reservoir (at most)": 2 * 2_628_000 * 0.25}
    # No reservoir, nothing fixed
    none = fixed_monthly_costs(XRaySampling(reservoir_per_second=0, fixed_rate=0.2), ROUND)
    assert none == {"X-Ray reservoir (at most)": 0.0}


def test_the_reservoir_dominates_until_the_rate_traces_as_many_requests() -> None:
    # Given a reservoir of 1 a second, half of the rest, 3 requests an interview: at S
    # interviews a month (S the seconds of a month), 3S requests, the reservoir takes S and
    # the rate half of the other 2S, S too
    sampling = XRaySampling(reservoir_per_second=1, fixed_rate=0.5)

    assert reservoir_dominates_below(sampling, 3) == pytest.approx(SECONDS_PER_MONTH)
    # No reservoir never dominates; a reservoir alone always does
    assert reservoir_dominates_below(XRaySampling(0, 0.5), 3) == 0.0
    assert reservoir_dominates_below(XRaySampling(1, 0.0), 3) == math.inf


def test_lambda_bills_each_invocation_rounded_up_to_the_millisecond() -> None:
    # 1.2 ms -> 2 ms, 10 ms -> 10 ms, 0.1 ms -> 1 ms: 13 ms at 1,024 MB
    assert billed_gb_seconds([1.2, 10.0, 0.1], 1024) == pytest.approx(0.013)
    # Half the memory, half the GB-s
    assert billed_gb_seconds([1.2, 10.0, 0.1], 512) == pytest.approx(0.0065)


def test_cpu_time_stretches_below_a_full_vcpu_and_waiting_does_not() -> None:
    # A full vCPU at 1,769 MB; a quarter of it at 442.25 MB
    assert modelled_duration_ms(10.0, 5.0, 1769) == pytest.approx(15.0)
    assert modelled_duration_ms(10.0, 5.0, 1769 / 4) == pytest.approx(45.0)
    # No faster than one vCPU above 1,769 MB: the handler is single-threaded
    assert modelled_duration_ms(10.0, 5.0, 3538) == pytest.approx(15.0)


def test_the_table_s_prices_are_per_single_unit() -> None:
    # Guards the "per million" divisions: a million write units cost about $0.71 in Ireland
    assert PRICES.dynamodb_write_request_unit.usd * MILLION == pytest.approx(0.70675)
    assert PRICES.api_gateway_rest_request.usd * MILLION == pytest.approx(3.50)
    assert BEDROCK_HAIKU_4_5_EU.input.usd * MILLION == pytest.approx(1.10)
    assert all(price.source for price in PRICES.rows())


def test_a_price_reads_as_its_source_states_it() -> None:
    assert PRICES.api_gateway_rest_request.stated() == (
        "$3.5 per 1M API Gateway REST requests (first 333M a month)"
    )
    assert PRICES.lambda_gb_second_x86_64.stated() == "$0.0000166667 per Lambda GB-s, x86_64"
    assert (
        PRICES.dynamodb_storage.stated() == "$0.283 per DynamoDB GB-month stored (first 25 GB free)"
    )
