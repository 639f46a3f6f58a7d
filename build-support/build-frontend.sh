#!/usr/bin/env bash
# Builds the web app into frontend/dist (npm ci, then npm run build).
#   build-support/build-frontend.sh            always
#   build-support/build-frontend.sh --if-stale only when dist is missing or older than a source
# npm ci runs only when node_modules is missing or older than package-lock.json, so that bin/run
# starts quickly; bin/test always runs npm ci, which also proves the lock file is complete.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../frontend"

if [[ "${1:-}" == "--if-stale" && -f dist/index.html ]] &&
  [[ -z "$(find src public index.html package.json package-lock.json vite.config.ts tsconfig.json ../infra/sign_in_paths.json \
    -newer dist/index.html -print -quit)" ]]; then
  exit 0
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "frontend: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
echo "frontend: npm run build" >&2
npm run --silent build >&2
