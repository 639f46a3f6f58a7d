"""Writes the API's OpenAPI document to docs/api/openapi.json (run from the repository root).

Run: ./pants run services/interviews/tools/tucoach_interviews_tools/write_openapi.py
openapi_test.py fails while the committed document differs from what the code generates.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tucoach_interviews.app import openapi_json

DOCUMENT = Path("docs/api/openapi.json")


def main() -> int:
    if not DOCUMENT.parent.is_dir():
        print(f"run from the repository root: {DOCUMENT.parent} not found", file=sys.stderr)
        return 1
    DOCUMENT.write_text(openapi_json() + "\n", encoding="utf-8")
    print(f"wrote {DOCUMENT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
