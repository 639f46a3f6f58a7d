#!/usr/bin/env bash
# Builds the web app against a deployed stack and uploads it: reads infra/'s outputs (run after
# `terraform apply`, with the same state), builds frontend/ with them, syncs the bucket and
# invalidates CloudFront. Needs the AWS CLI, Node.js and credentials for the stack's account.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

output() { terraform -chdir=infra output -raw "$1"; }

# The settings the app reads at build time (frontend/README.md, "Configuration").
client_id="$(output cognito_user_pool_client_id)"
VITE_API_BASE_URL="$(output api_url)"
VITE_OIDC_AUTHORITY="$(output cognito_issuer_url)"
VITE_OIDC_CLIENT_ID="$client_id"
# Cognito's discovery document has no end-session endpoint: its hosted UI logout takes these. The
# sign-out URL is one the app client allows (both come from infra/sign_in_paths.json).
logout_uri="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$(output app_signed_out_url)")"
VITE_OIDC_LOGOUT_URL="$(output cognito_hosted_ui_url)/logout?client_id=$client_id&logout_uri=$logout_uri"
export VITE_API_BASE_URL VITE_OIDC_AUTHORITY VITE_OIDC_CLIENT_ID VITE_OIDC_LOGOUT_URL
bucket="$(output frontend_bucket)"
distribution="$(output cloudfront_distribution_id)"

(cd frontend && npm ci && npm run build)
# Hashed assets may be cached for a year; index.html must be fetched fresh to pick them up.
aws s3 sync frontend/dist "s3://$bucket" --delete --exclude index.html \
  --cache-control "public, max-age=31536000, immutable"
aws s3 cp frontend/dist/index.html "s3://$bucket/index.html" --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/index.html" >/dev/null
echo "published to $(output frontend_url)"
