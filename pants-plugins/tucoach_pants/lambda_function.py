"""A `python_aws_lambda_function` target: `python_awslambda`'s zip, with bytecode.

Pants 2.17's `python_awslambda` (zip layout) ships sources only, and `/var/task` is read-only on
Lambda, so the handler's modules are compiled again at every cold start. This target builds the
same zip with the same rules, then adds `.pyc` compiled by the runtime's Python as the layers do.
It takes the name the function target has from Pants 2.18 on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pants.backend.awslambda.python.target_types import (
    PythonAwsLambdaIncludeRequirements,
    PythonAwsLambdaRuntime,
)
from pants.backend.python.target_types import PythonResolveField
from pants.backend.python.util_rules.faas import (
    BuildPythonFaaSRequest,
    PythonFaaSCompletePlatforms,
    PythonFaaSDependencies,
    PythonFaaSHandlerField,
)
from pants.core.goals.package import BuiltPackage, OutputPathField, PackageFieldSet
from pants.core.util_rules.environments import EnvironmentField
from pants.engine.rules import Get, Rule, collect_rules, rule
from pants.engine.target import COMMON_TARGET_FIELDS, Target
from pants.engine.unions import UnionRule
from pants.util.strutil import help_text

from tucoach_pants.lambda_layer import ZipBytecodeRequest, ZipWithBytecode

# Lambda unpacks the function zip here, the task root.
FUNCTION_ROOT = "/var/task"


class LambdaFunctionHandlerField(PythonFaaSHandlerField):
    # Not a subclass of `python_awslambda`'s handler field: its package rule would also claim
    # this target and write a second zip at the same path.
    reexported_handler_module = "lambda_function"
    help = help_text(
        f"""
        Entry point to the AWS Lambda handler, re-exported as
        `{reexported_handler_module}.handler` in the zip.

        {PythonFaaSHandlerField.help}
        """
    )


class PythonAwsLambdaFunction(Target):
    alias = "python_aws_lambda_function"
    core_fields = (
        *COMMON_TARGET_FIELDS,
        OutputPathField,
        PythonFaaSDependencies,
        LambdaFunctionHandlerField,
        PythonAwsLambdaIncludeRequirements,
        PythonAwsLambdaRuntime,
        PythonFaaSCompletePlatforms,
        PythonResolveField,
        EnvironmentField,
    )
    help = help_text(
        """
        An AWS Lambda function zip (handler `lambda_function.handler`) with its modules compiled
        to bytecode for the runtime's Python.
        """
    )


@dataclass(frozen=True)
class PythonAwsLambdaFunctionFieldSet(PackageFieldSet):
    required_fields = (LambdaFunctionHandlerField, PythonAwsLambdaRuntime)

    handler: LambdaFunctionHandlerField
    include_requirements: PythonAwsLambdaIncludeRequirements
    runtime: PythonAwsLambdaRuntime
    complete_platforms: PythonFaaSCompletePlatforms
    output_path: OutputPathField
    environment: EnvironmentField


@rule(desc="Build a Python AWS Lambda function with bytecode")
async def package_python_aws_lambda_function(
    field_set: PythonAwsLambdaFunctionFieldSet,
) -> BuiltPackage:
    sources_only = await Get(
        BuiltPackage,
        BuildPythonFaaSRequest(
            address=field_set.address,
            target_name=PythonAwsLambdaFunction.alias,
            complete_platforms=field_set.complete_platforms,
            runtime=field_set.runtime,
            handler=field_set.handler,
            output_path=field_set.output_path,
            include_requirements=field_set.include_requirements.value,
            reexported_handler_module=LambdaFunctionHandlerField.reexported_handler_module,
        ),
    )
    (artifact,) = sources_only.artifacts
    if artifact.relpath is None:
        raise ValueError(f"{field_set.address}: the function zip has no path")
    with_bytecode = await Get(
        ZipWithBytecode,
        ZipBytecodeRequest(sources_only.digest, artifact.relpath, field_set.runtime, FUNCTION_ROOT),
    )
    return BuiltPackage(digest=with_bytecode.digest, artifacts=sources_only.artifacts)


def rules() -> Iterable[Rule | UnionRule]:
    return [
        *collect_rules(),
        UnionRule(PackageFieldSet, PythonAwsLambdaFunctionFieldSet),
    ]
