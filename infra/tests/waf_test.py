"""The API's web ACL (prod) and Cognito's email sender: AWS's rules that emulators do not check.

LocalStack's free edition has no WAF, and moto's accepts any rule; these tests hold the web ACL
to what AWS WAF does with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from terraform_plan import Plan, references

from tucoach_models.interview import MAX_ANSWER_LENGTH

# https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html
# SizeRestrictions_BODY "inspects for request bodies that are over 8 KB (8,192 bytes)".
SIZE_RESTRICTIONS_BODY_LIMIT = 8192
# The rules of AWSManagedRulesCommonRuleSet that read the request body (same page).
COMMON_RULES_ON_THE_BODY = {
    "SizeRestrictions_BODY",
    "CrossSiteScripting_BODY",
    "GenericLFI_BODY",
    "GenericRFI_BODY",
    "EC2MetaDataSSRF_BODY",
}


def _web_acl(plan: Plan) -> dict[str, Any]:
    (acl,) = plan.resources("aws_wafv2_web_acl")
    return acl.values


def _rules(plan: Plan) -> dict[str, dict[str, Any]]:
    return {rule["name"]: rule for rule in _web_acl(plan)["rule"]}


def _tfvars(environment: str) -> str:
    return Path(f"infra/environments/{environment}.tfvars").read_text()


# The web ACL is prod's (api_waf_enabled in prod.tfvars): these tests read prod's plan only.
prod_only = pytest.mark.parametrize("plan", ["prod"], indirect=True)


def test_prod_has_the_web_acl_on_its_api_stage_dev_none(plan: Plan) -> None:
    acls = plan.resources("aws_wafv2_web_acl")
    associations = plan.resources("aws_wafv2_web_acl_association")

    if plan.environment == "prod":
        assert re.search(r"^api_waf_enabled\s*=\s*true", _tfvars("prod"), re.MULTILINE)
        assert len(acls) == len(associations) == 1
        # An API Gateway stage takes a REGIONAL web ACL (CLOUDFRONT ones live in us-east-1)
        assert acls[0].values["scope"] == "REGIONAL"
        association = plan.configuration("aws_wafv2_web_acl_association", "api")["expressions"]
        assert "aws_api_gateway_stage.main.arn" in references(association["resource_arn"])
        assert "aws_wafv2_web_acl.api" in references(association["web_acl_arn"])
    else:
        assert acls == associations == []


def _rule_statement(rule: dict[str, Any], kind: str) -> dict[str, Any]:
    (statement,) = rule["statement"]
    (inner,) = statement[kind]
    return dict(inner)


@prod_only
def test_only_cloudfronts_requests_reach_the_api_when_the_waf_is_on(plan: Plan) -> None:
    # Given the first rule and the header CloudFront adds to every request to the API
    rule = _rules(plan)["only-through-cloudfront"]
    (origin_header,) = next(
        origin["custom_header"]
        for origin in plan.one("aws_cloudfront_distribution", "frontend").values["origin"]
        if origin["origin_id"] == "api"
    )

    # Then a request without that header's exact value is blocked, before any other rule
    assert rule["priority"] == min(r["priority"] for r in _rules(plan).values())
    assert rule["action"][0]["block"]
    (negated,) = _rule_statement(rule, "not_statement")["statement"]
    (match,) = negated["byte_match_statement"]
    assert match["positional_constraint"] == "EXACTLY"
    assert match["field_to_match"][0]["single_header"][0]["name"] == origin_header["name"]
    # ... and both are the one secret (unknown until applied: compared by reference)
    acl_refs = json.dumps(plan.configuration("aws_wafv2_web_acl", "api")["expressions"])
    assert "terraform_data.api_origin_secret.output" in acl_refs
    distribution = plan.configuration("aws_cloudfront_distribution", "frontend")["expressions"]
    assert "terraform_data.api_origin_secret.output" in json.dumps(distribution["origin"])


# https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-forwarded-ip-address.html
# "AWS WAF only evaluates the first IP address found in the specified HTTP header": the first of
# X-Forwarded-For is the viewer's to choose; CloudFront's function writes a header of its own.
@prod_only
def test_the_rate_limit_counts_the_viewer_ip_cloudfront_forwards(plan: Plan) -> None:
    rate = _rule_statement(_rules(plan)["rate-per-viewer-ip"], "rate_based_statement")
    function = plan.one("aws_cloudfront_function", "viewer_ip").values

    assert rate["aggregate_key_type"] == "FORWARDED_IP"
    (forwarded,) = rate["forwarded_ip_config"]
    assert forwarded["header_name"].lower() != "x-forwarded-for"
    assert f'request.headers["{forwarded["header_name"]}"]' in function["code"]
    assert forwarded["fallback_behavior"] == "MATCH"  # a malformed address is blocked
    # https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html
    assert 10 <= rate["limit"] <= 2_000_000_000
    assert rate["evaluation_window_sec"] in (60, 120, 300, 600)


# https://docs.aws.amazon.com/waf/latest/APIReference/API_SingleHeader.html: "The name of the
# header to inspect ... must be provided as lower case characters."
@prod_only
def test_the_headers_the_waf_inspects_are_named_in_lower_case(plan: Plan) -> None:
    acl = json.dumps(_web_acl(plan))

    names = re.findall(r'"single_header": \[\{"name": "([^"]+)"\}\]', acl)
    names += re.findall(r'"header_name": "([^"]+)"', acl)
    assert names
    assert all(name == name.lower() for name in names)


@prod_only
def test_the_common_rules_run_and_those_on_the_body_only_count(plan: Plan) -> None:
    rule = _rules(plan)["aws-common-rules"]
    group = _rule_statement(rule, "managed_rule_group_statement")
    overrides = {
        override["name"]: override["action_to_use"][0] for override in group["rule_action_override"]
    }

    assert (group["vendor_name"], group["name"]) == ("AWS", "AWSManagedRulesCommonRuleSet")
    assert rule["override_action"][0]["none"]  # the group's own actions apply, but...
    # ... the body rules count: an answer is free text about software (HTML, paths, URLs)
    assert set(overrides) == COMMON_RULES_ON_THE_BODY
    assert all(action["count"] for action in overrides.values())


def test_a_longest_answer_can_exceed_size_restrictions_body() -> None:
    # Given the longest answer the API accepts, in characters that UTF-8 writes in 2 bytes
    # (accented Latin, Greek, Cyrillic: a Spanish or Russian speaker's answer)
    body = json.dumps({"text": "é" * MAX_ANSWER_LENGTH}, ensure_ascii=False).encode()

    # Then it is over the rule's 8 KB, which is why that rule only counts (test above)
    assert len(body) > SIZE_RESTRICTIONS_BODY_LIMIT


# https://docs.aws.amazon.com/waf/latest/APIReference/API_VisibilityConfig.html: MetricName may
# hold letters, digits, - and _ only, 1-128 characters.
@prod_only
def test_every_metric_name_is_one_waf_accepts(plan: Plan) -> None:
    acl = _web_acl(plan)
    configs = [acl["visibility_config"][0]] + [r["visibility_config"][0] for r in acl["rule"]]

    for config in configs:
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,128}", config["metric_name"])
        assert config["cloudwatch_metrics_enabled"] is True


def test_cognito_sends_its_own_email_unless_an_ses_identity_is_given(
    plan: Plan, options_plan: Plan
) -> None:
    (default,) = plan.one("aws_cognito_user_pool", "main").values["email_configuration"]
    (ses,) = options_plan.one("aws_cognito_user_pool", "main").values["email_configuration"]

    # Cognito's sender: 50 emails a day (docs/deploy.md)
    assert default["email_sending_account"] == "COGNITO_DEFAULT"
    assert default["source_arn"] is None
    # https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html: with
    # DEVELOPER, Cognito sends through the SES identity named by SourceArn
    assert ses["email_sending_account"] == "DEVELOPER"
    assert ses["source_arn"].startswith("arn:aws:ses:")
    assert ses["from_email_address"] == "TuCoach AI <no-reply@example.test>"
