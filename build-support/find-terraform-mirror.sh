#!/usr/bin/env bash
# Prints the folder of a filesystem mirror of Terraform providers that holds hashicorp/aws 5.x
# (the folder containing registry.terraform.io/), for `terraform init -plugin-dir`. Prints
# nothing (and exits 0) when there is none: terraform init then uses the registry.
set -euo pipefail

roots=(
  "${TUCOACH_TF_MIRROR_SEARCH:-}"
  /opt /usr/local/share /usr/share
  "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins"
)
for root in "${roots[@]}"; do
  [[ -n "$root" && -d "$root" ]] || continue
  binary="$(find "$root" -maxdepth 8 -path '*/registry.terraform.io/hashicorp/aws/5.*' \
    -name 'terraform-provider-aws*' -type f 2>/dev/null | sort | tail -n 1)"
  if [[ -n "$binary" ]]; then
    echo "${binary%%/registry.terraform.io/*}"
    exit 0
  fi
done
