#!/usr/bin/env bash
# Uploads an already built web app (frontend/dist: in CI the artifact the frontend job built and
# tested, its checksums checked) to a deployed stack: reads infra/'s outputs (run after
# `terraform apply`, with the same state), syncs the bucket and invalidates CloudFront's copies of
# index.html and the catalog. It builds nothing: the app reads its deployment's settings at run
# time from /config.json, which the stack writes (infra/frontend_config.tf), so the sync leaves
# that object alone. Needs the AWS CLI and credentials for the stack's account.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dist=frontend/dist
if [[ ! -f "$dist/index.html" ]]; then
  echo "$dist/index.html is missing: build the web app first (frontend/README.md, Commands)" >&2
  exit 1
fi
if [[ -e "$dist/config.json" ]]; then
  echo "$dist/config.json exists: the stack owns /config.json (infra/frontend_config.tf); remove it from the build" >&2
  exit 1
fi

output() { terraform -chdir=infra output -raw "$1"; }
bucket="$(output frontend_bucket)"
distribution="$(output cloudfront_distribution_id)"

# Hashed assets may be cached for a year; index.html must be fetched fresh to pick them up.
# --delete spares config.json: an excluded key is neither uploaded nor deleted.
aws s3 sync "$dist" "s3://$bucket" --delete --exclude index.html --exclude config.json \
  --cache-control "public, max-age=31536000, immutable"
aws s3 cp "$dist/index.html" "s3://$bucket/index.html" --cache-control "no-cache"
# /api/catalog too: CloudFront keeps the function's catalog for its max-age (an hour), and the
# apply before this may have deployed a function with another question bank.
aws cloudfront create-invalidation --distribution-id "$distribution" \
  --paths "/index.html" "/api/catalog" >/dev/null
echo "published to $(output frontend_url)"
