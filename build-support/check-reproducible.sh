#!/usr/bin/env bash
# Packages everything twice, the second time with Pants' process cache off, and fails if any
# artifact under dist/ differs by a single byte.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

artifacts() { find dist -type f \( -name '*.zip' -o -name '*.whl' \) | sort; }
checksums() { artifacts | xargs -r sha256sum; }

./pants package ::
first="$(checksums)"
[[ -n "$first" ]] || { echo "no artifacts under dist/"; exit 1; }
artifacts | xargs -r rm -f
./pants --no-local-cache package :: >/dev/null
second="$(checksums)"
if [[ "$first" != "$second" ]]; then
  echo "artifacts differ between two builds:"
  diff <(echo "$first") <(echo "$second") || true
  exit 1
fi
echo "$(artifacts | wc -l) artifacts identical across two builds:"
echo "$second"
