#!/usr/bin/env bash
# The LocalStack end-to-end run: applies infra/account/ (the account-wide settings, once) and then
# infra/ with the real artifacts of `./pants package` to emulated AWS services, asserts the deployed wiring with boto3
# (build-support/localstack/assert_wiring.py), destroys it, and stops everything it started.
#
# Where each service goes (see docs/architecture.md and ../shared notes on this machine):
#   API Gateway, CloudWatch Logs, CloudWatch, SNS -> LocalStack (localstack-core, host mode)
#   IAM, STS, Lambda, Cognito, S3, CloudFront  -> moto's server (Lambda without Docker: functions
#                                                become Active but their code does not run)
#   DynamoDB                                   -> DynamoDB Local (Amazon's engine)
# With TUCOACH_LOCALSTACK_URL set (CI's Docker-backed LocalStack 4.14.0), LocalStack serves
# everything but Cognito, S3 and CloudFront, and the run also sends HTTP requests through
# API Gateway -> Lambda -> DynamoDB. The checks of build-support/smoke.sh that emulators can
# answer run too (CORS preflight, the test user's sign-in on moto's Cognito; GET /catalog with
# Docker). What cannot run is printed as SKIPPED with the reason.
#
# Bounded: every wait has a deadline; the whole run takes a few minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

say() { printf '[e2e] %s\n' "$*"; }
skipped=""
skip() { say "SKIPPED: $1: $2"; skipped+="$1: $2"$'\n'; }
die() { say "error: $*"; exit 1; }

work="$(mktemp -d)"
pids=()
applied=0
account_applied=0
cleanup() {
  local status=$?
  if ((applied)); then
    # moto keeps a disabled distribution InProgress, and Terraform waits for Deployed before it
    # deletes one: leave it to moto, which forgets everything when it stops below.
    say "SKIPPED: deleting the CloudFront distribution: moto never reports a disabled one Deployed; it goes with moto"
    (cd "$work/infra" && terraform state rm -no-color aws_cloudfront_distribution.frontend >/dev/null 2>&1) || true
    say "terraform destroy"
    (cd "$work/infra" && timeout 300 terraform destroy -auto-approve -input=false -no-color \
      "${tf_vars[@]}" >"$work/destroy.log" 2>&1) || { say "destroy failed:"; tail -n 30 "$work/destroy.log"; status=1; }
  fi
  if ((account_applied)); then
    say "terraform destroy (infra/account)"
    (cd "$work/infra/account" && timeout 300 terraform destroy -auto-approve -input=false -no-color \
      "${account_vars[@]}" >"$work/destroy-account.log" 2>&1) || { say "account destroy failed:"; tail -n 30 "$work/destroy-account.log"; status=1; }
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if ((status)); then
    for log in "$work"/*.log; do [[ -f "$log" ]] && { say "--- $(basename "$log") (last lines)"; tail -n 15 "$log"; }; done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { # url, name, seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || die "$2 did not answer at $1 within $3 s"
    sleep 1
  done
}

command -v terraform >/dev/null || die "terraform is not on PATH"
command -v java >/dev/null || die "java (17+) is needed for DynamoDB Local"

# The artifacts, exactly as CI and the deploy job build them.
for artifact in functions/interviews.zip layers/tucoach-packages.zip layers/interviews-dependencies.zip; do
  if [[ ! -f "dist/$artifact" ]]; then
    say "packaging the function and its layers (dist/$artifact is missing)"
    ./pants package "services/interviews:" >/dev/null
    break
  fi
done

skip_install=0
[[ -n "${TUCOACH_LOCALSTACK_URL:-}" ]] && skip_install=1
{ read -r localstack_bin; read -r moto_bin; } < <(TUCOACH_SKIP_LOCALSTACK_INSTALL=$skip_install build-support/localstack/install.sh)

# --- DynamoDB Local
dynamodb_dir="${DYNAMODB_LOCAL_DIR:-$(build-support/install-dynamodb-local.sh)}"
dynamodb_port="$(free_port)"
java -Djava.library.path="$dynamodb_dir/DynamoDBLocal_lib" -jar "$dynamodb_dir/DynamoDBLocal.jar" \
  -inMemory -port "$dynamodb_port" >"$work/dynamodb.log" 2>&1 &
pids+=($!)
dynamodb_url="http://127.0.0.1:$dynamodb_port"

# --- moto's server, in LocalStack's account (else Lambda refuses a role of another account),
# with Lambda's Docker use off.
moto_port="$(free_port)"
# AWS managed policies (API Gateway's logging role attaches one) exist in moto only on request.
MOTO_ACCOUNT_ID=000000000000 MOTO_IAM_LOAD_MANAGED_POLICIES=true "$moto_bin/moto_server" -H 127.0.0.1 -p "$moto_port" \
  >"$work/moto.log" 2>&1 &
pids+=($!)
moto_url="http://127.0.0.1:$moto_port"

# --- LocalStack
if [[ -n "${TUCOACH_LOCALSTACK_URL:-}" ]]; then
  localstack_url="$TUCOACH_LOCALSTACK_URL"
  with_docker=1
  say "LocalStack at $localstack_url (started outside this script, with Docker)"
else
  with_docker=0
  localstack_port="$(free_port)"
  localstack_url="http://127.0.0.1:$localstack_port"
  mkdir -p "$work/localstack"
  (
    cd "$work/localstack"
    GATEWAY_LISTEN="127.0.0.1:$localstack_port" \
      SERVICES="apigateway,logs,cloudwatch,sns" \
      LOCALSTACK_VOLUME_DIR="$work/localstack/volume" \
      DISABLE_EVENTS=1 SKIP_SSL_CERT_DOWNLOAD=1 \
      exec "$localstack_bin/python" -m localstack.runtime.main
  ) >"$work/localstack.log" 2>&1 &
  pids+=($!)
fi

wait_http "$moto_url/moto-api/" "moto" 60
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"lambda": {"use_docker": false}}' \
  "$moto_url/moto-api/config" >/dev/null
wait_http "$localstack_url/_localstack/health" "LocalStack" 180
for _ in $(seq 60); do
  curl -sS -o /dev/null "$dynamodb_url" 2>/dev/null && break
  sleep 1
done
say "DynamoDB Local $dynamodb_url, moto $moto_url, LocalStack $localstack_url"

# --- Terraform: a copy of infra/ (and infra/account/) with endpoint overrides; both declare an S3
# backend, and here keep their state in the scratch folder by an override, explicitly.
cp -r infra "$work/infra"
rm -rf "$work/infra/.terraform" "$work/infra/account/.terraform" "$work/infra/tests"
if ((with_docker)); then
  lambda_url="$localstack_url" iam_url="$localstack_url" dynamodb_endpoint="$localstack_url"
else
  lambda_url="$moto_url" iam_url="$moto_url" dynamodb_endpoint="$dynamodb_url"
fi
cat >"$work/infra/localstack_override.tf" <<HCL
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  s3_use_path_style           = true

  endpoints {
    apigateway     = "$localstack_url"
    cloudwatch     = "$localstack_url"
    logs           = "$localstack_url"
    sns            = "$localstack_url"
    lambda         = "$lambda_url"
    iam            = "$iam_url"
    sts            = "$iam_url"
    cognitoidp     = "$moto_url"
    s3             = "$moto_url"
    cloudfront     = "$moto_url"
    dynamodb       = "$dynamodb_endpoint"
  }
}
HCL
if ((!with_docker)); then
  # DynamoDB Local has no UpdateContinuousBackups; the plan tests check that PITR is on.
  skip "point-in-time recovery on the table" "DynamoDB Local has no UpdateContinuousBackups (infra/tests checks the setting)"
  cat >>"$work/infra/localstack_override.tf" <<'HCL'

resource "aws_dynamodb_table" "main" {
  point_in_time_recovery {
    enabled = false
  }
}
HCL
fi
cat >"$work/infra/local_backend_override.tf" <<'HCL'
terraform {
  backend "local" {}
}
HCL
# The account stack talks to the same emulators, with the same provider settings.
cp "$work/infra/localstack_override.tf" "$work/infra/local_backend_override.tf" "$work/infra/account/"
if ((!with_docker)); then
  # The table override above belongs to infra/ only.
  sed -i '/^resource "aws_dynamodb_table"/,$d' "$work/infra/account/localstack_override.tf"
fi
skip "the API stage's X-Ray sampling rule" "neither LocalStack's free edition nor moto has X-Ray sampling rules (infra/tests/xray_test.py checks the rule)"
skip "CloudFront's response headers policies and functions (app routes, viewer IP)" "moto has no CreateResponseHeadersPolicy and no PublishFunction (infra/tests/edge_test.py checks them, and runs the functions under node)"
: >"$work/terraformrc"
export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
mirror="${TUCOACH_TF_PLUGIN_DIR:-$(build-support/find-terraform-mirror.sh)}"
init=(terraform init -input=false -no-color -lockfile=readonly)
[[ -n "$mirror" ]] && init+=("-plugin-dir=$mirror")
tf_vars=(
  -var-file=environments/dev.tfvars
  -var=aws_region=us-east-1
  -var=environment=e2e
  "-var=artifacts_dir=$root/dist"
  -var=frontend_origin=https://tucoach.e2e.test
  -var=cloudfront_edge_features=false
  -var=xray_sampling_rule_enabled=false
)
account_vars=(-var=aws_region=us-east-1)
(cd "$work/infra/account" && "${init[@]}" >"$work/init-account.log" 2>&1) || die "terraform init failed (init-account.log)"
say "terraform apply infra/account (API Gateway's logging role, once per account)"
account_applied=1
(cd "$work/infra/account" && timeout 300 terraform apply -auto-approve -input=false -no-color "${account_vars[@]}" \
  >"$work/apply-account.log" 2>&1) || { tail -n 40 "$work/apply-account.log"; die "terraform apply of infra/account failed"; }
(cd "$work/infra/account" && terraform output -json) >"$work/account-outputs.json"
(cd "$work/infra" && "${init[@]}" >"$work/init.log" 2>&1) || die "terraform init failed (init.log)"
say "terraform apply (the real artifacts from dist/)"
applied=1
(cd "$work/infra" && timeout 600 terraform apply -auto-approve -input=false -no-color "${tf_vars[@]}" \
  >"$work/apply.log" 2>&1) || { tail -n 40 "$work/apply.log"; die "terraform apply failed"; }
(cd "$work/infra" && terraform output -json) >"$work/outputs.json"
(cd "$work/infra" && terraform show -json) >"$work/state.json"

# --- The smoke test's checks the emulators can answer (build-support/smoke.sh): the catalog where
# Lambda runs, through LocalStack's URL of the stage, and the test user's life (created, signed
# in through the smoke client, deleted) on moto's Cognito; the others say why not here.
smoke_checks=""
if ((with_docker)); then
  smoke_checks+=,catalog
else
  skip "smoke test: GET /catalog" "without Docker, Lambda cannot run the function's code here; CI's LocalStack job runs it"
fi
if command -v aws >/dev/null; then
  smoke_checks+=,signin
else
  skip "smoke test: the test user signs in" "the AWS CLI is not installed here"
fi
skip "smoke test: 401 in the API's error shape" "LocalStack's free edition does not enforce Cognito authorizers"
skip "smoke test: the web app's security headers" "moto's CloudFront serves no content"
skip "smoke test: the API on the app's origin (CloudFront's /api/* route)" "moto's CloudFront serves no content (infra/tests/edge_test.py checks the route)"
skip "smoke test: the signed-in interview" "Cognito's tokens are moto's, which no authorizer here checks; and Lambda needs Docker"
rest_api_id="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["rest_api_id"]["value"])' "$work/outputs.json")"
stage_name="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["api_stage_url"]["value"].rstrip("/").rsplit("/", 1)[1])' "$work/outputs.json")"
smoke_checks="${smoke_checks#,}"
if [[ -n "$smoke_checks" ]]; then
  say "smoke test checks: $smoke_checks"
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER="$moto_url" \
    SMOKE_OUTPUTS="$work/outputs.json" SMOKE_CHECKS="$smoke_checks" \
    SMOKE_API_URL="$localstack_url/restapis/$rest_api_id/$stage_name/_user_request_" \
    build-support/smoke.sh e2e || die "the smoke test's checks failed"
fi

# --- The assertions
AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \
  E2E_APIGATEWAY_URL="$localstack_url" E2E_LOGS_URL="$localstack_url" E2E_CLOUDWATCH_URL="$localstack_url" \
  E2E_SNS_URL="$localstack_url" E2E_ACCOUNT_OUTPUTS="$work/account-outputs.json" \
  E2E_LAMBDA_URL="$lambda_url" E2E_IAM_URL="$iam_url" E2E_COGNITO_URL="$moto_url" \
  E2E_DYNAMODB_URL="$dynamodb_endpoint" E2E_WITH_DOCKER="$with_docker" \
  E2E_OUTPUTS="$work/outputs.json" E2E_SKIPPED="$skipped" E2E_JUNIT="${E2E_JUNIT:-}" \
  "$moto_bin/python" build-support/localstack/assert_wiring.py
say "passed"
