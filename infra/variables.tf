variable "environment" {
  type        = string
  description = "Deployment stage; names every resource and the table (TuCoachAi-<environment>)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.environment))
    error_message = "environment must be 2-21 lowercase letters, digits or hyphens, starting with a letter."
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

variable "bedrock_model_id" {
  type        = string
  description = "Bedrock foundation model the bedrock engine calls; the only model the function may invoke."
  default     = "anthropic.claude-3-haiku-20240307-v1:0"
}

variable "bedrock_region" {
  type        = string
  description = "Region of the Bedrock model; empty means aws_region."
  default     = ""
}

variable "bedrock_timeout_seconds" {
  type        = number
  description = "How long the function waits for Bedrock before falling back to the offline engine."
  default     = 8
}

variable "api_stage_name" {
  type        = string
  description = "API Gateway stage name, the first segment of the API's URL path."
  default     = "v1"
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

variable "manage_api_gateway_account" {
  type        = bool
  description = "Set API Gateway's account-wide CloudWatch role (needed for access logs). One per account and region: false when another stack already sets it."
  default     = true
}

variable "frontend_origin" {
  type        = string
  description = "Origin (scheme://host) of the web app, the only one CORS allows; empty means the CloudFront distribution's."
  default     = ""
}

variable "cognito_domain_prefix" {
  type        = string
  description = "Prefix of the Cognito hosted UI domain (<prefix>-<environment>.auth.<region>.amazoncognito.com); globally unique."
  default     = "tucoach"
}

variable "cognito_callback_urls" {
  type        = list(string)
  description = "URLs Cognito may redirect to after sign-in; empty means the web app's origin."
  default     = []
}

variable "cognito_logout_urls" {
  type        = list(string)
  description = "URLs Cognito may redirect to after sign-out; empty means the web app's origin."
  default     = []
}

variable "frontend_security_headers" {
  type        = bool
  description = "Attach a response headers policy (HSTS, nosniff, frame and referrer policies) to the web app; false only where CloudFront's policies are not available (local emulators)."
  default     = true
}

variable "cloudfront_price_class" {
  type        = string
  description = "CloudFront price class (edge locations served)."
  default     = "PriceClass_100"
}

variable "alarm_actions" {
  type        = list(string)
  description = "ARNs notified when an alarm fires or clears (for example an SNS topic); empty means none."
  default     = []
}

variable "alarm_api_5xx_threshold" {
  type        = number
  description = "API 5xx responses in 5 minutes that raise the alarm."
  default     = 5
}

variable "alarm_lambda_p99_duration_ms" {
  type        = number
  description = "p99 duration of the function, in ms, over 5 minutes, that raises the alarm."
  default     = 5000
}
