# Pinned so that a plan made on a laptop, in CI and in the deploy job means the same thing.
terraform {
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: bucket, key and region come from environments/<env>.s3.tfbackend
  # (`terraform init -backend-config=environments/<env>.s3.tfbackend`), so no run of this stack can
  # fall back to local state and plan a second prod by accident. Local state is an explicit
  # choice: `init -backend=false` for checks, or a local_backend_override.tf holding
  # `terraform { backend "local" {} }` for a sandbox (the plan tests and the LocalStack run).
  backend "s3" {}
}
