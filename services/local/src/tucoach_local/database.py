"""The laptop's database: Amazon's DynamoDB Local, persisted under the data folder; moto in
memory, with a warning, where Java or DynamoDB Local is missing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tucoach_repository.dynamodb_local import (
    DynamoDBLocalMissing,
    find_installation,
    running,
)

logger = logging.getLogger("tucoach.local")


@dataclass(frozen=True)
class Database:
    endpoint: str
    engine: str
    persisted_in: Path | None


@contextmanager
def database(folder: Path, *, in_memory: bool = False) -> Iterator[Database]:
    try:
        installation = find_installation()
    except DynamoDBLocalMissing as missing:
        logger.warning(
            "DynamoDB Local is not available (%s); using moto in memory: nothing you do will "
            "be kept after you stop the server.",
            missing,
        )
        with _moto() as endpoint:
            yield Database(endpoint, "moto (in memory)", None)
        return
    data = None if in_memory else folder / "dynamodb"
    if data is not None:
        data.mkdir(parents=True, exist_ok=True)
    with running(installation, data_directory=data) as endpoint:
        yield Database(endpoint, "DynamoDB Local", data)


@contextmanager
def _moto() -> Iterator[str]:
    from moto.server import ThreadedMotoServer  # noqa: PLC0415 - only without DynamoDB Local

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()
