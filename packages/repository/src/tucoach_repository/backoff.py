"""Waits between the repository's own retries (botocore retries single requests by itself)."""

from __future__ import annotations

import random
import time

BASE_SECONDS = 0.025
CAP_SECONDS = 1.0


def pause(attempt: int) -> None:
    """Sleeps before retry number `attempt` (0 first): exponential, capped, with full jitter, so
    writers that collided do not collide again in step."""
    ceiling = min(CAP_SECONDS, BASE_SECONDS * 2**attempt)
    time.sleep(random.uniform(0, ceiling))  # noqa: S311 - jitter, not cryptography
