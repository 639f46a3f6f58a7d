# Pinned so that a plan made on a laptop, in CI and in the deploy job means the same thing.
terraform {
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # State is local by default (a developer's sandbox, the LocalStack run). The deploy workflow
  # keeps it in S3 instead: it writes a `backend.tf` with `backend "s3" {}` before `terraform init`
  # and passes the bucket, key and `use_lockfile = true` (S3-native locking) as -backend-config.
  # See docs/deploy.md, "Remote state".
}
