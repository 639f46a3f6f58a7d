"""An offline `terraform plan` of infra/ (or infra/account/), read from `terraform show -json`.

A plan normally needs AWS credentials. Here the provider is told not to ask for any (fake keys,
no credential, account or metadata look-ups, through an override file written next to a copy of
the configuration), and the configuration reads nothing from AWS at plan time, so the plan
is made without a network. The stacks declare an S3 backend; a second override keeps the copy's
state local, and the committed lock file is used read-only. Values AWS assigns (ARNs, ids) are
unknown in it: for those the tests look at the configuration's references instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

INFRA = Path("infra")
ENVIRONMENTS = ("dev", "prod")
# A fixed web app origin: otherwise it is the CloudFront distribution's domain, unknown until
# applied, and every value built from it (CORS headers, the function's environment) with it.
FRONTEND_ORIGIN = "https://tucoach.example.test"
ARTIFACTS = (
    "functions/interviews.zip",
    "layers/tucoach-packages.zip",
    "layers/interviews-dependencies.zip",
)

# infra/ declares an S3 backend; a plan made here keeps its state in the scratch copy, by choice.
LOCAL_BACKEND = """
terraform {
  backend "local" {}
}
"""

OFFLINE_PROVIDER = """
provider "aws" {
  access_key                  = "offline-plan"
  secret_key                  = "offline-plan"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
"""


@dataclass(frozen=True)
class Resource:
    address: str
    type: str
    name: str
    index: Any
    values: dict[str, Any]
    unknown: dict[str, Any]


@dataclass(frozen=True)
class Plan:
    environment: str
    raw: dict[str, Any]

    def resources(self, type_: str, name: str | None = None) -> list[Resource]:
        """Planned resources and data sources of a type (data sources as `data.<type>`)."""
        found = []
        mode = "data" if type_.startswith("data.") else "managed"
        bare_type = type_.removeprefix("data.")
        for change in self.raw["resource_changes"]:
            if change["mode"] != mode or change["type"] != bare_type:
                continue
            if name is not None and change["name"] != name:
                continue
            after = change["change"]["after"] or {}
            found.append(
                Resource(
                    change["address"],
                    bare_type,
                    change["name"],
                    change.get("index"),
                    after,
                    change["change"].get("after_unknown") or {},
                )
            )
        # Data sources read at plan time are in the prior state, not among the changes.
        prior = self.raw.get("prior_state", {}).get("values", {}).get("root_module", {})
        seen = {r.address for r in found}
        for item in prior.get("resources", []):
            matches = item["mode"] == mode and item["type"] == bare_type
            if matches and name in (None, item["name"]) and item["address"] not in seen:
                found.append(
                    Resource(
                        item["address"],
                        bare_type,
                        item["name"],
                        item.get("index"),
                        item["values"],
                        {},
                    )
                )
        return found

    def one(self, type_: str, name: str) -> Resource:
        (resource,) = self.resources(type_, name)
        return resource

    def configuration(self, type_: str, name: str) -> dict[str, Any]:
        """The configuration block of a resource (expressions with their references)."""
        mode = "data" if type_.startswith("data.") else "managed"
        bare_type = type_.removeprefix("data.")
        blocks: list[dict[str, Any]] = self.raw["configuration"]["root_module"]["resources"]
        for block in blocks:
            if block["mode"] == mode and block["type"] == bare_type and block["name"] == name:
                return block
        raise KeyError(f"{type_}.{name} is not in the configuration")


def references(expression: dict[str, Any]) -> list[str]:
    return list(expression.get("references", []))


def walk_statements(plan: Plan) -> Iterator[tuple[Resource, dict[str, Any], dict[str, Any]]]:
    """Every statement of every IAM policy document, with what of it is unknown."""
    for document in plan.resources("data.aws_iam_policy_document"):
        unknown_statements = document.unknown.get("statement") or []
        for position, statement in enumerate(document.values.get("statement") or []):
            unknown = unknown_statements[position] if position < len(unknown_statements) else {}
            yield document, statement, unknown


def terraform() -> str | None:
    return shutil.which("terraform")


def require_terraform() -> None:
    """Skips a test that needs terraform where it is missing, unless CI requires it."""
    if terraform():
        return
    reason = "terraform is not on PATH: the plan tests cannot run"
    if os.environ.get("TUCOACH_REQUIRE_TERRAFORM") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


# Each stack is copied and initialised once per process (see _initialised), then planned there
# with each plan's own variables and files: the copy and `terraform init` cost about 4 s a plan
# otherwise (17 plans: the batch took 183 s before, 116 s after, on a 2-CPU machine).
_INITIALISED: dict[Path, Path] = {}


def make_plan(
    environment: str | None,
    workdir: Path,
    stack: Path = INFRA,
    extra_vars: Sequence[str] = (),
) -> Plan:
    """Plans `stack`: infra/ for environments/<environment>.tfvars (with `name=value` settings
    on top), or infra/account/ (environment None). The plan, its stand-in artifacts and
    terraform's home for the plan are in `workdir`."""
    binary = terraform()
    if binary is None:
        raise RuntimeError("terraform is not on PATH")
    # Stand-ins for the artifacts: the plan only hashes them, and the real ones are tested by
    # services/interviews/tests.
    artifacts = workdir / "dist"
    for artifact in ARTIFACTS:
        path = artifacts / artifact
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("placeholder.txt", artifact)
    cli_config = workdir / "terraformrc"
    cli_config.write_text("")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(workdir),
        "TF_CLI_CONFIG_FILE": str(cli_config),
        "TF_IN_AUTOMATION": "1",
        "TF_INPUT": "0",
        "CHECKPOINT_DISABLE": "1",  # no version check against HashiCorp's servers
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    config = _initialised(stack, workdir, binary, env)

    def run(*args: str) -> str:
        return _run(args, config, env)

    environment_vars = (
        [
            f"-var-file=environments/{environment}.tfvars",
            f"-var=artifacts_dir={artifacts}",
            f"-var=frontend_origin={FRONTEND_ORIGIN}",
        ]
        if environment
        else []
    ) + [f"-var={setting}" for setting in extra_vars]
    plan_file = str(workdir / "plan.bin")
    run(
        binary,
        "plan",
        "-input=false",
        "-no-color",
        "-lock=false",
        "-refresh=false",
        *environment_vars,
        f"-out={plan_file}",
    )
    return Plan(environment or "account", json.loads(run(binary, "show", "-json", plan_file)))


def _initialised(stack: Path, workdir: Path, binary: str, env: dict[str, str]) -> Path:
    """A copy of `stack` with the override files, initialised once per process (with the
    first plan's `env`), beside that plan's `workdir` (in pytest's base temporary folder, of
    which pytest keeps the last three runs'): plans made with -lock=false and -refresh=false
    write nothing in it but their plan files, which are elsewhere, so one copy serves them all.
    Keyed by the stack's path: a stack is read once per process."""
    if stack in _INITIALISED:
        return _INITIALISED[stack]
    config = (
        Path(tempfile.mkdtemp(prefix=f"initialised-{stack.name}-", dir=workdir.parent)) / "stack"
    )
    shutil.copytree(stack, config)
    (config / "offline_plan_override.tf").write_text(OFFLINE_PROVIDER)
    (config / "local_backend_override.tf").write_text(LOCAL_BACKEND)
    init = [binary, "init", "-input=false", "-no-color", "-lockfile=readonly"]
    if plugin_dir := os.environ.get("TUCOACH_TF_PLUGIN_DIR"):
        init.append(f"-plugin-dir={plugin_dir}")
    _run(init, config, env)
    _INITIALISED[stack] = config
    return config


def _run(args: Sequence[str], config: Path, env: dict[str, str]) -> str:
    # Our own fixed command lines: terraform and its arguments.
    result = subprocess.run(  # noqa: S603
        args, cwd=config, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0:
        command = " ".join(args)
        raise RuntimeError(f"{command} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout
