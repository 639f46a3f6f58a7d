"""Test support of the local server: a client that signs in as a browser does, the server run in
this process, a fault-injecting proxy, request bodies from the OpenAPI document, pytest fixtures.

Not shipped (not in the server's PEX): only tests and tools depend on it (services/local/BUILD).
"""
