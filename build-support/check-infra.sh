#!/usr/bin/env bash
# Static checks of the infrastructure code (infra/ and the account stack infra/account/), fastest
# first:
#   terraform fmt -check; terraform init -backend=false (no state is touched; the provider from
#   the machine's mirror when there is one, else the registry) and validate, of each stack; checkov with no failed check (every skip is justified
#   inline as #checkov:skip=ID:reason); actionlint on the GitHub workflows.
# The plan tests (infra/tests, run by `./pants test`) are the other half; bin/test runs both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n--> %s\n' "$*"; }

command -v terraform >/dev/null || { echo "check-infra: terraform is not on PATH" >&2; exit 1; }
# Terraform reads no machine-wide CLI configuration (it may point at a missing file) and asks
# HashiCorp's servers nothing (no version checkpoint).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
: >"$scratch/terraformrc"
export TF_CLI_CONFIG_FILE="$scratch/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0

step "terraform fmt -check"
terraform fmt -check -recursive -diff infra

mirror="${TUCOACH_TF_PLUGIN_DIR:-$(build-support/find-terraform-mirror.sh)}"
[[ -n "$mirror" ]] && echo "provider from the filesystem mirror $mirror"
for stack in infra infra/account; do
  step "$stack: terraform init -backend=false, validate"
  init=(terraform -chdir="$stack" init -backend=false -input=false -no-color -lockfile=readonly)
  [[ -n "$mirror" ]] && init+=("-plugin-dir=$mirror")
  "${init[@]}" >"$scratch/init.log" || { cat "$scratch/init.log"; exit 1; }
  terraform -chdir="$stack" validate -no-color
done

{ read -r checkov; read -r actionlint; } < <(build-support/install-infra-tools.sh)

step "checkov of infra/ and infra/account/ (0 failed checks; skips are justified inline)"
# --skip-download: no guidelines from Prisma Cloud (unreachable here, and not needed).
"$checkov" --directory infra --framework terraform --skip-download --quiet --compact \
  --skip-path '\.terraform'

step "actionlint"
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if ((${#workflows[@]})); then
  "$actionlint" "${workflows[@]}"
  echo "actionlint: ${#workflows[@]} workflow file(s), no problem"
else
  echo "no workflow files in .github/workflows: nothing to lint"
fi
