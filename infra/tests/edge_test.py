"""CloudFront in front of the app and the API: one origin for both, the security headers, TLS.

Each rule here is one of AWS's that no emulator checks (moto has no response headers policies
and does not serve content); the comment above each test names the page it comes from.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from terraform_plan import FRONTEND_ORIGIN, INFRA, Plan, make_plan, references, require_terraform

LOCAL_HEADERS = Path("services/local/src/tucoach_local/headers.py")
LOCAL_GATEWAY = Path("services/local/src/tucoach_local/gateway.py")
CATALOG_ROUTE = Path("services/interviews/src/tucoach_interviews/routes/catalog.py")
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3"


def _distribution(plan: Plan) -> dict[str, Any]:
    return plan.one("aws_cloudfront_distribution", "frontend").values


def _behaviors(plan: Plan) -> dict[str, dict[str, Any]]:
    """The ordered behaviours by path pattern, in CloudFront's order (the first match wins)."""
    return {b["path_pattern"]: b for b in _distribution(plan)["ordered_cache_behavior"]}


def _api_behavior(plan: Plan) -> dict[str, Any]:
    return _behaviors(plan)[f"/{_stage_name(plan)}/*"]


def _catalog_behavior(plan: Plan) -> dict[str, Any]:
    return _behaviors(plan)[f"/{_stage_name(plan)}/catalog"]


def _behavior_configs(plan: Plan) -> dict[str, dict[str, Any]]:
    """The ordered behaviours' configuration (expressions with their references) by their
    planned path pattern: the configuration names the pattern by reference only, so they are
    matched by position, which is the same in both."""
    config = plan.configuration("aws_cloudfront_distribution", "frontend")["expressions"]
    return dict(zip(_behaviors(plan), config["ordered_cache_behavior"], strict=True))


def _origins(plan: Plan) -> dict[str, dict[str, Any]]:
    return {origin["origin_id"]: origin for origin in _distribution(plan)["origin"]}


def _stage_name(plan: Plan) -> str:
    return str(plan.one("aws_api_gateway_stage", "main").values["stage_name"])


def test_cloudfront_routes_the_stages_path_to_the_stage_unchanged(plan: Plan) -> None:
    # Given the API behaviour and its origin
    behavior = _api_behavior(plan)
    api = _origins(plan)[behavior["target_origin_id"]]
    origin = plan.configuration("aws_cloudfront_distribution", "frontend")["expressions"]

    # Then /<stage>/* goes to the REST API's regional endpoint with no origin path: the stage is
    # the path's first segment on both sides, so /api/catalog reaches stage "api", /catalog
    assert behavior["path_pattern"] == f"/{_stage_name(plan)}/*"
    assert api["origin_path"] == ""
    api_origin = next(o for o in origin["origin"] if "custom_origin_config" in o)
    assert "local.api_origin_domain" in references(api_origin["domain_name"])
    # ... over HTTPS only: execute-api endpoints serve nothing else
    (custom,) = api["custom_origin_config"]
    assert custom["origin_protocol_policy"] == "https-only"
    assert custom["origin_ssl_protocols"] == ["TLSv1.2"]
    assert behavior["viewer_protocol_policy"] == "https-only"


def test_the_web_app_calls_the_api_on_its_own_origin(plan: Plan) -> None:
    # Given config.json's API base and the api_url output
    content = plan.configuration("aws_s3_object", "frontend_config")["expressions"]["content"]
    api_url = plan.raw["planned_values"]["outputs"]["api_url"]["value"]

    # Then the app's base is the relative path CloudFront routes, and browsers find the API on
    # the app's origin
    assert "local.api_base_path" in references(content)
    assert "aws_api_gateway_stage.main.invoke_url" not in references(content)
    assert api_url == f"{FRONTEND_ORIGIN}/{_stage_name(plan)}"


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-401-unauthorized.html
def test_api_responses_are_never_cached_and_get_the_viewers_token_and_query(plan: Plan) -> None:
    behavior = _api_behavior(plan)

    # CachingDisabled: nothing of one user's answers is served to another
    assert behavior["cache_policy_id"] == CACHING_DISABLED
    # An origin request policy cannot name Authorization (CloudFront answers 400); only "all
    # viewer headers" forwards it. AllViewer would also forward the viewer's Host, and
    # API Gateway answers 403 to a Host not its own: AllViewerExceptHostHeader is the one.
    assert behavior["origin_request_policy_id"] == ALL_VIEWER_EXCEPT_HOST
    assert behavior["origin_request_policy_id"] != ALL_VIEWER
    # CloudFront accepts three method sets; the API needs the one with POST and DELETE
    # (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html)
    assert sorted(behavior["allowed_methods"]) == sorted(
        ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    )


# https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-receive-response-with-compressed-payload.html
# https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ParametersInCacheKeyAndForwardedToOrigin.html
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/ServingCompressedFiles.html
def test_api_gateway_compresses_and_cloudfront_passes_it_on(plan: Plan) -> None:
    api = plan.one("aws_api_gateway_rest_api", "main").values
    deployment = plan.configuration("aws_api_gateway_deployment", "main")["expressions"]
    behavior = _api_behavior(plan)

    # API Gateway gzips a response of 1 KB and more when the request accepts gzip; the setting
    # takes effect with a deployment, so a change of it makes one
    assert api["minimum_compression_size"] == "1024"
    # ... as the local server does in its place (services/local)
    local = _local_constants(LOCAL_GATEWAY, {"MINIMUM_COMPRESSION_SIZE"})
    assert local["MINIMUM_COMPRESSION_SIZE"] == 1024
    assert "aws_api_gateway_rest_api.main.minimum_compression_size" in references(
        deployment["triggers"]
    )
    # CachingDisabled enables neither Gzip nor Brotli, so CloudFront treats Accept-Encoding
    # as any viewer header: AllViewerExceptHostHeader forwards it to API Gateway. CloudFront
    # does not compress itself here (it needs those settings) and sends an origin's compressed
    # body (Content-Encoding) to the viewer as it is.
    assert behavior["cache_policy_id"] == CACHING_DISABLED
    assert behavior["origin_request_policy_id"] == ALL_VIEWER_EXCEPT_HOST
    assert behavior["compress"] is False


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValuesCacheBehavior
# (path pattern: CloudFront takes the first behaviour, in order, whose pattern matches)
def test_the_catalog_has_its_own_behaviour_before_the_apis(plan: Plan) -> None:
    # Given the ordered behaviours, in CloudFront's order
    patterns = list(_behaviors(plan))
    catalog = _catalog_behavior(plan)
    stage = _stage_name(plan)

    # Then /<stage>/catalog is matched before /<stage>/*, which would match it too
    assert patterns == [f"/{stage}/catalog", f"/{stage}/*"]
    # ... and goes to the same origin, reading only (nothing to send it)
    assert catalog["target_origin_id"] == _api_behavior(plan)["target_origin_id"]
    assert sorted(catalog["allowed_methods"]) == ["GET", "HEAD"]
    assert catalog["viewer_protocol_policy"] == "https-only"


def _catalog_max_age() -> int:
    """The max-age GET /catalog sends, read from the route's source."""
    cache_control = _local_constants(CATALOG_ROUTE, {"CACHE_CONTROL"})["CACHE_CONTROL"]
    match = re.fullmatch(r"public, max-age=(\d+)", cache_control)
    assert match, cache_control
    return int(match.group(1))


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html (the
# origin's max-age applies between the policy's minimum and maximum TTL)
def test_the_catalog_is_cached_by_path_alone_for_the_apis_max_age(plan: Plan) -> None:
    policy = plan.one("aws_cloudfront_cache_policy", "catalog").values
    (key,) = policy["parameters_in_cache_key_and_forwarded_to_origin"]
    catalog = _behavior_configs(plan)[f"/{_stage_name(plan)}/catalog"]

    # The behaviour uses it (by reference: its id is AWS's, unknown until applied)
    assert "aws_cloudfront_cache_policy.catalog" in references(catalog["cache_policy_id"])
    # Nothing of the viewer's in the key, Authorization least of all: one copy for everyone
    assert key["headers_config"][0]["header_behavior"] == "none"
    assert key["cookies_config"][0]["cookie_behavior"] == "none"
    assert key["query_strings_config"][0]["query_string_behavior"] == "none"
    # ... but whether gzip is accepted, which API Gateway answers (Brotli it does not make)
    assert key["enable_accept_encoding_gzip"] is True
    assert key["enable_accept_encoding_brotli"] is False
    # The API's max-age is what counts: within the bounds, and nothing kept without one
    assert policy["min_ttl"] == 0
    assert policy["default_ttl"] == 0
    assert policy["min_ttl"] <= _catalog_max_age() <= policy["max_ttl"]


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
# (an origin request carries the cache key's values and the origin request policy's)
def test_a_catalog_miss_sends_the_api_what_its_waf_needs_and_no_token(plan: Plan) -> None:
    policy = plan.one("aws_cloudfront_origin_request_policy", "catalog").values
    catalog = _catalog_behavior(plan)
    config = _behavior_configs(plan)[f"/{_stage_name(plan)}/catalog"]
    function = plan.one("aws_cloudfront_function", "viewer_ip").values

    assert "aws_cloudfront_origin_request_policy.catalog" in references(
        config["origin_request_policy_id"]
    )
    # The viewer's IP as the function writes it, which the WAF's rate limit counts (a request
    # without it is blocked); neither Authorization nor Host (API Gateway refuses another's)
    (headers,) = policy["headers_config"]
    assert headers["header_behavior"] == "whitelist"
    (named,) = headers["headers"]
    assert named["items"] == [_header_in_function(function["code"])]
    assert policy["cookies_config"][0]["cookie_behavior"] == "none"
    assert policy["query_strings_config"][0]["query_string_behavior"] == "none"
    # ... the function runs on the catalog's requests as on the API's
    assert [a["event_type"] for a in catalog["function_association"]] == ["viewer-request"]
    # ... and the secret header is the origin's, so it goes with every request to the API
    assert _origins(plan)[catalog["target_origin_id"]]["custom_header"]


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html
def test_no_custom_error_response_masks_the_apis_errors(plan: Plan) -> None:
    distribution = _distribution(plan)
    (default,) = distribution["default_cache_behavior"]

    # Custom error responses apply to every origin of a distribution: a 403 or 404 of the API
    # would reach the app as index.html with a 200. The app's routes are a function instead;
    # the only entries set how long an error is cached, never a page or a status.
    for response in distribution["custom_error_response"]:
        assert (response["response_page_path"], response["response_code"]) in {
            ("", 0),
            ("", None),
            (None, None),
        }
    assert [a["event_type"] for a in default["function_association"]] == ["viewer-request"]
    assert default["cache_policy_id"] == CACHING_OPTIMIZED
    functions = {r.name: r.values for r in plan.resources("aws_cloudfront_function")}
    assert {f["runtime"] for f in functions.values()} == {"cloudfront-js-2.0"}
    assert all(f["publish"] for f in functions.values())  # only a LIVE function can be attached


def _run_function(code: str, uri: str, ip: str = "203.0.113.7") -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: the CloudFront Functions cannot be run here")
    event = {"viewer": {"ip": ip}, "request": {"method": "GET", "uri": uri, "headers": {}}}
    script = f"{code}\nprocess.stdout.write(JSON.stringify(handler({json.dumps(event)})));"
    # Our own fixed command line: node and a script made here.
    result = subprocess.run(  # noqa: S603
        [node, "-e", script], capture_output=True, text=True, timeout=30, check=True
    )
    request: dict[str, Any] = json.loads(result.stdout)
    return request


@pytest.mark.parametrize(
    ("uri", "served"),
    [
        ("/", "/index.html"),
        ("/interviews/01JABC", "/index.html"),
        ("/callback", "/index.html"),
        ("/assets/index-3f2a.js", "/assets/index-3f2a.js"),
        ("/config.json", "/config.json"),
        ("/favicon.svg", "/favicon.svg"),
    ],
)
def test_the_apps_routes_are_index_html_and_its_files_themselves(uri: str, served: str) -> None:
    code = (INFRA / "cloudfront" / "app_routes.js").read_text()

    assert _run_function(code, uri)["uri"] == served


def test_the_viewer_ip_header_is_cloudfronts_not_the_viewers(plan: Plan) -> None:
    # Given the function as planned (the header name filled in) and a viewer forging the header
    function = plan.one("aws_cloudfront_function", "viewer_ip").values
    header = _header_in_function(function["code"])

    request = _run_function(function["code"], "/api/catalog", ip="198.51.100.9")

    # Then the header holds the IP CloudFront saw, whatever the viewer sent
    assert request["headers"][header] == {"value": "198.51.100.9"}
    assert request["uri"] == "/api/catalog"


def _header_in_function(code: str) -> str:
    match = re.search(r'request\.headers\["([a-z0-9-]+)"\]', code)
    assert match, "the function no longer sets a header by a literal lowercase name"
    return match.group(1)


def _local_headers() -> tuple[str, dict[str, str]]:
    """The local server's CSP and other security headers, read from its source."""
    values = _local_constants(LOCAL_HEADERS, {"APP_CONTENT_SECURITY_POLICY", "SECURITY_HEADERS"})
    return values["APP_CONTENT_SECURITY_POLICY"], dict(values["SECURITY_HEADERS"])


def _local_constants(source: Path, wanted: set[str]) -> dict[str, Any]:
    """Module-level constants of the local server, read from its source."""
    values: dict[str, Any] = {}
    for node in ast.parse(source.read_text()).body:
        if isinstance(node, ast.Assign):
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in wanted:
            values[target.id] = ast.literal_eval(value)
    return values


def _directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def _policies(plan: Plan) -> dict[str, dict[str, Any]]:
    return {r.index: r.values for r in plan.resources("aws_cloudfront_response_headers_policy")}


def _sent_headers(policy: dict[str, Any]) -> dict[str, str]:
    """The headers a response headers policy sets, by their HTTP names."""
    (security,) = policy["security_headers_config"]
    (custom,) = policy["custom_headers_config"]
    return {
        "Content-Security-Policy": security["content_security_policy"][0][
            "content_security_policy"
        ],
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": security["frame_options"][0]["frame_option"],
        "Referrer-Policy": security["referrer_policy"][0]["referrer_policy"],
        **{item["header"]: item["value"] for item in custom["items"]},
    }


def test_the_app_and_the_api_get_the_local_servers_headers_and_hsts(plan: Plan) -> None:
    # Given the local server's headers and CloudFront's two policies
    local_csp, local_headers = _local_headers()
    policies = _policies(plan)
    issuer = f"https://cognito-idp.{_region(plan)}.amazonaws.com"
    hosted_ui = f"https://{_cognito_domain(plan)}.auth.{_region(plan)}.amazoncognito.com"

    assert set(policies) == {"frontend", "api", "catalog"}
    for policy in policies.values():
        sent = _sent_headers(policy)
        # Then each sends the local server's set, the CSP the same but for the identity
        # provider, which the browser reaches from the app's origin in AWS only
        expected_csp = _directives(local_csp)
        expected_csp["connect-src"] = ["'self'", issuer, hosted_ui]
        assert _directives(sent.pop("Content-Security-Policy")) == expected_csp
        assert {k: v for k, v in sent.items() if k != "Cache-Control"} == local_headers
        # ... with no inline script, no framing, and the microphone for this origin only
        assert _directives(local_csp)["script-src"] == ["'self'"]
        assert "microphone=(self)" in sent["Permissions-Policy"]
        # ... and HSTS, which only HTTPS makes meaningful
        (hsts,) = policy["security_headers_config"][0]["strict_transport_security"]
        assert hsts["access_control_max_age_sec"] >= 31536000
        assert hsts["include_subdomains"] is True
        # ... every one replacing what the origin sent
        security = policy["security_headers_config"][0]
        assert all(
            block[0]["override"] is True
            for key, block in security.items()
            if isinstance(block, list) and block
        )
        assert all(item["override"] for item in policy["custom_headers_config"][0]["items"])
    # The API's answers are never stored, API Gateway's own (401, 429) included
    assert _sent_headers(policies["api"]).get("Cache-Control") == "no-store"
    assert "Cache-Control" not in _sent_headers(policies["frontend"])
    # ... but for the catalog, which browsers may keep: its own Cache-Control passes
    assert "Cache-Control" not in _sent_headers(policies["catalog"])
    # ... and each behaviour has its own
    config = plan.configuration("aws_cloudfront_distribution", "frontend")["expressions"]
    behaviors = _behavior_configs(plan)
    stage = _stage_name(plan)
    for name, block in (
        ("frontend", config["default_cache_behavior"][0]),
        ("api", behaviors[f"/{stage}/*"]),
        ("catalog", behaviors[f"/{stage}/catalog"]),
    ):
        refs = references(block["response_headers_policy_id"])
        assert f'aws_cloudfront_response_headers_policy.security["{name}"]' in refs


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html:
# the security headers have a section of their own; each is set there, once, not again as a
# custom header (two values for one header would leave the browser to pick).
SECURITY_SECTION_HEADERS = {
    "content-security-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "x-xss-protection",
}


def test_no_custom_header_repeats_a_security_header(plan: Plan) -> None:
    for policy in _policies(plan).values():
        custom = {item["header"].lower() for item in policy["custom_headers_config"][0]["items"]}
        assert not custom & SECURITY_SECTION_HEADERS


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
# (CloudFront Functions: name of letters, digits, - and _, at most 64 characters; code at most
# 10 KB)
def test_the_functions_fit_cloudfronts_limits(plan: Plan) -> None:
    for function in plan.resources("aws_cloudfront_function"):
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", function.values["name"])
        assert len(function.values["code"].encode()) <= 10 * 1024


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
# (response headers policies: the Content-Security-Policy value is at most 1,783 characters).
# The number is the quotas page's as remembered: on 2026-12-02 the doc search returned only the
# error it causes (TooLongCSPInResponseHeadersPolicy), not the page. Re-check it there.
def test_the_csp_fits_cloudfronts_limit(plan: Plan) -> None:
    for policy in _policies(plan).values():
        csp = policy["security_headers_config"][0]["content_security_policy"][0]
        assert len(csp["content_security_policy"]) <= 1783


def _region(plan: Plan) -> str:
    return str(plan.raw["variables"]["aws_region"]["value"])


def _cognito_domain(plan: Plan) -> str:
    return str(plan.one("aws_cognito_user_pool_domain", "main").values["domain"])


# https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html: with
# the *.cloudfront.net certificate "CloudFront automatically sets the security policy to TLSv1
# regardless of the value that you set"; Terraform would show any other value as a change forever.
def test_on_the_cloudfront_domain_the_tls_policy_is_the_one_aws_applies(plan: Plan) -> None:
    (certificate,) = _distribution(plan)["viewer_certificate"]

    assert certificate["cloudfront_default_certificate"] is True
    assert certificate["minimum_protocol_version"] == "TLSv1"
    assert not _distribution(plan)["aliases"]


def test_a_custom_domain_gets_its_certificate_sni_and_tls_1_2(options_plan: Plan) -> None:
    distribution = _distribution(options_plan)
    (certificate,) = distribution["viewer_certificate"]

    assert distribution["aliases"] == ["app.example.test"]
    assert certificate["cloudfront_default_certificate"] is False
    assert certificate["acm_certificate_arn"].startswith("arn:aws:acm:us-east-1:")
    # sni-only: a dedicated-IP certificate ("vip") costs $600 a month
    assert certificate["ssl_support_method"] == "sni-only"
    assert certificate["minimum_protocol_version"] == "TLSv1.2_2021"


# https://docs.aws.amazon.com/acm/latest/userguide/acm-services.html: CloudFront uses ACM
# certificates of us-east-1 only; any other is refused at plan, not halfway through an apply.
def test_a_certificate_outside_us_east_1_is_refused_at_plan(tmp_path: Path) -> None:
    require_terraform()
    settings = (
        "cloudfront_custom_domain=app.example.test",
        "cloudfront_acm_certificate_arn=arn:aws:acm:eu-west-1:123456789012:certificate/0f6d2a3c-1b2e",
    )

    with pytest.raises(RuntimeError) as refused:
        make_plan("dev", tmp_path, extra_vars=settings)

    assert "an ACM certificate ARN in us-east-1" in " ".join(str(refused.value).split())


# https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gzip-compression-decompression.html:
# minimumCompressionSize is 0 to 10485760 bytes; anything else is refused at plan, not by AWS
# halfway through an apply.
@pytest.mark.parametrize("size", ["-1", "10485761", "1.5"])
def test_a_compression_size_outside_api_gateways_range_is_refused_at_plan(
    tmp_path: Path, size: str
) -> None:
    require_terraform()

    with pytest.raises(RuntimeError) as refused:
        make_plan("dev", tmp_path, extra_vars=(f"api_minimum_compression_size={size}",))

    assert "from 0 to 10485760" in " ".join(str(refused.value).split())


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html
# ("Custom headers that CloudFront can't add to origin requests")
CLOUDFRONT_DENIED_ORIGIN_HEADERS = {
    "cache-control",
    "connection",
    "content-length",
    "cookie",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "max-forwards",
    "pragma",
    "proxy-authorization",
    "proxy-connection",
    "range",
    "request-range",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
    "x-real-ip",
    "x-forwarded-for",
}


def test_the_origin_header_is_one_cloudfront_may_add(plan: Plan) -> None:
    (header,) = _origins(plan)["api"]["custom_header"]
    name = header["name"].lower()

    assert name not in CLOUDFRONT_DENIED_ORIGIN_HEADERS
    assert not name.startswith(("x-amz-", "x-edge-"))


# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages-expiration.html
# and HTTPStatusCodes.html ("HTTP 4xx and 5xx status codes that CloudFront caches"): 400, 403,
# 405, 500, 502, 503 and 504 are cached for 10 s by default, a no-store from the origin ignored
# (it is honoured on 404, 414 and 501 only).
CACHED_WHATEVER_CACHE_CONTROL_SAYS = {400, 403, 405, 500, 502, 503, 504}


def test_no_error_of_the_cached_catalog_is_kept_for_other_viewers(plan: Plan) -> None:
    distribution = _distribution(plan)

    # The catalog's behaviour caches; an error CloudFront would cache despite the API's no-store
    # (a WAF refusal of one viewer, a passing 5xx) is not cached at all
    ttls = {
        r["error_code"]: r["error_caching_min_ttl"] for r in distribution["custom_error_response"]
    }
    assert ttls == dict.fromkeys(CACHED_WHATEVER_CACHE_CONTROL_SAYS, 0)
