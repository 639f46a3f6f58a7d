# An AWS WAF web ACL on the API stage (api_waf_enabled; on in prod): requests that did not come
# through CloudFront are refused, each viewer IP has a rate limit, and AWS's common rule set
# runs with the rules that read request bodies counting instead of blocking (see below).
locals {
  # AWSManagedRulesCommonRuleSet's rules that inspect the body, which here is an answer to a
  # software-engineering question: it may hold HTML, paths, URLs and cloud metadata addresses
  # as text (the API stores and shows it escaped, it never runs it), and at 5,000 characters of
  # UTF-8 it can exceed SizeRestrictions_BODY's 8 KB. They count, so their matches stay
  # visible in the metrics, without refusing real answers.
  # https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html
  waf_common_rules_counted = [
    "SizeRestrictions_BODY",
    "CrossSiteScripting_BODY",
    "GenericLFI_BODY",
    "GenericRFI_BODY",
    "EC2MetaDataSSRF_BODY",
  ]
}

resource "aws_wafv2_web_acl" "api" {
  #checkov:skip=CKV2_AWS_31:No WAF request logs: they would hold every request's headers and viewer IP; the rules' metrics and sampled requests are enough to tune them.
  #checkov:skip=CKV_AWS_192:Log4j: the API is Python; AWSManagedRulesKnownBadInputsRuleSet would add cost for a Java flaw.
  count = var.api_waf_enabled ? 1 : 0

  name        = "${local.name}-api"
  description = "TuCoach AI API: CloudFront only, a rate limit per viewer IP, AWS common rules"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  # CloudFront adds the secret header to every request it sends to the API
  # (frontend_hosting.tf); a request without it went around CloudFront, where the viewer-IP
  # header below would be the caller's to forge.
  # The secret is sensitive, so plans show the rules (one set) as "(sensitive value)";
  # infra/tests/waf_test.py reads them from the plan's JSON.
  rule {
    name     = "only-through-cloudfront"
    priority = 0

    action {
      block {}
    }

    statement {
      not_statement {
        statement {
          byte_match_statement {
            search_string         = sensitive(terraform_data.api_origin_secret.output)
            positional_constraint = "EXACTLY"
            field_to_match {
              single_header {
                name = local.origin_verify_header
              }
            }
            text_transformation {
              priority = 0
              type     = "NONE"
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-api-only-through-cloudfront"
      sampled_requests_enabled   = true
    }
  }

  # Per viewer IP, which CloudFront's function writes into its own header: the source IP API
  # Gateway sees is a CloudFront edge's. A request without a valid address in it matches.
  # https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-forwarded-ip-address.html
  rule {
    name     = "rate-per-viewer-ip"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = var.api_waf_rate_limit
        evaluation_window_sec = 300
        aggregate_key_type    = "FORWARDED_IP"
        forwarded_ip_config {
          header_name       = local.viewer_ip_header
          fallback_behavior = "MATCH"
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-api-rate-per-viewer-ip"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-common-rules"
    priority = 2

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"

        dynamic "rule_action_override" {
          for_each = local.waf_common_rules_counted
          content {
            name = rule_action_override.value
            action_to_use {
              count {}
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-api-aws-common-rules"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.name}-api"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "api" {
  count = var.api_waf_enabled ? 1 : 0

  resource_arn = aws_api_gateway_stage.main.arn
  web_acl_arn  = aws_wafv2_web_acl.api[0].arn
}
