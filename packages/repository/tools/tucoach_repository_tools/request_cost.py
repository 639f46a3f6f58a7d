"""What one DynamoDB request costs the client's CPU, and where botocore spends it: its client
pipeline, its signing, its HTTP layer (a benchmark, not a test: it asserts nothing; ADR 0012).

    export DYNAMODB_LOCAL_DIR="$(build-support/install-dynamodb-local.sh)"
    ./pants run packages/repository/tools/tucoach_repository_tools/request_cost.py

One PutItem of a 1 KB item against DynamoDB Local, in interleaved rounds (so that a busy machine
slows them alike), thread CPU per request, min and median over the rounds:
- through the repository's client (`make_client`): botocore's whole pipeline, events, endpoint
  rules, serialising, signing, retries' bookkeeping, its HTTP layer, parsing;
- through that client with one more of botocore's settings each (checksums only when required,
  no account-id endpoints, no request compression, legacy retries) and all of them;
- the same JSON request signed with botocore's SigV4 signer and sent with botocore's HTTP
  session (`URLLib3Session`, what the client sends with, given the client's socket options), read
  with `json`: the difference to the first is the client's pipeline;
- signed the same way and sent with urllib3's own `PoolManager.request` (botocore's dependency,
  loaded by name): what a hand-written client could cost at best;
- urllib3 alone with headers signed once beforehand (DynamoDB Local reads the access key but
  does not check signatures): the floor of sending a request and reading its response here.
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import socket
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.httpsession import URLLib3Session

from tucoach_repository.client import make_client
from tucoach_repository.dynamodb_local import (
    REGION,
    find_installation,
    local_client,
    local_settings,
    running,
)
from tucoach_repository.schema import PARTITION_KEY, SORT_KEY
from tucoach_repository.tables import ensure_table

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import AttributeValueTypeDef

TABLE = "TuCoachAi-request-cost"
ROUNDS = 9
REQUESTS = 200
TARGET = "DynamoDB_20120810.PutItem"
SETTINGS: dict[str, dict[str, Any]] = {
    "checksums when required": {
        "request_checksum_calculation": "when_required",
        "response_checksum_validation": "when_required",
    },
    "no account-id endpoints": {"account_id_endpoint_mode": "disabled"},
    "no request compression": {"disable_request_compression": True},
    "legacy retries": {"retries": {"total_max_attempts": 3, "mode": "legacy"}},
}


def main() -> None:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    with running(find_installation()) as endpoint:
        settings = local_settings(endpoint, TABLE)
        ensure_table(local_client(settings), TABLE)
        item: dict[str, AttributeValueTypeDef] = {
            PARTITION_KEY: {"S": "USER#bench#INTERVIEW#request-cost"},
            SORT_KEY: {"S": "2026-12-02T00:00:00.000000Z"},
            "step": {"B": os.urandom(900)},
            "status": {"S": "IN_PROGRESS"},
        }
        client = make_client(settings)
        cases: dict[str, Callable[[], object]] = {
            "botocore, the repository's client": partial(
                client.put_item, TableName=TABLE, Item=item
            )
        }
        together = {name: value for setting in SETTINGS.values() for name, value in setting.items()}
        for label, setting in {**SETTINGS, "all of those": together}.items():
            varied = boto3.session.Session().client(
                "dynamodb",
                region_name=REGION,
                endpoint_url=endpoint,
                config=client.meta.config.merge(Config(**setting)),
            )
            cases[f"  ... with {label}"] = partial(varied.put_item, TableName=TABLE, Item=item)
        cases.update(_by_hand(endpoint, item))
        for send in cases.values():
            for _ in range(30):  # warm: connections open, caches filled
                send()
        per_request: dict[str, list[float]] = {label: [] for label in cases}
        for _ in range(ROUNDS):
            for label, send in cases.items():
                started = time.thread_time()
                for _ in range(REQUESTS):
                    send()
                per_request[label].append((time.thread_time() - started) / REQUESTS)
    print(
        f"one PutItem of a 1 KB item against DynamoDB Local, thread CPU per request"
        f" ({ROUNDS} interleaved rounds of {REQUESTS})"
    )
    for label, seconds in per_request.items():
        print(
            f"  {label:<62} min {min(seconds) * 1e6:6.0f} us"
            f"  median {statistics.median(seconds) * 1e6:6.0f} us"
        )


def _by_hand(endpoint: str, item: dict[str, Any]) -> dict[str, Callable[[], object]]:
    """The request as DynamoDB's JSON protocol has it, sent without botocore's client."""
    wire = {
        name: {"B": base64.b64encode(value["B"]).decode()} if "B" in value else value
        for name, value in item.items()
    }
    body = json.dumps({"TableName": TABLE, "Item": wire}).encode()
    headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": TARGET}
    credentials = boto3.session.Session().get_credentials()
    if credentials is None:
        raise RuntimeError("no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set")
    signer = SigV4Auth(credentials.get_frozen_credentials(), "dynamodb", REGION)
    # The socket options botocore's client gives its session (botocore.args; urllib3's own
    # default, which the PoolManager rows keep): without TCP_NODELAY the body waits behind the
    # headers for the server's delayed ACK, about 40 ms a request here, and that wait's cold
    # caches were once measured as this layer's CPU.
    # botocore-stubs types the options as strings; botocore hands urllib3 these tuples.
    no_delay: Any = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
    http = URLLib3Session(timeout=5, socket_options=no_delay)

    def signed() -> AWSRequest:
        request = AWSRequest(method="POST", url=endpoint, data=body, headers=dict(headers))
        signer.add_auth(request)
        return request

    def with_botocore_http() -> None:
        # The signed request itself, prepared and sent once, as the client does.
        response = http.send(signed().prepare())
        if response.status_code != 200:
            raise RuntimeError(f"PutItem by hand: {response.status_code} {response.content!r}")
        json.loads(response.content)

    # urllib3 is botocore's own dependency, not one of ours: loaded by name.
    pool = importlib.import_module("urllib3").PoolManager()

    def send_with_urllib3(request_headers: dict[str, str]) -> None:
        response = pool.request("POST", endpoint, body=body, headers=request_headers)
        if response.status != 200:
            raise RuntimeError(f"PutItem with urllib3: {response.status} {response.data!r}")
        json.loads(response.data)

    def signed_headers() -> dict[str, str]:
        return dict(signed().headers.items())

    signed_once = signed_headers()
    return {
        "signed by botocore's SigV4, sent by botocore's HTTP session": with_botocore_http,
        "signed by botocore's SigV4, sent by urllib3": lambda: send_with_urllib3(signed_headers()),
        "urllib3 alone, headers signed once beforehand": lambda: send_with_urllib3(signed_once),
    }


if __name__ == "__main__":
    main()
