variable "environment" {
  type        = string
  description = "Deployment stage; names every resource and the table (TuCoachAi-<environment>)."

  # At most 19: the frontend bucket's prefix, tucoach-<environment>-frontend-, may have 37
  # characters, and the X-Ray sampling rule's name, tucoach-<environment>-api, 32.
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}$", var.environment))
    error_message = "environment must be 2-19 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "aws_region" {
  type        = string
  description = "AWS region for every regional resource."
  default     = "eu-west-1"
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource (the provider adds Project, Environment, ManagedBy)."
  default     = {}
}

variable "artifacts_dir" {
  type        = string
  description = "Folder holding functions/ and layers/ as `./pants package ::` writes them; empty means the repository's dist/."
  default     = ""
}

variable "lambda_runtime" {
  type        = string
  description = "Lambda runtime of the function and its layers; must equal LAMBDA_RUNTIME in pants-plugins/macros.py (a test checks)."
  default     = "python3.13"
}

variable "lambda_memory_mb" {
  type        = number
  description = "Memory of the interviews function, in MB (CPU grows with it)."
  default     = 512
}

variable "lambda_timeout_seconds" {
  type        = number
  description = "Timeout of the interviews function; below API Gateway's 29 s integration limit."
  default     = 20

  validation {
    condition     = var.lambda_timeout_seconds >= 3 && var.lambda_timeout_seconds <= 28
    error_message = "lambda_timeout_seconds must be 3-28: API Gateway gives up after 29 seconds."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the function's and the API's log groups, in days."
  default     = 30
}

variable "log_level" {
  type        = string
  description = "Powertools log level of the function (DEBUG, INFO, WARNING, ERROR)."
  default     = "INFO"
}

variable "coach_engine" {
  type        = string
  description = "The coach engine: offline (the question bank and rubric) or bedrock (with offline fallback)."
  default     = "offline"

  validation {
    condition     = contains(["offline", "bedrock"], var.coach_engine)
    error_message = "coach_engine must be offline or bedrock."
  }
}

variable "bedrock_inference_profile_id" {
  type        = string
  description = "Cross-Region inference profile the bedrock engine calls (its BEDROCK_MODEL_ID), e.g. eu.anthropic.claude-haiku-4-5-20251001-v1:0; its model must be in infra/lifecycle.json (a test checks). docs/adr/0002-bedrock-model.md says why this one."
  default     = "eu.anthropic.claude-haiku-4-5-20251001-v1:0"

  validation {
    condition     = can(regex("^(eu|us|apac|jp|au|ca|us-gov)\\.[a-z0-9-]+\\.[a-z0-9.:-]+$", var.bedrock_inference_profile_id))
    error_message = "bedrock_inference_profile_id must be a geographic cross-Region inference profile id: <geography>.<provider>.<model id>."
  }
}

variable "bedrock_destination_regions" {
  type        = list(string)
  description = "Regions the inference profile routes requests to, as `aws bedrock get-inference-profile` lists them; the function may invoke the foundation model in these regions only."
  default     = ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"]

  validation {
    condition     = length(var.bedrock_destination_regions) > 0 && alltrue([for region in var.bedrock_destination_regions : can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", region))])
    error_message = "bedrock_destination_regions must list one or more region names."
  }
}

variable "bedrock_region" {
  type        = string
  description = "Region the function calls Bedrock in (the inference profile's source region); empty means aws_region."
  default     = ""
}

variable "bedrock_timeout_seconds" {
  type        = number
  description = "How long the function waits for Bedrock before falling back to the offline engine."
  default     = 8
}

variable "daily_interview_limit" {
  type        = number
  description = "Interviews one person may start per UTC day; the next is 429 with Retry-After."
  default     = 20

  validation {
    condition     = var.daily_interview_limit >= 1 && floor(var.daily_interview_limit) == var.daily_interview_limit
    error_message = "daily_interview_limit must be a whole number of at least 1."
  }
}

variable "daily_answer_limit" {
  type        = number
  description = "Answers one person may have scored per UTC day (each may be an LLM call); the next is 429."
  default     = 200

  validation {
    condition     = var.daily_answer_limit >= 1 && floor(var.daily_answer_limit) == var.daily_answer_limit
    error_message = "daily_answer_limit must be a whole number of at least 1."
  }
}

variable "api_stage_name" {
  type        = string
  description = "API Gateway stage name: the first segment of the API's path, on the stage's own URL and on the web app's origin, where CloudFront routes /<stage>/* to the stage unchanged (so the app calls /api/...; infra/README.md, \"Same origin\")."
  default     = "api"

  # The web app's routes and files live beside it on one origin (frontend_hosting.tf).
  validation {
    condition     = can(regex("^[a-z][a-z0-9_-]{0,63}$", var.api_stage_name)) && !contains(["assets", "callback", "history", "interviews", "oidc"], var.api_stage_name)
    error_message = "api_stage_name must be a lowercase path segment (letters, digits, - or _), not one of the web app's own (assets, callback, history, interviews, oidc)."
  }

  # The stage's X-Ray sampling rule matches the service "<api name>/<stage name>", which X-Ray
  # keeps to 64 characters (xray.tf).
  validation {
    condition     = !var.xray_sampling_rule_enabled || length("${local.api_name}/${var.api_stage_name}") <= 64
    error_message = "api_stage_name is too long for the stage's X-Ray sampling rule: the service it matches, \"<API name>/<api_stage_name>\", must be 64 characters at most (X-Ray's limit on a rule's service name)."
  }
}

variable "api_throttling_rate_limit" {
  type        = number
  description = "Steady-state requests per second the API stage accepts (all routes together)."
  default     = 50
}

variable "api_throttling_burst_limit" {
  type        = number
  description = "Burst of requests the API stage accepts above the steady rate."
  default     = 100
}

variable "api_minimum_compression_size" {
  type        = number
  description = "Bytes from which API Gateway gzips a response for a client that accepts it (Accept-Encoding, forwarded by CloudFront): most of what the API sends is JSON that shrinks several times. Below about a kilobyte the saving is a few bytes. docs/cost.md, \"Response bytes\"."
  default     = 1024

  validation {
    condition     = var.api_minimum_compression_size >= 0 && var.api_minimum_compression_size <= 10485760 && floor(var.api_minimum_compression_size) == var.api_minimum_compression_size
    error_message = "api_minimum_compression_size must be a whole number of bytes from 0 to 10485760 (API Gateway's range)."
  }
}

variable "xray_sampling_rule_enabled" {
  type        = bool
  description = "Give the API stage its own X-Ray sampling rule (xray.tf); false only on an emulator without sampling rules (moto, LocalStack's free edition), where X-Ray's default rule applies."
  default     = true
}

variable "xray_sampling_reservoir" {
  type        = number
  description = "Requests a second the API stage traces before xray_sampling_rate applies (the rule's reservoir, shared by every request of the stage). 0 keeps tracing a per-request cost; 1 traces every request below one a second and up to about 2.6 million a month (about $13): docs/cost.md, \"X-Ray sampling\"."
  default     = 0

  validation {
    condition     = var.xray_sampling_reservoir >= 0 && floor(var.xray_sampling_reservoir) == var.xray_sampling_reservoir
    error_message = "xray_sampling_reservoir must be a whole number of requests a second, 0 or more."
  }
}

variable "xray_sampling_rate" {
  type        = number
  description = "Share of the API stage's requests traced beyond the reservoir, from 0 to 1 (0.05: one in twenty). The function follows API Gateway's decision. docs/cost.md, \"X-Ray sampling\"."
  default     = 0.05

  validation {
    condition     = var.xray_sampling_rate >= 0 && var.xray_sampling_rate <= 1
    error_message = "xray_sampling_rate must be a share from 0 to 1."
  }
}

variable "frontend_origin" {
  type        = string
  description = "Origin (scheme://host) of the web app, where Cognito sends the browser back; empty means https://<cloudfront_custom_domain>, else the CloudFront distribution's."
  default     = ""

  # Cognito refuses callback URLs over plain HTTP except http://localhost (CreateUserPoolClient).
  validation {
    condition     = var.frontend_origin == "" || can(regex("^(https://[^/#]+|http://localhost(:[0-9]+)?)$", var.frontend_origin))
    error_message = "frontend_origin must be https://host[:port] (or http://localhost[:port]) with no path: Cognito accepts plain HTTP callbacks on localhost only."
  }
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Prefix of the Cognito hosted UI domain (<prefix>-<environment>.auth.<region>.amazoncognito.com); globally unique."
  default     = "tucoach"
}

variable "cognito_extra_app_origins" {
  type        = list(string)
  description = "Other origins the web app is served from (e.g. http://localhost:5173 for `npm run dev`); Cognito allows the app's callback and sign-out paths (infra/sign_in_paths.json) on each, besides the app's own origin."
  default     = []

  validation {
    condition     = alltrue([for origin in var.cognito_extra_app_origins : can(regex("^(https://[^/#]+|http://localhost(:[0-9]+)?)$", origin))])
    error_message = "cognito_extra_app_origins must be origins without a path or trailing slash: https://host[:port], or http://localhost[:port] (Cognito accepts plain HTTP callbacks on localhost only)."
  }
}

variable "cloudfront_edge_features" {
  type        = bool
  description = "Attach the response headers policies (CSP, HSTS, ...), the catalog's cache and origin request policies (and errors kept out of its cache) and the CloudFront Functions (the app's routes, the viewer's IP for the WAF); false only on an emulator without those APIs (moto: no response headers, cache or origin request policies, no PublishFunction)."
  default     = true
}

variable "cloudfront_custom_domain" {
  type        = string
  description = "A domain name of yours for the web app (e.g. app.example.com); empty serves it on the distribution's *.cloudfront.net name. Needs cloudfront_acm_certificate_arn; point a DNS alias (CNAME or Route 53 alias) at the distribution's domain_name."
  default     = ""

  validation {
    condition     = var.cloudfront_custom_domain == "" || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.cloudfront_custom_domain))
    error_message = "cloudfront_custom_domain must be a lowercase host name without scheme or path, e.g. app.example.com."
  }
}

variable "cloudfront_acm_certificate_arn" {
  type        = string
  description = "ACM certificate for cloudfront_custom_domain; CloudFront reads certificates from us-east-1 only, whatever aws_region is. Set both or neither."
  default     = ""

  # https://docs.aws.amazon.com/acm/latest/userguide/acm-services.html: "To use an ACM certificate
  # with CloudFront, you must request or import the certificate in the US East (N. Virginia) region."
  validation {
    condition     = var.cloudfront_acm_certificate_arn == "" || can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$", var.cloudfront_acm_certificate_arn))
    error_message = "cloudfront_acm_certificate_arn must be an ACM certificate ARN in us-east-1: CloudFront uses certificates from that region only."
  }

  validation {
    condition     = (var.cloudfront_acm_certificate_arn == "") == (var.cloudfront_custom_domain == "")
    error_message = "cloudfront_acm_certificate_arn and cloudfront_custom_domain go together: set both or neither."
  }
}

variable "api_waf_enabled" {
  type        = bool
  description = "Put an AWS WAF web ACL on the API stage (a rate limit per viewer IP, AWS's common rule set, only CloudFront's requests); about $5 a month for the ACL, $1 per rule and $0.60 per million requests (infra/README.md, \"WAF\")."
  default     = false

  validation {
    condition     = !var.api_waf_enabled || var.cloudfront_edge_features
    error_message = "api_waf_enabled needs cloudfront_edge_features: the rate limit counts the viewer IP that CloudFront's function forwards."
  }
}

variable "api_waf_rate_limit" {
  type        = number
  description = "Requests one viewer IP may send to the API in any 5 minutes before the WAF blocks it (a 10-question interview takes ~30)."
  default     = 600

  # https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html: Limit 10 to 2,000,000,000.
  validation {
    condition     = var.api_waf_rate_limit >= 10 && var.api_waf_rate_limit <= 2000000000
    error_message = "api_waf_rate_limit must be 10 to 2,000,000,000 (AWS WAF's bounds for a rate-based rule)."
  }
}

variable "cognito_ses_identity_arn" {
  type        = string
  description = "A verified Amazon SES identity (domain or address) Cognito sends its email through; empty keeps COGNITO_DEFAULT, Cognito's own sender, limited to 50 emails a day (AWS quota; docs/deploy.md)."
  default     = ""

  # https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html: the identity
  # must be verified in SES, in a Region Cognito may use for the pool (usually the pool's own).
  validation {
    condition     = var.cognito_ses_identity_arn == "" || can(regex("^arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/.+$", var.cognito_ses_identity_arn))
    error_message = "cognito_ses_identity_arn must be an SES identity ARN: arn:aws:ses:<region>:<account>:identity/<domain or address>."
  }
}

variable "cognito_email_from" {
  type        = string
  description = "Sender shown on Cognito's email when it goes through SES, e.g. \"TuCoach AI <no-reply@example.com>\"; empty uses the SES identity's own address."
  default     = ""
}

variable "cloudfront_price_class" {
  type        = string
  description = "CloudFront price class (edge locations served)."
  default     = "PriceClass_100"
}

variable "alarm_email" {
  type        = string
  description = "Email address subscribed to the environment's alarm topic (it must confirm the subscription); empty means no subscription (subscribe a pager or chat integration to the topic_arn output instead)."
  default     = ""
}

variable "alarm_api_5xx_rate_percent" {
  type        = number
  description = "Share of API requests answered 5xx, in percent over 5 minutes, that raises the alarm once traffic is above alarm_api_5xx_min_requests."
  default     = 5
}

variable "alarm_api_5xx_min_requests" {
  type        = number
  description = "Requests in 5 minutes below which any 5xx raises the alarm (a rate of a handful of requests means nothing; one failure in them does)."
  default     = 20
}

variable "alarm_lambda_p99_duration_ms" {
  type        = number
  description = "p99 duration of the function, in ms, over 5 minutes, that raises the alarm."
  default     = 5000
}
