#!/usr/bin/env bash
# Installs the emulators of the LocalStack end-to-end run into cache folders, each in its own
# virtualenv, and prints their two bin folders (LocalStack's, then moto's):
#   - localstack-core 2026.3.0, host mode (no Docker image: those after 4.14.0 want an account
#     token), on Python 3.13, which it requires, with the pins of constraints.txt;
#   - moto's server, for the services LocalStack cannot serve here (Lambda without Docker,
#     Cognito outside its free edition) and IAM/STS with them; its boto3 runs the assertions.
# Idempotent and locked: a second run only prints.
set -euo pipefail

readonly LOCALSTACK_VERSION="2026.3.0"
readonly MOTO_VERSION="5.2.5"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tucoach/localstack"
constraints_hash="$(sha256sum "$here/constraints.txt" | cut -c1-12)"
localstack_venv="$cache/localstack-core-$LOCALSTACK_VERSION-$constraints_hash"
moto_venv="$cache/moto-$MOTO_VERSION"

say() { printf '[localstack-install] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

mkdir -p "$cache"
exec 9>"$cache/install.lock"
flock 9

# A candidate counts only if it runs as 3.13: pyenv's `python3.13` shim exists even where 3.13
# is installed but not selected, and then refuses to run.
is_python313() {
  [[ -n "$1" && -x "$1" ]] &&
    "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1
}

python313() {
  local candidate
  for candidate in "${TUCOACH_PYTHON313:-}" "$(command -v python3.13 || true)"; do
    is_python313 "$candidate" && { echo "$candidate"; return; }
  done
  if command -v pyenv >/dev/null; then
    candidate="$(find "$(pyenv root)/versions" -maxdepth 3 -path '*/3.13*/bin/python3.13' 2>/dev/null | sort | tail -n 1)"
    is_python313 "$candidate" && { echo "$candidate"; return; }
  fi
  return 1
}

pip_install() {
  local venv="$1"; shift
  # The machine-wide pip configuration may carry a constraints file meant for other projects.
  PIP_CONFIG_FILE=/dev/null "$venv/bin/pip" install --quiet --disable-pip-version-check \
    ${SSL_CERT_FILE:+--cert "$SSL_CERT_FILE"} "$@" >&2
}

# TUCOACH_SKIP_LOCALSTACK_INSTALL=1: LocalStack runs elsewhere (CI's Docker service); print an
# empty first line.
if [[ "${TUCOACH_SKIP_LOCALSTACK_INSTALL:-}" == 1 ]]; then
  localstack_venv=""
elif [[ ! -x "$localstack_venv/bin/python" || ! -f "$localstack_venv/.complete" ]]; then
  python="$(python313)" || die "LocalStack $LOCALSTACK_VERSION needs Python 3.13 (pyenv install 3.13)"
  say "installing localstack-core $LOCALSTACK_VERSION into $localstack_venv (a few minutes)"
  rm -rf "$localstack_venv"
  "$python" -m venv "$localstack_venv"
  pip_install "$localstack_venv" -c "$here/constraints.txt" "localstack-core[runtime]==$LOCALSTACK_VERSION"
  touch "$localstack_venv/.complete"
fi

if [[ ! -x "$moto_venv/bin/moto_server" || ! -f "$moto_venv/.complete" ]]; then
  python="$(command -v python3.11 || command -v python3)"
  say "installing moto[server] $MOTO_VERSION into $moto_venv"
  rm -rf "$moto_venv"
  "$python" -m venv "$moto_venv"
  pip_install "$moto_venv" "moto[server]==$MOTO_VERSION"
  touch "$moto_venv/.complete"
fi

echo "${localstack_venv:+$localstack_venv/bin}"
echo "$moto_venv/bin"
