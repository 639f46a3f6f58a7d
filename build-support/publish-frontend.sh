#!/usr/bin/env bash
# Builds the web app against a deployed stack and uploads it: reads infra/'s outputs (run after
# `terraform apply`, with the same state), builds frontend/ with them, syncs the bucket and
# invalidates CloudFront. Needs the AWS CLI, Node.js and credentials for the stack's account.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

output() { terraform -chdir=infra output -raw "$1"; }

# The settings the app reads at build time (Vite exposes VITE_* variables to the code).
VITE_API_URL="$(output api_url)"
VITE_COGNITO_DOMAIN="$(output cognito_hosted_ui_url)"
VITE_COGNITO_CLIENT_ID="$(output cognito_user_pool_client_id)"
VITE_COGNITO_USER_POOL_ID="$(output cognito_user_pool_id)"
VITE_REDIRECT_URI="$(output frontend_url)/"
export VITE_API_URL VITE_COGNITO_DOMAIN VITE_COGNITO_CLIENT_ID VITE_COGNITO_USER_POOL_ID VITE_REDIRECT_URI
bucket="$(output frontend_bucket)"
distribution="$(output cloudfront_distribution_id)"

(cd frontend && npm ci && npm run build)
# Hashed assets may be cached for a year; index.html must be fetched fresh to pick them up.
aws s3 sync frontend/dist "s3://$bucket" --delete --exclude index.html \
  --cache-control "public, max-age=31536000, immutable"
aws s3 cp frontend/dist/index.html "s3://$bucket/index.html" --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/index.html" >/dev/null
echo "published to $(output frontend_url)"
