#!/usr/bin/env bash
# The smoke test of a deployed stack, run by the pipeline after every apply (and by hand, see
# docs/deploy.md):
#
#   build-support/smoke.sh dev
#
# It reads the stack's outputs (`terraform -chdir=infra output -json`, or the file SMOKE_OUTPUTS
# names) and checks, in order:
#   catalog       GET /catalog answers 200 with the catalog
#   unauthorized  a private route without a token gets 401 in the API's error shape
#                 ({"error": {"code": "unauthorized", "message", "request_id"}}, infra/api_gateway.tf)
#   same_origin   the API is on the web app's origin (CloudFront routes /api/* to the stage): the
#                 app's routes are its HTML, the API's answers JSON that no one may store but
#                 the catalog, which CloudFront keeps (asked again, X-Cache says Hit)
#   headers       the web app's HTML comes with its security headers (infra/frontend_hosting.tf)
#   signin        a user created with Cognito's admin API signs in through the smoke client
#                 (infra/cognito_smoke.tf) and is deleted again: the first half of `interview`
#   interview     a whole short interview as a real signed-in user: a user created with Cognito's
#                 admin API, signed in through the smoke client (infra/cognito_smoke.tf), creates
#                 an interview, answers one question (the feedback must come from the configured
#                 engine, with no fallback), completes it, reads the report, deletes the interview;
#                 the user is deleted on the way out, whatever happened
#
# Settings (environment variables):
#   SMOKE_OUTPUTS   a file with `terraform output -json`; default: read them from infra/
#   SMOKE_CHECKS    the checks to run, comma-separated; default: all but signin (interview
#                   signs in itself)
#   SMOKE_API_URL   the API's base URL, when not the api_url output (an emulator's)
# The interview needs AWS credentials allowed to administer the pool's users (the smoke role of
# infra/iam) and a smoke client; where the stack has none (prod by default) it is skipped, saying so.
# Needs bash, curl, jq and, for the interview, the AWS CLI v2.
set -euo pipefail

environment="${1:?usage: build-support/smoke.sh <environment>}"
checks=",${SMOKE_CHECKS:-catalog,unauthorized,same_origin,headers,interview},"
outputs_file="${SMOKE_OUTPUTS:-}"
[[ -z "$outputs_file" || "$outputs_file" == /* ]] || outputs_file="$PWD/$outputs_file"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[smoke %s] %s\n' "$environment" "$*"; }
fail() {
  say "FAIL: $*"
  exit 1
}
ok() { say "ok: $*"; }
wanted() { [[ "$checks" == *",$1,"* ]]; }
for tool in curl jq; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

work="$(mktemp -d)"
# What the interview check created, removed on the way out whatever happened: the interview
# first, then the user who owns it.
created_interview_url="" created_user="" id_token="" pool_id="" region=""
cognito() { aws cognito-idp --region "$region" --output json "$@"; }
cleanup() {
  local status=$?
  if [[ -n "$created_interview_url" ]]; then
    curl --silent --output /dev/null --max-time 30 --request DELETE \
      --header "Authorization: Bearer $id_token" "$created_interview_url" || status=1
  fi
  if [[ -n "$created_user" ]]; then
    if cognito admin-delete-user --user-pool-id "$pool_id" --username "$created_user"; then
      say "deleted the user $created_user"
    else
      say "could not delete the user $created_user: delete it by hand"
      status=1
    fi
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

if [[ -n "$outputs_file" ]]; then
  cp "$outputs_file" "$work/outputs.json"
else
  terraform -chdir=infra output -json >"$work/outputs.json"
fi
output() { jq -r --arg name "$1" '.[$name].value // empty' "$work/outputs.json"; }

api_url="${SMOKE_API_URL:-$(output api_url)}"
api_url="${api_url%/}"
app_url="$(output frontend_url)"
app_url="${app_url%/}"
app_origin="$(printf '%s' "$app_url" | sed -E 's#^(https?://[^/]+).*#\1#')"
[[ -n "$api_url" && -n "$app_url" ]] || fail "the outputs lack api_url or frontend_url"
say "API $api_url, web app $app_url"

# request METHOD URL [curl options...]: the status in $status, the body in $work/body, the
# headers (lower-cased names) in $work/headers.
request() {
  local method="$1" url="$2"
  shift 2
  status="$(curl --silent --show-error --max-time 30 --request "$method" --output "$work/body" \
    --dump-header "$work/raw-headers" --write-out '%{http_code}' "$@" "$url")" ||
    fail "$method $url: no answer"
  tr -d '\r' <"$work/raw-headers" | awk '{
    i = index($0, ":"); if (!i) next
    value = substr($0, i + 1); sub(/^[ \t]+/, "", value)
    print tolower(substr($0, 1, i - 1)) ": " value
  }' >"$work/headers"
}
header() { sed -n "s/^$1: //p" "$work/headers" | tail -n 1; }
expect_status() { # expected, what
  [[ "$status" == "$1" ]] || fail "$2: HTTP $status, expected $1; body: $(head -c 500 "$work/body")"
}
expect_json() { # jq filter that must be true, what
  jq -e "$1" "$work/body" >/dev/null 2>&1 || fail "$2: $(head -c 500 "$work/body")"
}

if wanted catalog; then
  request GET "$api_url/catalog"
  expect_status 200 "GET /catalog"
  expect_json '(.roles | length) > 0 and (.cells | length) > 0' "GET /catalog: not a catalog"
  ok "GET /catalog answers 200 with $(jq '.cells | length' "$work/body") role and seniority cells"
fi

if wanted unauthorized; then
  request GET "$api_url/interviews"
  expect_status 401 "GET /interviews without a token"
  expect_json '.error.code == "unauthorized" and (.error.message | type) == "string" and
    (.error.request_id | length) > 0' "GET /interviews without a token: not the API's error shape"
  [[ "$(header cache-control)" == no-store ]] || fail "the 401 may be stored (Cache-Control '$(header cache-control)')"
  ok "GET /interviews without a token: 401 {\"error\": {\"code\": \"unauthorized\", ...}}"
fi

if wanted same_origin; then
  [[ "$api_url" == "$app_origin/"* ]] || fail "the API ($api_url) is not on the web app's origin $app_origin"
  request GET "$app_origin/interviews/smoke-deep-link"
  expect_status 200 "an app route (CloudFront's function answers it with index.html)"
  grep -q '<div id="root">' "$work/body" || fail "an app route does not get the app's HTML"
  request GET "$api_url/catalog"
  expect_status 200 "GET /catalog on the app's origin"
  [[ "$(header content-type)" == application/json* ]] || fail "/catalog through CloudFront is $(header content-type)"
  # The catalog, the same for everyone, may be kept (CloudFront's /api/catalog behaviour); every
  # other answer of the API is no-store (the unauthorized check above reads one).
  [[ "$(header cache-control)" == "public, max-age="* ]] || fail "the catalog is not cacheable (Cache-Control '$(header cache-control)')"
  # And CloudFront keeps it: asked again, an edge answers from its copy. X-Cache carries the
  # result type of CloudFront's standard logs ("Hit from cloudfront", "RefreshHit from
  # cloudfront"): x-edge-result-type, docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/
  # standard-logs-reference.html, where Hit is served from the edge's cache and RefreshHit from
  # it once the origin confirmed it. A few tries: another server of the edge may answer first,
  # and the invalidation publishing sent may still be on its way to this edge.
  cached=""
  for _ in 1 2 3 4 5; do
    request GET "$api_url/catalog"
    expect_status 200 "GET /catalog again"
    if [[ "$(header x-cache)" == *Hit* ]]; then
      cached="$(header x-cache)"
      break
    fi
    sleep 2
  done
  [[ -n "$cached" ]] || fail "CloudFront does not keep the catalog (X-Cache '$(header x-cache)')"
  ok "the API answers on the app's origin ($api_url), the catalog cacheable and kept ($cached); app routes are the app"
fi

if wanted headers; then
  request GET "$app_url/"
  expect_status 200 "GET the web app"
  [[ "$(header content-type)" == text/html* ]] || fail "the web app is served as $(header content-type)"
  grep -q '<div id="root">' "$work/body" || fail "the web app's HTML has no root element"
  hsts="$(header strict-transport-security)"
  if ! [[ "$hsts" =~ max-age=([0-9]+) ]] || ((BASH_REMATCH[1] < 31536000)); then
    fail "Strict-Transport-Security is '$hsts' (a year at least expected)"
  fi
  [[ "$(header x-content-type-options)" == nosniff ]] || fail "X-Content-Type-Options is not nosniff"
  [[ "$(header x-frame-options)" == DENY ]] || fail "X-Frame-Options is not DENY"
  [[ "$(header referrer-policy)" == strict-origin-when-cross-origin ]] ||
    fail "Referrer-Policy is '$(header referrer-policy)'"
  csp="$(header content-security-policy)"
  [[ "$csp" == *"script-src 'self';"* && "$csp" == *"frame-ancestors 'none'"* ]] ||
    fail "Content-Security-Policy is '$csp'"
  [[ "$(header permissions-policy)" == *"microphone=(self)"* ]] ||
    fail "Permissions-Policy is '$(header permissions-policy)'"
  ok "the web app's HTML carries HSTS, its CSP, Permissions-Policy, nosniff, X-Frame-Options DENY and its Referrer-Policy"
fi

if wanted signin || wanted interview; then
  pool_id="$(output cognito_user_pool_id)"
  client_id="$(output cognito_smoke_client_id)"
  engine="$(output coach_engine)"
  region="$(output aws_region)"
  region="${region:-${pool_id%%_*}}" # a pool id starts with its region
  if [[ -z "$client_id" ]]; then
    say "SKIPPED: signing in and the interview: this stack has no smoke client (smoke_test_client, infra/cognito_smoke.tf)"
  else
    command -v aws >/dev/null || fail "the AWS CLI is needed for the signed-in interview"
    [[ -n "$pool_id" ]] || fail "the outputs lack cognito_user_pool_id"

    run_id="$(date -u +%Y%m%dT%H%M%S)-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
    username="tucoach-smoke-$run_id@example.com"
    # The pool's policy: 12+ characters with lower and upper case and a digit.
    password="Smoke-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')-Aa1"
    cognito admin-create-user --user-pool-id "$pool_id" --username "$username" \
      --user-attributes Name=email,Value="$username" Name=email_verified,Value=true \
      --message-action SUPPRESS >/dev/null
    created_user="$username"
    cognito admin-set-user-password --user-pool-id "$pool_id" --username "$username" \
      --password "$password" --permanent
    id_token="$(cognito admin-initiate-auth --user-pool-id "$pool_id" --client-id "$client_id" \
      --auth-flow ADMIN_USER_PASSWORD_AUTH \
      --auth-parameters "USERNAME=$username,PASSWORD=$password" |
      jq -r '.AuthenticationResult.IdToken // empty')"
    [[ -n "$id_token" ]] || fail "signing in as $username gave no ID token"
    ok "signed in as $username (created with the admin API)"

    if wanted interview; then
      [[ -n "$engine" ]] || fail "the outputs lack coach_engine"
      # As the web app calls the API (frontend/src/lib/api.ts).
      authorized=(--header "Authorization: Bearer $id_token" --header "Content-Type: application/json")
      request POST "$api_url/interviews" "${authorized[@]}" \
        --data '{"role": "backend", "seniority": "junior", "question_count": 3}'
      expect_status 201 "POST /interviews"
      interview_id="$(jq -r .interview_id "$work/body")"
      question_id="$(jq -r .current_question.question_id "$work/body")"
      version="$(jq -r .version "$work/body")"
      [[ -n "$interview_id" && "$question_id" != null ]] || fail "POST /interviews: no interview or question"
      created_interview_url="$api_url/interviews/$interview_id"
      ok "created interview $interview_id; first question $question_id"

      answer="I would put the service behind a load balancer, keep it stateless, cache reads,"
      answer+=" index the queries it runs, and watch latency and error rates with alarms."
      request POST "$api_url/interviews/$interview_id/answers" "${authorized[@]}" \
        --data "$(jq -n --arg q "$question_id" --arg a "$answer" --argjson v "$version" \
          '{question_id: $q, answer: $a, expected_version: $v}')"
      expect_status 200 "POST /interviews/$interview_id/answers"
      jq -e --arg engine "$engine" \
        '.feedback.provenance.engine == $engine and .feedback.provenance.fallback_reason == null' \
        "$work/body" >/dev/null ||
        fail "the answer was not scored by the $engine engine without fallback: $(jq -c .feedback.provenance "$work/body")"
      ok "answer scored $(jq -r .feedback.score "$work/body") by the $engine engine, no fallback"

      request POST "$api_url/interviews/$interview_id/complete" "${authorized[@]}"
      expect_status 200 "POST /interviews/$interview_id/complete"
      request GET "$api_url/interviews/$interview_id/report" "${authorized[@]}"
      expect_status 200 "GET /interviews/$interview_id/report"
      expect_json '(.overall_score | type) == "number" and (.questions | length) >= 1' "the report"
      ok "completed; report with overall score $(jq -r .overall_score "$work/body")"

      request DELETE "$api_url/interviews/$interview_id" "${authorized[@]}"
      expect_status 200 "DELETE /interviews/$interview_id"
      expect_json '.deleted == true' "DELETE /interviews/$interview_id"
      request GET "$api_url/interviews/$interview_id" "${authorized[@]}"
      expect_status 404 "GET /interviews/$interview_id after deleting it"
      created_interview_url=""
      ok "deleted the interview (GET gives 404)"
    fi
  fi
fi

say "passed"
