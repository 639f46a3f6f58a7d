"""Fixtures of this package's tests: a moto table for unit tests, DynamoDB Local for the
integration tests (`*_integration_test.py`)."""

pytest_plugins = [
    "tucoach_repository_testing.fixtures",
    "tucoach_repository_testing.moto_fixtures",
]
