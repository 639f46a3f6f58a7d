"""Test support of tucoach-repository, shared by its tests, its benchmark and other packages'
tests: pytest fixtures (`fixtures` for DynamoDB Local, `moto_fixtures` for moto, both loaded
through `pytest_plugins`), sample interviews, reading back, request counts, and interviews stored
the old way. Never shipped: the build refuses a dependency of shipped code on it."""
