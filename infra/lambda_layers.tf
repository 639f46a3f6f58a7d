# The two layers the function attaches, both `python/` zips from `./pants package ::`: our own
# packages (small, change often) apart from the third-party dependencies (large, change rarely),
# so that a code change uploads kilobytes, not megabytes.
resource "aws_lambda_layer_version" "tucoach_packages" {
  layer_name          = "${local.name}-tucoach-packages"
  description         = "tucoach-models, tucoach-coach (with its question bank), tucoach-repository"
  filename            = "${local.artifacts_dir}/layers/tucoach-packages.zip"
  source_code_hash    = filebase64sha256("${local.artifacts_dir}/layers/tucoach-packages.zip")
  compatible_runtimes = [var.lambda_runtime]
}

resource "aws_lambda_layer_version" "interviews_dependencies" {
  layer_name          = "${local.name}-interviews-dependencies"
  description         = "Third-party dependencies of the interviews function (pydantic, Powertools, X-Ray SDK)"
  filename            = "${local.artifacts_dir}/layers/interviews-dependencies.zip"
  source_code_hash    = filebase64sha256("${local.artifacts_dir}/layers/interviews-dependencies.zip")
  compatible_runtimes = [var.lambda_runtime]
}
