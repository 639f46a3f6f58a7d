# BUILD file prelude: names every BUILD file may use.

# The AWS Lambda runtime of every function and layer (docs/adr/0001-lambda-python-runtime.md).
LAMBDA_RUNTIME = "python3.13"
