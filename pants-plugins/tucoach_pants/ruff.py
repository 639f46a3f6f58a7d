"""Ruff for Pants 2.17, which calls `ruff <files>`: Ruff 0.5 and later need `ruff check`.

Replaces the built-in `pants.backend.experimental.python.lint.ruff` backend (do not enable both)
with three tools on the same `[ruff]` subsystem, so they run the Ruff pinned in the `ruff`
resolve and read the same configuration:

- `ruff check --fix` (fix goal), `ruff check` (lint goal), `ruff format` (fmt goal; `lint` fails
  on files it would change).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from pants.backend.python.lint.ruff import skip_field, subsystem
from pants.backend.python.lint.ruff.subsystem import Ruff, RuffFieldSet
from pants.backend.python.util_rules import pex
from pants.backend.python.util_rules.pex import PexRequest, VenvPex, VenvPexProcess
from pants.core.goals.fix import FixResult, FixTargetsRequest
from pants.core.goals.fmt import FmtResult, FmtTargetsRequest
from pants.core.goals.lint import LintResult, LintTargetsRequest
from pants.core.util_rules.config_files import ConfigFiles, ConfigFilesRequest
from pants.core.util_rules.partitions import PartitionerType
from pants.core.util_rules.source_files import SourceFiles, SourceFilesRequest
from pants.engine.fs import Digest, MergeDigests, Snapshot
from pants.engine.process import FallibleProcessResult
from pants.engine.rules import Get, MultiGet, Rule, collect_rules, rule
from pants.engine.unions import UnionRule
from pants.util.logging import LogLevel
from pants.util.meta import classproperty
from pants.util.strutil import pluralize


class RuffCheckFixRequest(FixTargetsRequest):
    field_set_type = RuffFieldSet
    # Ruff is a SkippableSubsystem in all but its declared bases.
    tool_subsystem = Ruff  # type: ignore[assignment]
    partitioner_type = PartitionerType.DEFAULT_SINGLE_PARTITION

    @classproperty
    def tool_name(cls) -> str:
        return "ruff check --fix"


class RuffCheckRequest(LintTargetsRequest):
    field_set_type = RuffFieldSet
    # Ruff is a SkippableSubsystem in all but its declared bases.
    tool_subsystem = Ruff  # type: ignore[assignment]
    partitioner_type = PartitionerType.DEFAULT_SINGLE_PARTITION

    @classproperty
    def tool_name(cls) -> str:
        return "ruff check"


class RuffFormatRequest(FmtTargetsRequest):
    field_set_type = RuffFieldSet
    # Ruff is a SkippableSubsystem in all but its declared bases.
    tool_subsystem = Ruff  # type: ignore[assignment]
    partitioner_type = PartitionerType.DEFAULT_SINGLE_PARTITION

    @classproperty
    def tool_name(cls) -> str:
        return "ruff format"


@dataclass(frozen=True)
class RuffProcessRequest:
    snapshot: Snapshot
    subcommand: tuple[str, ...]


@rule(level=LogLevel.DEBUG)
async def run_ruff(request: RuffProcessRequest, ruff: Ruff) -> FallibleProcessResult:
    ruff_pex, config_files = await MultiGet(
        Get(VenvPex, PexRequest, ruff.to_pex_request()),
        Get(ConfigFiles, ConfigFilesRequest, ruff.config_request(request.snapshot.dirs)),
    )
    input_digest = await Get(
        Digest, MergeDigests((request.snapshot.digest, config_files.snapshot.digest))
    )
    config_args = [f"--config={ruff.config}"] if ruff.config else []
    command = " ".join(request.subcommand)
    return await Get(
        FallibleProcessResult,
        VenvPexProcess(
            ruff_pex,
            argv=(*request.subcommand, *config_args, *ruff.args, *request.snapshot.files),
            input_digest=input_digest,
            output_files=request.snapshot.files,
            description=f"Run ruff {command} on {pluralize(len(request.snapshot.files), 'file')}.",
            level=LogLevel.DEBUG,
        ),
    )


@rule(desc="Fix with ruff check --fix", level=LogLevel.DEBUG)
async def ruff_check_fix(request: RuffCheckFixRequest.Batch) -> FixResult:
    result = await Get(
        FallibleProcessResult, RuffProcessRequest(request.snapshot, ("check", "--fix"))
    )
    return await FixResult.create(request, result, strip_chroot_path=True)


@rule(desc="Lint with ruff check", level=LogLevel.DEBUG)
async def ruff_check(request: RuffCheckRequest.Batch[RuffFieldSet, Any]) -> LintResult:
    sources = await Get(
        SourceFiles, SourceFilesRequest(field_set.source for field_set in request.elements)
    )
    result = await Get(FallibleProcessResult, RuffProcessRequest(sources.snapshot, ("check",)))
    return LintResult.create(request, result, strip_chroot_path=True)


@rule(desc="Format with ruff format", level=LogLevel.DEBUG)
async def ruff_format(request: RuffFormatRequest.Batch) -> FmtResult:
    result = await Get(FallibleProcessResult, RuffProcessRequest(request.snapshot, ("format",)))
    return await FmtResult.create(request, result, strip_chroot_path=True)


def rules() -> Iterable[Rule | UnionRule]:
    return [
        *collect_rules(),
        *RuffCheckFixRequest.rules(),
        *RuffCheckRequest.rules(),
        *RuffFormatRequest.rules(),
        *pex.rules(),
        *skip_field.rules(),
        *subsystem.rules(),
    ]
