# The account-wide settings every environment of TuCoach relies on, applied once per account and
# region before any environment (infra/README.md, "The account stack").
terraform {
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: bucket, key and region come from account.s3.tfbackend
  # (`terraform init -backend-config=account.s3.tfbackend`). State is local only by an explicit
  # choice (a local_backend_override.tf, as the LocalStack run writes).
  backend "s3" {}
}
