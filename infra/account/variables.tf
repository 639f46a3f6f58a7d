variable "aws_region" {
  type        = string
  description = "Region whose API Gateway account settings this stack owns (the environments' aws_region)."
  default     = "eu-west-1"
}
