"""Test support of the domain, never in the wheel: hypothesis strategies (`strategies`) that build
valid interviews, for any package's property tests."""
