from __future__ import annotations

from pathlib import Path

import pytest
from junit_summary import Tally, main, skip_reasons, tally_reports

SUITE = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="{errors}" failures="{failures}"
 skipped="{skipped}" tests="{tests}"></testsuite></testsuites>
"""


def _write(directory: Path, name: str, **counts: int) -> None:
    (directory / name).write_text(SUITE.format(**counts))


def test_reports_are_summed_across_files(tmp_path: Path) -> None:
    # Given two reports, one with a failure, an error and a skip
    _write(tmp_path, "a.xml", tests=5, failures=0, errors=0, skipped=0)
    _write(tmp_path, "b.xml", tests=4, failures=1, errors=1, skipped=1)
    # When they are tallied
    # Then errors count as failures and the rest as passed
    assert tally_reports(tmp_path) == Tally(passed=6, failed=2, skipped=1)


def test_the_line_is_what_ci_readers_look_for() -> None:
    assert Tally(3, 0, 1).line() == "3 passed, 0 failed, 1 skipped"


def test_a_failure_or_an_empty_run_exits_non_zero(tmp_path: Path) -> None:
    assert main(["summary", str(tmp_path)]) == 1
    _write(tmp_path, "a.xml", tests=2, failures=0, errors=0, skipped=0)
    assert main(["summary", str(tmp_path)]) == 0
    _write(tmp_path, "b.xml", tests=1, failures=1, errors=0, skipped=0)
    assert main(["summary", str(tmp_path)]) == 1


SKIPS = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="0" skipped="2" tests="3">
<testcase name="a"><skipped type="pytest.skip" message="Java was not found" /></testcase>
<testcase name="b"><skipped type="pytest.skip" message="Java was not found" /></testcase>
<testcase name="c" /></testsuite></testsuites>
"""


def test_skip_reasons_are_printed_before_the_tally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a report of two tests skipped for one reason
    (tmp_path / "a.xml").write_text(SKIPS)
    assert skip_reasons(tmp_path) == {"Java was not found": 2}
    # When it is summed up
    main(["summary", str(tmp_path)])
    # Then the reason comes first, and the tally stays the last line
    assert capsys.readouterr().out.splitlines() == [
        "skipped 2: Java was not found",
        "1 passed, 0 failed, 2 skipped",
    ]
