"""The delivery pipeline's safety rules, read from the workflow files themselves.

actionlint proves the workflows are valid; these tests prove they are safe: deploying needs
green CI, the artifacts (the web app's too) are built once and checked, the plan is saved, shown
and applied unchanged by another job behind an environment, fork pull requests never reach AWS,
OIDC tokens only where a role is assumed, every action pinned by commit, and the provider lock
job exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# PyYAML comes into the resolve with moto[server] (see build-support/BUILD).
import yaml  # type: ignore[import-untyped]  # pants: no-infer-dep

WORKFLOWS = Path(".github/workflows")
PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$"
)
RELEASE_COMMENT = re.compile(r"^v\d+\.\d+\.\d+$")
AWS_CREDENTIALS = "aws-actions/configure-aws-credentials"
PLATFORMS = ("linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64")
FORK_GUARD = "github.event.pull_request.head.repo.full_name == github.repository"
PUSH_ONLY = "github.event_name == 'push'"
PUBLISH_SCRIPT = Path("build-support/publish-frontend.sh")
PUBLISH_WEB_APP = str(PUBLISH_SCRIPT)
# `(cd frontend && sha256sum --check --strict ... SHA256SUMS)`: the sums of the built app.
WEB_APP_CHECK = re.compile(r"cd frontend\b[^)\n]*sha256sum --check --strict\b[^)\n]*SHA256SUMS")

Job = dict[str, Any]


def _workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def _load(path: Path) -> dict[str, Any]:
    document: dict[Any, Any] = yaml.safe_load(path.read_text())
    # YAML 1.1 reads the bare key `on` as true.
    if True in document:
        document["on"] = document.pop(True)
    return document


@pytest.fixture(scope="module")
def jobs() -> dict[str, Job]:
    """Every job of every workflow, by id (ids are unique across the files)."""
    found: dict[str, Job] = {}
    for path in _workflow_files():
        for job_id, job in _load(path)["jobs"].items():
            assert job_id not in found, f"job id {job_id} is used twice"
            found[job_id] = job
    assert found, "no workflow jobs found"
    return found


def _needs(job: Job) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _all_needs(jobs: dict[str, Job], job_id: str) -> set[str]:
    """The jobs that must succeed before this one starts, directly or through others."""
    seen: set[str] = set()
    pending = _needs(jobs[job_id])
    while pending:
        needed = pending.pop()
        if needed not in seen:
            seen.add(needed)
            pending.extend(_needs(jobs[needed]))
    return seen


def _steps(job: Job) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = job.get("steps", [])
    return steps


def _scripts(job: Job) -> str:
    """The job's shell scripts, comments left out and continuation lines joined."""
    text = "\n".join(step["run"] for step in _steps(job) if "run" in step)
    return re.sub(r"(^|\s)#.*$", "", text, flags=re.MULTILINE).replace("\\\n", " ")


def _uses(job: Job, action: str) -> list[dict[str, Any]]:
    return [step for step in _steps(job) if str(step.get("uses", "")).startswith(action + "@")]


def _holds_oidc_token(job: Job) -> bool:
    return (job.get("permissions") or {}).get("id-token") == "write"


def _condition(job: Job) -> str:
    return " ".join(str(job.get("if", "")).split())


def _terraform(command: str) -> re.Pattern[str]:
    return re.compile(rf"\bterraform(?:\s+-chdir=\S+)?\s+{command}\b(?P<arguments>[^\n#]*)")


PLAN, APPLY = _terraform("plan"), _terraform("apply")


def _plan_jobs(jobs: dict[str, Job]) -> list[str]:
    return [job_id for job_id, job in jobs.items() if PLAN.search(_scripts(job))]


def _apply_jobs(jobs: dict[str, Job]) -> list[str]:
    return [job_id for job_id, job in jobs.items() if APPLY.search(_scripts(job))]


def _uploaded(job: Job) -> dict[str, str]:
    """Artifact name -> the paths uploaded under it."""
    return {
        step["with"]["name"]: step["with"]["path"] for step in _uses(job, "actions/upload-artifact")
    }


def _downloaded(job: Job) -> set[str]:
    return {step["with"]["name"] for step in _uses(job, "actions/download-artifact")}


def _use_lines() -> Iterator[tuple[Path, int, str]]:
    for path in _workflow_files():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.match(r"^\s*(?:-\s+)?uses:", line):
                yield path, number, line


def test_every_action_is_pinned_by_a_full_commit_sha_with_its_release_in_a_comment() -> None:
    # Given every `uses:` line of every workflow
    lines = list(_use_lines())
    assert lines
    # Then each names a commit (40 hex digits), not a tag or branch that can move, and says
    # which release that commit is, for the people and bots who update it
    for path, number, line in lines:
        if line.split("uses:", 1)[1].strip().startswith("./"):
            continue  # an action or reusable workflow of this repository, at this commit
        match = PINNED_USES.match(line)
        assert match, f"{path}:{number}: not `uses: owner/repo@<sha> # vX.Y.Z`: {line.strip()}"
        assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{path}:{number}: not pinned by SHA"
        comment = match["comment"] or ""
        assert RELEASE_COMMENT.match(comment), f"{path}:{number}: no `# vX.Y.Z` comment"


def test_one_action_release_is_pinned_to_one_commit_everywhere() -> None:
    # Given the pins
    pins: dict[str, set[str]] = {}
    for _, _, line in _use_lines():
        match = PINNED_USES.match(line)
        if match:
            pins.setdefault(match["action"], set()).add(match["ref"])
    # Then an action is not pinned to two commits in two places
    assert {action: refs for action, refs in pins.items() if len(refs) > 1} == {}


def test_deploy_jobs_start_only_after_every_ci_job_succeeded(jobs: dict[str, Job]) -> None:
    # Given the jobs that hold AWS credentials (deploy side) and the others (CI)
    deploy = {job_id for job_id, job in jobs.items() if _holds_oidc_token(job)}
    ci = set(jobs) - deploy
    assert deploy
    assert ci
    for job_id in sorted(deploy):
        # Then each needs every CI job, directly or through the jobs it needs
        missing = ci - _all_needs(jobs, job_id)
        assert not missing, f"{job_id} can start before {sorted(missing)} succeeded"
        # and no status function (always(), failure()...) lets it run after a failure
        assert not re.search(r"\b(always|failure|cancelled)\(\)", _condition(jobs[job_id]))


def test_no_workflow_deploys_on_its_own_trigger_beside_ci() -> None:
    # Given every workflow file: a second workflow on the same push would race CI (the old
    # deploy.yml did), unless it is started by CI's success (workflow_run)
    for path in _workflow_files():
        document = _load(path)
        jobs = document["jobs"].values()
        if not any(_holds_oidc_token(job) for job in jobs):
            continue
        triggers = document["on"]
        if "workflow_run" in triggers:
            # Then such a workflow runs only when CI concluded with success
            for job in jobs:
                if _holds_oidc_token(job):
                    assert "github.event.workflow_run.conclusion == 'success'" in _condition(job)
        else:
            # Then the deploy jobs live in the workflow that runs CI
            assert any(not _holds_oidc_token(job) for job in jobs), f"{path} deploys without CI"


def test_the_artifacts_are_built_once_and_checked_by_every_job_that_uses_them(
    jobs: dict[str, Job],
) -> None:
    # Given the jobs that build the Lambda artifacts and the ones that upload them
    builders = [
        job_id
        for job_id, job in jobs.items()
        if "./pants package" in _scripts(job) or "bin/test" in _scripts(job)
    ]
    uploaders = [job_id for job_id, job in jobs.items() if "lambda-artifacts" in _uploaded(job)]
    # Then one job builds them, and uploads them with their checksums
    assert builders == uploaders, f"built in {builders}, uploaded by {uploaders}"
    paths = _uploaded(jobs[uploaders[0]])["lambda-artifacts"]
    assert "SHA256SUMS" in paths
    assert "sha256sum" in _scripts(jobs[uploaders[0]])
    # And every Terraform job downloads them and checks them before anything else uses them
    for job_id in {*_plan_jobs(jobs), *_apply_jobs(jobs), "localstack"}:
        if job_id not in jobs:
            continue
        job = jobs[job_id]
        assert "lambda-artifacts" in _downloaded(job), f"{job_id} does not use CI's artifacts"
        assert "sha256sum --check" in _scripts(job), f"{job_id} does not check the checksums"


def test_the_web_app_is_built_once_and_published_from_the_checked_artifact(
    jobs: dict[str, Job],
) -> None:
    # Given the jobs that build the web app and the ones that publish it
    builders = [job_id for job_id, job in jobs.items() if "npm run build" in _scripts(job)]
    publishers = [job_id for job_id, job in jobs.items() if PUBLISH_WEB_APP in _scripts(job)]
    assert len(builders) == 1, f"the web app is built in {builders}"
    assert publishers, "no job publishes the web app"
    builder = jobs[builders[0]]
    # Then the one build is uploaded with its checksums, made in the job that built it
    artifacts = [name for name, paths in _uploaded(builder).items() if "frontend/dist" in paths]
    assert len(artifacts) == 1, f"{builders[0]} uploads frontend/dist as {artifacts}"
    assert "SHA256SUMS" in _uploaded(builder)[artifacts[0]]
    assert "sha256sum" in _scripts(builder)
    # And it is CI: every deploy waits for it
    assert not _holds_oidc_token(builder)
    for job_id in publishers:
        job = jobs[job_id]
        scripts = [step.get("run", "") for step in _steps(job)]
        checked = [n for n, script in enumerate(scripts) if WEB_APP_CHECK.search(script)]
        published = [n for n, script in enumerate(scripts) if PUBLISH_WEB_APP in script]
        # And every publisher downloads that artifact and checks it before publishing it
        assert artifacts[0] in _downloaded(job), f"{job_id} does not publish CI's build"
        assert checked, f"{job_id} does not check the web app against its SHA256SUMS"
        assert min(checked) < min(published), f"{job_id} publishes before checking"
        # And builds nothing: no Node.js, no npm, in the job or in the script it runs
        assert not _uses(job, "actions/setup-node"), f"{job_id} sets up Node.js"
        assert not re.search(r"\bnpm\b", _scripts(job)), f"{job_id} runs npm"
    assert not re.search(r"^[^#]*\bnpm\s+(ci|install|run)\b", PUBLISH_SCRIPT.read_text(), re.M)


def test_plan_and_apply_are_separate_jobs_and_the_apply_consumes_the_saved_plan(
    jobs: dict[str, Job],
) -> None:
    # Given the job that plans and the job that applies
    plans, applies = _plan_jobs(jobs), _apply_jobs(jobs)
    assert len(plans) == 1, plans
    assert len(applies) == 1, applies
    plan, apply = jobs[plans[0]], jobs[applies[0]]
    assert plans != applies
    # Then the plan job saves its plan and uploads it, and never applies
    planned = PLAN.search(_scripts(plan))
    assert planned
    assert "-out=tfplan" in planned["arguments"].split()
    assert not APPLY.search(_scripts(plan))
    saved = [name for name, paths in _uploaded(plan).items() if "tfplan" in paths]
    assert saved, "the plan job does not upload the plan"
    # And the apply job needs it, downloads that plan and applies that file, planning nothing
    assert plans[0] in _needs(apply)
    assert set(saved) <= _downloaded(apply)
    applied = APPLY.search(_scripts(apply))
    assert applied
    assert applied["arguments"].split()[-1:] == ["tfplan"]
    assert not PLAN.search(_scripts(apply))


def test_the_plan_is_shown_in_the_job_summary_and_on_the_pull_request(jobs: dict[str, Job]) -> None:
    plan = jobs[_plan_jobs(jobs)[0]]
    scripts = _scripts(plan)
    assert "terraform show -no-color tfplan" in scripts
    assert "GITHUB_STEP_SUMMARY" in scripts
    assert "gh pr comment" in scripts
    assert (plan.get("permissions") or {}).get("pull-requests") == "write"


def test_the_apply_waits_behind_its_environment_and_runs_on_push_only(jobs: dict[str, Job]) -> None:
    apply = jobs[_apply_jobs(jobs)[0]]
    # Given the apply job's environment (a name, or a mapping with one)
    environment = apply.get("environment")
    name = environment.get("name") if isinstance(environment, dict) else environment
    # Then it has one, whose protection rules (prod: required reviewers) gate the apply
    assert name, "the apply job has no environment: nothing gates it"
    assert PUSH_ONLY in _condition(apply)
    # And two applies of one environment never run at once, nor is one cancelled halfway
    concurrency = apply.get("concurrency") or {}
    assert concurrency.get("group")
    assert concurrency.get("cancel-in-progress") is False


def test_fork_pull_requests_skip_every_job_that_assumes_an_aws_role(jobs: dict[str, Job]) -> None:
    # Given the jobs that ask GitHub for an OIDC token
    for job_id, job in jobs.items():
        if not _holds_oidc_token(job):
            continue
        condition = _condition(job)
        # Then each runs on a push, or on a pull request from this repository only
        assert FORK_GUARD in condition or (
            PUSH_ONLY in condition and "pull_request" not in condition
        ), f"{job_id} would fail on a fork's pull request (no OIDC token): if: {condition!r}"


def test_only_jobs_that_assume_a_role_may_request_an_oidc_token(jobs: dict[str, Job]) -> None:
    for path in _workflow_files():
        # Given a workflow's default permissions
        permissions = _load(path).get("permissions")
        # Then they are explicit and grant no OIDC token
        assert isinstance(permissions, dict), f"{path}: no explicit default permissions"
        assert permissions.get("id-token") in (None, "none"), f"{path} grants id-token to every job"
    for job_id, job in jobs.items():
        # And a job holds one exactly when it assumes a role with it
        assert _holds_oidc_token(job) == bool(_uses(job, AWS_CREDENTIALS)), job_id


def test_the_smoke_test_runs_after_every_apply(jobs: dict[str, Job]) -> None:
    applies = set(_apply_jobs(jobs))
    smoke = [job_id for job_id, job in jobs.items() if "build-support/smoke.sh" in _scripts(job)]
    assert smoke, "no job runs build-support/smoke.sh"
    assert all(applies <= _all_needs(jobs, job_id) for job_id in smoke)
    assert all(
        _condition(jobs[job_id]) == _condition(jobs[next(iter(applies))]) for job_id in smoke
    )


def test_a_job_refreshes_the_provider_lock_files_for_every_platform_and_fails_on_a_difference(
    jobs: dict[str, Job],
) -> None:
    # Given the job that runs `terraform providers lock`
    lockers = [job_id for job_id, job in jobs.items() if "providers lock" in _scripts(job)]
    assert len(lockers) == 1, lockers
    job = jobs[lockers[0]]
    script = _scripts(job)
    # Then it locks the four platforms the team uses, for both stacks, and fails on a difference
    for platform in PLATFORMS:
        assert f"-platform={platform}" in script
    assert "infra/account" in script
    assert "git diff --exit-code" in script
    # And it is CI: it needs no credentials, so every deploy waits for it
    assert not _holds_oidc_token(job)
