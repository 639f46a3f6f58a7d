#!/usr/bin/env bash
# Prints one of the policy templates here with its placeholders filled from the environment,
# and fails when one is unset or left over:
#
#   ACCOUNT_ID=123456789012 REGION=eu-west-1 ENVIRONMENT=dev BRANCH=develop \
#     GITHUB_REPOSITORY=my-org/tucoach STATE_BUCKET=tucoach-terraform-state-123456789012 \
#     infra/iam/render.sh infra/iam/deploy-policy.json
#
# Each template uses only some of them; unused ones may be left unset.
set -euo pipefail
template="${1:?usage: render.sh <template.json>}"
text="$(<"$template")"
for name in ACCOUNT_ID REGION ENVIRONMENT BRANCH GITHUB_REPOSITORY STATE_BUCKET; do
  placeholder="{{$name}}"
  [[ "$text" == *"$placeholder"* ]] || continue
  value="${!name:-}"
  [[ -n "$value" ]] || { echo "render.sh: $template needs $name" >&2; exit 1; }
  text="${text//"$placeholder"/$value}"
done
if [[ "$text" == *"{{"* ]]; then
  echo "render.sh: $template has a placeholder this script does not know" >&2
  exit 1
fi
printf '%s\n' "$text"
