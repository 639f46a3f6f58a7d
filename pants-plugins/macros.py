# BUILD file prelude: names every BUILD file may use.

# The AWS Lambda runtime of every function and layer (docs/adr/0001-lambda-python-runtime.md).
LAMBDA_RUNTIME = "python3.13"


def layered_package(*, tests_and_tools_may_use, shipped_may_use, tools=("/tools/**",)):
    """The layering rules of a package or service (docs/design.md), checked whenever Pants
    computes dependencies. Shipped code (src/, minus its tests) never uses test support
    (testing/, conftest.py) nor the tools (tools/); tests, test support and tools may use their
    own package and `tests_and_tools_may_use`, shipped code its own and `shipped_may_use`.
    `tools` selects the targets that count as tools (a run target of a tool, say)."""
    __dependencies_rules__(
        (
            ("<python_tests>", "<python_test_utils>", *tools),
            "/**",
            *tests_and_tools_may_use,
            "//3rdparty/**",
            "!*",
        ),
        (
            "*",
            "!<python_test_utils>",
            "!/testing/**",
            "!/tools/**",
            "/**",
            *shipped_may_use,
            "//3rdparty/**",
            "!*",
        ),
    )


def tucoach_wheel(*, sources, name, version, description, type_stubs=()):
    """The wheel of one of our packages or services, built from its `sources` target. Type stubs
    serve mypy only: they are left out of the wheel's requirements."""
    python_distribution(
        name="dist",
        dependencies=[sources, *(f"!!3rdparty/python:default#{stub}" for stub in type_stubs)],
        provides=python_artifact(
            name=name,
            version=version,
            description=description,
            python_requires=">=3.13",
        ),
        wheel=True,
        sdist=False,
    )
