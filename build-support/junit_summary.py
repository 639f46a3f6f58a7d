"""Sums the JUnit XML reports Pants writes into one line: `N passed, N failed, N skipped`.

Usage: python3 build-support/junit_summary.py REPORTS_DIR
Each reason for skipping tests is printed first, with how many it skipped.
Exits 1 when any test failed or errored, or when no test ran at all.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree


@dataclass(frozen=True)
class Tally:
    passed: int = 0
    failed: int = 0
    skipped: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.passed + other.passed,
            self.failed + other.failed,
            self.skipped + other.skipped,
        )

    def line(self) -> str:
        return f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped"


def tally_report(report: Path) -> Tally:
    # nosec: the reports are written by our own test run.
    root = ElementTree.parse(report).getroot()  # noqa: S314
    suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
    total = Tally()
    for suite in suites:
        tests = int(suite.get("tests", 0))
        failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        total += Tally(tests - failed - skipped, failed, skipped)
    return total


def tally_reports(directory: Path) -> Tally:
    total = Tally()
    for report in sorted(directory.rglob("*.xml")):
        total += tally_report(report)
    return total


def skip_reasons(directory: Path) -> Counter[str]:
    """How many tests were skipped for each reason, so a skip never goes by unexplained."""
    reasons: Counter[str] = Counter()
    for report in sorted(directory.rglob("*.xml")):
        root = ElementTree.parse(report).getroot()  # noqa: S314
        for skipped in root.iter("skipped"):
            reasons[skipped.get("message", "no reason given")] += 1
    return reasons


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    tally = tally_reports(Path(argv[1]))
    for reason, count in sorted(skip_reasons(Path(argv[1])).items()):
        print(f"skipped {count}: {reason}")
    print(tally.line())
    return 0 if tally.failed == 0 and tally.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
