from __future__ import annotations

import gzip

import pytest

from tucoach_local.gateway import MINIMUM_COMPRESSION_SIZE, HttpResponse, compressed

BODY = b'{"answers": [' + b'{"answer": "Invalidate on write."},' * 60 + b"{}]}"


def test_a_large_body_is_gzipped_for_a_browser_as_api_gateway_does() -> None:
    # Given a response over the minimum size and a browser's Accept-Encoding
    response = HttpResponse(200, [("Content-Type", "application/json")], BODY)

    sent = compressed(response, "gzip, deflate, br, zstd")

    # Then it is sent gzipped, says so, and reads back byte for byte
    assert ("Content-Encoding", "gzip") in sent.headers
    assert ("Content-Type", "application/json") in sent.headers
    assert gzip.decompress(sent.body) == BODY
    assert len(sent.body) < len(BODY) / 4
    assert sent.status == 200


@pytest.mark.parametrize(
    "accept_encoding",
    [None, "", "identity", "br", "gzip;q=0", "deflate, gzip ; q=0.0", "gzip;q=x"],
)
def test_a_client_that_does_not_take_gzip_gets_the_body_as_it_is(
    accept_encoding: str | None,
) -> None:
    response = HttpResponse(200, [], BODY)

    assert compressed(response, accept_encoding) == response


def test_small_or_already_encoded_bodies_are_left_alone() -> None:
    small = HttpResponse(200, [], b"x" * (MINIMUM_COMPRESSION_SIZE - 1))
    encoded = HttpResponse(200, [("content-encoding", "br")], BODY)

    assert compressed(small, "gzip") == small
    assert compressed(encoded, "gzip") == encoded
    # From the minimum size on, it compresses
    at_minimum = HttpResponse(200, [], b"x" * MINIMUM_COMPRESSION_SIZE)
    assert ("Content-Encoding", "gzip") in compressed(at_minimum, "GZIP;q=0.5").headers
