"""The local server's fixtures (services/local/testing) and DynamoDB Local's (the repository's)."""

pytest_plugins = ["tucoach_repository_testing.fixtures", "tucoach_local_testing.fixtures"]
