"""DynamoDB Local's fixtures (the repository's test support), for the artifacts' tests."""

pytest_plugins = ["tucoach_repository.fixtures"]
