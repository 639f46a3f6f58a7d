"""A `python_aws_lambda_layer` target: Pants 2.17 packages functions but not layers.

A layer is a zip whose `python/` folder Lambda puts on `sys.path` as `/opt/python`. The rule
resolves the target's transitive closure into a packed PEX (sources and third-party
distributions for the Lambda platform), then lets `pex3 venv create --layout flat-zipped
--prefix python` lay it out as `pip install --target` would and zip it. This mirrors the target
Pants 2.18 added, so moving to it later is a rename in the BUILD files.

Unlike 2.18's target, the zip also carries bytecode compiled by the runtime's Python
(`zip_bytecode.py`): `/opt` is read-only on Lambda, so a layer without it is compiled again at
every cold start.
"""

from __future__ import annotations

import pkgutil
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable

from pants.backend.awslambda.python.target_types import PythonAwsLambdaRuntime
from pants.backend.python.target_types import PexLayout, PythonResolveField
from pants.backend.python.util_rules import pex_from_targets
from pants.backend.python.util_rules.faas import PythonFaaSCompletePlatforms
from pants.backend.python.util_rules.interpreter_constraints import InterpreterConstraints
from pants.backend.python.util_rules.pex import CompletePlatforms, Pex, PexPlatforms
from pants.backend.python.util_rules.pex_cli import PexCliProcess
from pants.backend.python.util_rules.pex_environment import PythonExecutable
from pants.backend.python.util_rules.pex_from_targets import PexFromTargetsRequest
from pants.core.goals.package import (
    BuiltPackage,
    BuiltPackageArtifact,
    OutputPathField,
    PackageFieldSet,
)
from pants.core.util_rules.environments import EnvironmentField
from pants.engine.fs import CreateDigest, Digest, FileContent, MergeDigests
from pants.engine.process import Process, ProcessResult
from pants.engine.rules import Get, Rule, collect_rules, rule
from pants.engine.target import COMMON_TARGET_FIELDS, BoolField, Dependencies, Target
from pants.engine.unions import UnionRule
from pants.util.strutil import help_text

# Lambda layers unpack under /opt; /opt/python is on the runtime's sys.path.
LAYER_PREFIX = "python"
LAYER_ROOT = "/opt"
BYTECODE_SCRIPT = "__zip_bytecode.py"


@dataclass(frozen=True)
class ZipBytecodeRequest:
    """Add `.pyc` for `runtime` to the zip `path` in `digest`, which unpacks at `runtime_root`."""

    digest: Digest
    path: str
    runtime: PythonAwsLambdaRuntime
    runtime_root: str


@dataclass(frozen=True)
class ZipWithBytecode:
    digest: Digest


class LambdaLayerDependencies(Dependencies):
    supports_transitive_excludes = True


class LambdaLayerIncludeSources(BoolField):
    alias = "include_sources"
    default = True
    help = "Whether to put first-party sources in the layer, besides third-party distributions."


class LambdaLayerIncludeRequirements(BoolField):
    alias = "include_requirements"
    default = True
    help = "Whether to put third-party distributions in the layer."


class PythonAwsLambdaLayer(Target):
    alias = "python_aws_lambda_layer"
    core_fields = (
        *COMMON_TARGET_FIELDS,
        OutputPathField,
        LambdaLayerDependencies,
        LambdaLayerIncludeSources,
        LambdaLayerIncludeRequirements,
        PythonAwsLambdaRuntime,
        PythonFaaSCompletePlatforms,
        PythonResolveField,
        EnvironmentField,
    )
    help = help_text(
        """
        An AWS Lambda layer: the transitive dependencies of `dependencies`, laid out under
        `python/` in a zip, ready to publish with `aws lambda publish-layer-version`.
        """
    )


@dataclass(frozen=True)
class PythonAwsLambdaLayerFieldSet(PackageFieldSet):
    required_fields = (LambdaLayerDependencies, PythonAwsLambdaRuntime)

    dependencies: LambdaLayerDependencies
    include_sources: LambdaLayerIncludeSources
    include_requirements: LambdaLayerIncludeRequirements
    runtime: PythonAwsLambdaRuntime
    complete_platforms: PythonFaaSCompletePlatforms
    output_path: OutputPathField
    environment: EnvironmentField


@rule(desc="Build a Python AWS Lambda layer")
async def package_python_aws_lambda_layer(
    field_set: PythonAwsLambdaLayerFieldSet,
) -> BuiltPackage:
    platform = field_set.runtime.to_platform_string()
    platforms = PexPlatforms([platform] if platform else [])
    complete_platforms = await Get(
        CompletePlatforms, PythonFaaSCompletePlatforms, field_set.complete_platforms
    )
    # As Pants does for functions: take manylinux wheels, and a local interpreter when it
    # matches the Lambda platform.
    platform_args = ("--manylinux=manylinux2014", "--resolve-local-platforms")
    repository = await Get(
        Pex,
        PexFromTargetsRequest(
            addresses=[field_set.address],
            internal_only=False,
            output_filename="layer_repository.pex",
            layout=PexLayout.PACKED,
            platforms=platforms,
            complete_platforms=complete_platforms,
            additional_args=platform_args,
            additional_lockfile_args=platform_args,
            include_source_files=field_set.include_sources.value,
            include_requirements=field_set.include_requirements.value,
            warn_for_transitive_files_targets=True,
        ),
    )
    output_filename = field_set.output_path.value_or_default(file_ending="zip")
    # flat-zipped writes `<dest-dir>.zip`, so the dest dir is the output path minus `.zip`.
    dest_dir = PurePath(output_filename).with_suffix("")
    input_digest = await Get(Digest, MergeDigests([repository.digest, complete_platforms.digest]))
    layer = await Get(
        ProcessResult,
        PexCliProcess(
            subcommand=("venv", "create"),
            extra_args=(
                f"--dest-dir={dest_dir}",
                f"--pex-repository={repository.name}",
                "--layout=flat-zipped",
                f"--prefix={LAYER_PREFIX}",
                *platforms.generate_pex_arg_list(),
                *complete_platforms.generate_pex_arg_list(),
            ),
            additional_input_digest=input_digest,
            output_files=(output_filename,),
            description=f"Build Lambda layer {output_filename}",
        ),
    )
    with_bytecode = await Get(
        ZipWithBytecode,
        ZipBytecodeRequest(layer.output_digest, output_filename, field_set.runtime, LAYER_ROOT),
    )
    return BuiltPackage(
        digest=with_bytecode.digest,
        artifacts=(
            BuiltPackageArtifact(
                output_filename,
                extra_log_lines=(f"    Runtime: {field_set.runtime.value}",),
            ),
        ),
    )


@rule(desc="Compile a Lambda zip's Python sources to bytecode")
async def add_bytecode_to_zip(request: ZipBytecodeRequest) -> ZipWithBytecode:
    version = request.runtime.to_interpreter_version()
    if version is None:
        raise ValueError(f"{request.path}: bytecode needs the Lambda runtime's Python version")
    major, minor = version
    # The .pyc format changes with every minor release: only the runtime's own Python will do.
    python = await Get(PythonExecutable, InterpreterConstraints([f"CPython=={major}.{minor}.*"]))
    script = pkgutil.get_data(__name__, "zip_bytecode.py")
    if script is None:
        raise FileNotFoundError("zip_bytecode.py ships beside the plugin's lambda_layer.py")
    script_digest = await Get(Digest, CreateDigest([FileContent(BYTECODE_SCRIPT, script)]))
    input_digest = await Get(Digest, MergeDigests([request.digest, script_digest]))
    result = await Get(
        ProcessResult,
        Process(
            argv=(
                python.path,
                "-S",
                "-s",
                BYTECODE_SCRIPT,
                request.path,
                f"{major}.{minor}",
                request.runtime_root,
            ),
            input_digest=input_digest,
            output_files=(request.path,),
            # Marshalled sets follow string hashes: a fixed seed keeps the bytes reproducible.
            env={"PYTHONHASHSEED": "0"},
            append_only_caches=python.append_only_caches,
            description=f"Compile the Python sources in {request.path} to bytecode",
        ),
    )
    return ZipWithBytecode(result.output_digest)


def rules() -> Iterable[Rule | UnionRule]:
    return [
        *collect_rules(),
        *pex_from_targets.rules(),
        UnionRule(PackageFieldSet, PythonAwsLambdaLayerFieldSet),
    ]
