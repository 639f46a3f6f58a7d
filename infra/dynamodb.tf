# The single table (docs/design.md). Key and index names are the repository package's
# constants (tucoach_repository.schema); infra/tests fails when the two drift apart.
resource "aws_dynamodb_table" "main" {
  #checkov:skip=CKV_AWS_119:Encrypted at rest with the AWS-managed key (aws/dynamodb); a customer-managed key adds cost and key administration without a requirement for it.
  name         = local.table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "partition_key"
  range_key    = "sort_key"

  attribute {
    name = "partition_key"
    type = "S"
  }
  attribute {
    name = "sort_key"
    type = "S"
  }
  attribute {
    name = "gsi1_partition_key"
    type = "S"
  }
  attribute {
    name = "gsi1_sort_key"
    type = "S"
  }

  # Sparse: only an interview's latest version carries these keys, so a user's list is one Query.
  global_secondary_index {
    name            = "user_interviews"
    hash_key        = "gsi1_partition_key"
    range_key       = "gsi1_sort_key"
    projection_type = "INCLUDE"
    non_key_attributes = [
      "user_id",
      "interview_id",
      "role",
      "seniority",
      "status",
      "version",
      "question_count",
      "answered_count",
      "overall_score",
      "question_ids",
      "created_at",
      "updated_at",
    ]
  }

  # Idempotency records expire by themselves after a day.
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  # Interviews are user data: production refuses a delete until this is turned off on purpose.
  deletion_protection_enabled = local.is_production
}
