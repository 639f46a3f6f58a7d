# The built web app (frontend/dist) in a private bucket, served by CloudFront through origin
# access control: the bucket answers CloudFront's signed requests only.
resource "aws_s3_bucket" "frontend" {
  #checkov:skip=CKV_AWS_18:CloudFront is the only reader; its requests are what matter and standard logging can be switched on there.
  #checkov:skip=CKV_AWS_144:The content is a build output, rebuilt from git at any time; replication adds nothing.
  #checkov:skip=CKV_AWS_145:Public web assets; SSE-S3 (AES256) is enough and keeps CloudFront's OAC setup simple.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to uploads; the deploy job invalidates CloudFront itself.
  #checkov:skip=CKV2_AWS_61:Old versions are pruned by the lifecycle rule below; checkov does not see a separate lifecycle resource.
  bucket_prefix = "${local.name}-frontend-"
  force_destroy = !local.is_production
}

resource "aws_s3_bucket_public_access_block" "frontend" {
  bucket                  = aws_s3_bucket.frontend.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "frontend" {
  bucket = aws_s3_bucket.frontend.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "frontend" {
  bucket = aws_s3_bucket.frontend.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# Versions let a bad upload be rolled back; the rule keeps only a month of them.
resource "aws_s3_bucket_versioning" "frontend" {
  bucket = aws_s3_bucket.frontend.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "frontend" {
  bucket = aws_s3_bucket.frontend.id
  rule {
    id     = "expire-old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
  depends_on = [aws_s3_bucket_versioning.frontend]
}

resource "aws_s3_bucket_policy" "frontend" {
  bucket = aws_s3_bucket.frontend.id
  policy = data.aws_iam_policy_document.frontend_bucket.json
}

# CloudFront reads objects, for this distribution only.
data "aws_iam_policy_document" "frontend_bucket" {
  statement {
    sid       = "CloudFrontRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.frontend.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.frontend.arn]
    }
  }
}

resource "aws_cloudfront_origin_access_control" "frontend" {
  name                              = "${local.name}-frontend"
  description                       = "CloudFront's signed access to the web app bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# AWS's managed policies, by their documented fixed ids (a data source would need an API call at
# plan time):
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
locals {
  cloudfront_caching_optimized_policy_id = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  cloudfront_caching_disabled_policy_id  = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  # Every viewer header, cookie and query string but Host: API Gateway answers 403 to a request
  # whose Host is not its own. "All viewer headers" is also the only way an origin request policy
  # forwards Authorization (it cannot be named alone):
  # https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-401-unauthorized.html
  cloudfront_all_viewer_except_host_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"

  frontend_origin_id = "frontend-bucket"
  api_origin_id      = "api"
  # The regional endpoint of the REST API; the stage is the first segment of the path, so
  # CloudFront forwards /<stage>/... unchanged (no origin path, no rewriting).
  api_origin_domain = "${aws_api_gateway_rest_api.main.id}.execute-api.${var.aws_region}.amazonaws.com"
  # The header CloudFront's function sets to the viewer's IP, which the WAF's rate limit counts
  # (waf.tf); and the one CloudFront adds on every request to the API, which the WAF requires.
  viewer_ip_header     = "x-tucoach-viewer-ip"
  origin_verify_header = "x-tucoach-origin-verify"
}

# A secret only CloudFront sends to the API (an origin custom header), so the WAF can refuse
# requests that bypass CloudFront and its viewer-IP header. Generated once and kept in the state;
# rotate with `terraform apply -replace=terraform_data.api_origin_secret`.
resource "terraform_data" "api_origin_secret" {
  input = uuid()

  lifecycle {
    ignore_changes = [input]
  }
}

locals {
  # The error statuses CloudFront caches whatever Cache-Control says (404, 414 and 501 honour
  # no-store, 416 is never cached): see the distribution's custom_error_response.
  cloudfront_uncached_errors = [400, 403, 405, 500, 502, 503, 504]
}

resource "aws_cloudfront_distribution" "frontend" {
  #checkov:skip=CKV_AWS_68:The WAF sits on the API stage (waf.tf), where requests cost money; the static app is served from cache.
  #checkov:skip=CKV2_AWS_47:See CKV_AWS_68: the web ACL with AWS's common rules is on the API stage; the bucket serves static files only, no Java, no Log4j.
  #checkov:skip=CKV_AWS_86:Access logging needs a log bucket with ACLs; left for the launch checklist (docs/deploy.md).
  #checkov:skip=CKV_AWS_174:TLSv1.2_2021 is set whenever a certificate of ours is (cloudfront_acm_certificate_arn); on *.cloudfront.net AWS fixes the policy at TLSv1, whatever is asked (infra/tests/edge_test.py).
  #checkov:skip=CKV2_AWS_42:A custom certificate is an option (cloudfront_custom_domain, cloudfront_acm_certificate_arn); without a domain the default *.cloudfront.net one is the only one possible.
  #checkov:skip=CKV2_AWS_32:The policies below are attached (try(...security[...].id)); checkov does not follow them through the for_each that lets the emulator run leave them out.
  #checkov:skip=CKV_AWS_374:The app is offered worldwide; there is no country to block.
  #checkov:skip=CKV_AWS_310:Two origins with different content (the app's bucket, the API); neither has a failover copy to point a group at.
  enabled             = true
  comment             = "TuCoach AI web app and API (${var.environment})"
  default_root_object = "index.html"
  price_class         = var.cloudfront_price_class
  http_version        = "http2and3"
  aliases             = var.cloudfront_custom_domain != "" ? [var.cloudfront_custom_domain] : []

  origin {
    origin_id                = local.frontend_origin_id
    domain_name              = aws_s3_bucket.frontend.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.frontend.id
  }

  origin {
    origin_id   = local.api_origin_id
    domain_name = local.api_origin_domain

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }

    custom_header {
      name  = local.origin_verify_header
      value = sensitive(terraform_data.api_origin_secret.output)
    }
  }

  default_cache_behavior {
    target_origin_id           = local.frontend_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.cloudfront_caching_optimized_policy_id
    response_headers_policy_id = try(aws_cloudfront_response_headers_policy.security["frontend"].id, null)

    # The app's own routes (e.g. /interviews/<id>) are index.html. Not custom error responses:
    # those apply to every origin of a distribution, and would turn the API's 403 and 404 into
    # the app's page with a 200.
    dynamic "function_association" {
      for_each = aws_cloudfront_function.app_routes[*].arn
      content {
        event_type   = "viewer-request"
        function_arn = function_association.value
      }
    }
  }

  # The catalog (GET /catalog: public, the same for everyone, changed only by a deployment),
  # cached at the edge for the max-age the function sends, so most start pages never reach API
  # Gateway or Lambda. Before /api/*: CloudFront takes the first behaviour whose pattern
  # matches. Its cache key is the path and the encoding alone, and Authorization is neither in
  # it nor forwarded; the origin still gets the secret header (every request to that origin
  # does) and the viewer's IP from the function, so the WAF's two rules hold on a cache miss.
  # Without the edge features (an emulator, which has no cache policies) it is /api/*'s
  # uncached setup.
  ordered_cache_behavior {
    path_pattern               = "${local.api_base_path}/catalog"
    target_origin_id           = local.api_origin_id
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = false # API Gateway gzips; the cache policy forwards Accept-Encoding and keys copies by it
    cache_policy_id            = try(aws_cloudfront_cache_policy.catalog[0].id, local.cloudfront_caching_disabled_policy_id)
    origin_request_policy_id   = try(aws_cloudfront_origin_request_policy.catalog[0].id, local.cloudfront_all_viewer_except_host_policy_id)
    response_headers_policy_id = try(aws_cloudfront_response_headers_policy.security["catalog"].id, null)

    dynamic "function_association" {
      for_each = aws_cloudfront_function.viewer_ip[*].arn
      content {
        event_type   = "viewer-request"
        function_arn = function_association.value
      }
    }
  }

  # The API on the app's origin: nothing cached, every method, the viewer's headers (with
  # Authorization) and query strings forwarded.
  ordered_cache_behavior {
    path_pattern               = "${local.api_base_path}/*"
    target_origin_id           = local.api_origin_id
    viewer_protocol_policy     = "https-only" # a redirect would turn a POST into a GET
    allowed_methods            = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = false # API Gateway gzips (api_gateway.tf); AllViewerExceptHostHeader forwards Accept-Encoding
    cache_policy_id            = local.cloudfront_caching_disabled_policy_id
    origin_request_policy_id   = local.cloudfront_all_viewer_except_host_policy_id
    response_headers_policy_id = try(aws_cloudfront_response_headers_policy.security["api"].id, null)

    dynamic "function_association" {
      for_each = aws_cloudfront_function.viewer_ip[*].arn
      content {
        event_type   = "viewer-request"
        function_arn = function_association.value
      }
    }
  }

  # CloudFront caches an origin's 400, 403, 405, 500, 502, 503 and 504 for 10 s by default and,
  # for these codes, ignores the no-store the API sends on them
  # (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages-expiration.html,
  # HTTPStatusCodes.html): on the cached /api/catalog one viewer's refusal (the WAF's rate limit)
  # or a passing 5xx would be every viewer's answer there. A minimum TTL of 0 caches none of
  # them; no page or status is set, so the API's bodies pass as they are. With the catalog's
  # cache (the edge features) only: without it nothing is cached.
  dynamic "custom_error_response" {
    for_each = var.cloudfront_edge_features ? local.cloudfront_uncached_errors : []
    content {
      error_code            = custom_error_response.value
      error_caching_min_ttl = 0
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # On *.cloudfront.net AWS applies TLSv1 whatever is asked (and Terraform would show a diff
  # forever); with a certificate of ours, TLS 1.2 at least:
  # https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
  viewer_certificate {
    cloudfront_default_certificate = var.cloudfront_acm_certificate_arn == ""
    acm_certificate_arn            = var.cloudfront_acm_certificate_arn != "" ? var.cloudfront_acm_certificate_arn : null
    ssl_support_method             = var.cloudfront_acm_certificate_arn != "" ? "sni-only" : null
    minimum_protocol_version       = var.cloudfront_acm_certificate_arn != "" ? "TLSv1.2_2021" : "TLSv1"
  }
}

# The catalog's cache key: no header, cookie or query string (GET /catalog takes none, and
# whoever asks gets the same body), only whether the viewer accepts gzip: CloudFront then sends
# API Gateway `Accept-Encoding: gzip` (or none) and keeps the gzipped and the plain copy apart.
# Not Brotli, which API Gateway does not make: it would only split the gzipped copy in two. The
# TTL is the origin's max-age (routes/catalog.py in services/interviews), within these bounds;
# default_ttl applies only to a response without Cache-Control, which the API never sends.
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html
resource "aws_cloudfront_cache_policy" "catalog" {
  count = var.cloudfront_edge_features ? 1 : 0

  name        = "${local.name}-catalog"
  comment     = "TuCoach AI GET /catalog: public, cached for the API's max-age"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 86400

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = false
    headers_config {
      header_behavior = "none"
    }
    cookies_config {
      cookie_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

# What a cache miss sends the API beyond the cache key: the viewer's IP, which the function
# writes and the WAF's rate limit counts (a request without it is blocked). Not Authorization,
# not Host (CloudFront then sends the origin's own, as API Gateway requires).
# https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
resource "aws_cloudfront_origin_request_policy" "catalog" {
  count = var.cloudfront_edge_features ? 1 : 0

  name    = "${local.name}-catalog"
  comment = "TuCoach AI GET /catalog: the viewer's IP for the WAF, nothing else"

  headers_config {
    header_behavior = "whitelist"
    headers {
      items = [local.viewer_ip_header]
    }
  }
  cookies_config {
    cookie_behavior = "none"
  }
  query_strings_config {
    query_string_behavior = "none"
  }
}

resource "aws_cloudfront_function" "app_routes" {
  count = var.cloudfront_edge_features ? 1 : 0

  name    = "${local.name}-app-routes"
  runtime = "cloudfront-js-2.0"
  comment = "The web app's routes are index.html"
  code    = file("${path.module}/cloudfront/app_routes.js")
  publish = true
}

resource "aws_cloudfront_function" "viewer_ip" {
  count = var.cloudfront_edge_features ? 1 : 0

  name    = "${local.name}-viewer-ip"
  runtime = "cloudfront-js-2.0"
  comment = "The viewer's IP in ${local.viewer_ip_header}, for the API's WAF"
  code    = templatefile("${path.module}/cloudfront/viewer_ip.js", { header = local.viewer_ip_header })
  publish = true
}

locals {
  # The local server's policy (services/local/src/tucoach_local/headers.py) with the identity
  # provider added where the browser talks to it: discovery at the issuer, tokens at the hosted
  # UI. Sign-in and sign-out are navigations, which CSP does not restrict.
  cognito_issuer_origin = "https://cognito-idp.${var.aws_region}.amazonaws.com"
  content_security_policy = join("; ", [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' ${local.cognito_issuer_origin} ${local.cognito_hosted_ui_url}",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ])

  # One policy for the app, one for the API, which adds no-store: API Gateway's own answers
  # (401, 429) carry it too, and nothing of the API stays in a browser or proxy cache. Such a
  # header reaches the viewer only; it does not change what CloudFront caches:
  # https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/modifying-response-headers.html
  # The catalog's leaves the API's Cache-Control as it is (public, with a max-age), so that
  # browsers keep it too.
  response_headers_policies = {
    frontend = {}
    api      = { "Cache-Control" = "no-store" }
    catalog  = {}
  }
}

moved {
  from = aws_cloudfront_response_headers_policy.frontend[0]
  to   = aws_cloudfront_response_headers_policy.security["frontend"]
}

# The same security headers as the local server's, and HSTS, on every response of the app and
# the API.
resource "aws_cloudfront_response_headers_policy" "security" {
  for_each = var.cloudfront_edge_features ? local.response_headers_policies : {}

  name    = "${local.name}-${each.key}-security-headers"
  comment = "TuCoach AI ${each.key}: security headers (frontend_hosting.tf)"

  security_headers_config {
    content_security_policy {
      content_security_policy = local.content_security_policy
      override                = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
  }

  custom_headers_config {
    dynamic "items" {
      for_each = merge({
        # Dictation needs the microphone, on this origin only; nothing needs the rest.
        "Permissions-Policy"         = "microphone=(self), camera=(), geolocation=(), payment=(), usb=()"
        "Cross-Origin-Opener-Policy" = "same-origin"
      }, each.value)
      content {
        header   = items.key
        value    = items.value
        override = true
      }
    }
  }
}
