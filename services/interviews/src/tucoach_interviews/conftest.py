"""The function's fixtures, from its test support (services/interviews/testing)."""

pytest_plugins = ["tucoach_interviews_testing.fixtures"]
