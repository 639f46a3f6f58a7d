#!/usr/bin/env bash
# `terraform init` of infra/ with its state in S3 (the deploy workflow, or a person deploying by
# hand): one state object per environment, locked with S3's own lock file (Terraform 1.10+), so
# no DynamoDB lock table is needed. infra/ itself keeps local state unless this is run.
#
#   ENVIRONMENT=dev TF_STATE_BUCKET=my-state-bucket AWS_REGION=eu-west-1 build-support/terraform-init-s3.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../infra"

: "${ENVIRONMENT:?set ENVIRONMENT (dev or prod)}"
: "${TF_STATE_BUCKET:?set TF_STATE_BUCKET (the state bucket, see docs/deploy.md)}"
: "${AWS_REGION:?set AWS_REGION (the state bucket's region)}"

# Written, not committed (.gitignore): a backend block cannot be switched on by a variable.
cat >backend.tf <<'HCL'
terraform {
  backend "s3" {}
}
HCL

terraform init -input=false -reconfigure \
  -backend-config="bucket=$TF_STATE_BUCKET" \
  -backend-config="key=tucoach/$ENVIRONMENT/terraform.tfstate" \
  -backend-config="region=$AWS_REGION" \
  -backend-config="encrypt=true" \
  -backend-config="use_lockfile=true"
