"""Asserts the wiring of a stack that build-support/localstack-e2e.sh applied, with boto3.

Run by that script (in moto's virtualenv, which has boto3), with the emulators' URLs in
E2E_* variables. The table's expected shape is read from tucoach_repository/schema.py's
constants (parsed, not imported: this virtualenv does not have our packages' dependencies), the
routes from docs/api/openapi.json. Prints one line per check; exits non-zero on the first failure.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, cast
from xml.etree import ElementTree

import boto3

HTTP_METHODS = {"get", "put", "post", "delete", "patch"}
TABLE_ACTIONS = {
    "dynamodb:BatchWriteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
}


def client(service: str, url_variable: str) -> Any:
    # The service name is a variable: boto3's typed overloads want a literal.
    return cast(Any, boto3).client(
        service, endpoint_url=os.environ[url_variable], region_name="us-east-1"
    )


# (name, outcome, message) of every check, for the JUnit report bin/test's tally counts.
RESULTS: list[tuple[str, str, str]] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"FAILED: {message}")
        RESULTS.append((message, "failed", message))
        write_junit()
        sys.exit(1)
    RESULTS.append((message, "passed", ""))
    print(f"ok: {message}")


def skip(name: str, reason: str) -> None:
    RESULTS.append((name, "skipped", reason))
    print(f"SKIPPED: {name}: {reason}")


def write_junit() -> None:
    """One test case per check in E2E_JUNIT (when set), skips with their reasons."""
    path = os.environ.get("E2E_JUNIT")
    if not path:
        return
    suite = ElementTree.Element(
        "testsuite",
        name="localstack-e2e",
        tests=str(len(RESULTS)),
        failures=str(sum(outcome == "failed" for _, outcome, _ in RESULTS)),
        errors="0",
        skipped=str(sum(outcome == "skipped" for _, outcome, _ in RESULTS)),
    )
    for name, outcome, message in RESULTS:
        case = ElementTree.SubElement(suite, "testcase", classname="localstack-e2e", name=name)
        if outcome != "passed":
            ElementTree.SubElement(
                case, outcome if outcome == "skipped" else "failure", message=message
            )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(suite).write(path, encoding="unicode", xml_declaration=True)


def schema_constants() -> dict[str, Any]:
    tree = ast.parse(Path("packages/repository/src/tucoach_repository/schema.py").read_text())
    constants: dict[str, Any] = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and value is not None:
            with contextlib.suppress(ValueError):
                constants[target.id] = ast.literal_eval(value)
    return constants


def openapi_routes() -> dict[str, bool]:
    document = json.loads(Path("docs/api/openapi.json").read_text())
    return {
        f"{method.upper()} {path}": operation.get("security") == [{}]
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method in HTTP_METHODS
    }


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def check_table(outputs: dict[str, Any], schema: dict[str, Any]) -> str:
    """DynamoDB: the table as the repository package defines it"""
    dynamodb = client("dynamodb", "E2E_DYNAMODB_URL")
    table = dynamodb.describe_table(TableName=outputs["table_name"])["Table"]
    check(
        outputs["table_name"] == schema["TABLE_NAME_FORMAT"].format(environment="e2e"), "table name"
    )
    keys = {k["KeyType"]: k["AttributeName"] for k in table["KeySchema"]}
    check(keys == {"HASH": "partition_key", "RANGE": "sort_key"}, f"table keys {keys}")
    (index,) = table["GlobalSecondaryIndexes"]
    index_keys = {k["KeyType"]: k["AttributeName"] for k in index["KeySchema"]}
    check(index["IndexName"] == schema["USER_INTERVIEWS_INDEX"], f"index {index['IndexName']}")
    check(
        index_keys
        == {
            "HASH": schema["USER_INTERVIEWS_PARTITION_KEY"],
            "RANGE": schema["USER_INTERVIEWS_SORT_KEY"],
        },
        f"index keys {index_keys}",
    )
    check(
        sorted(index["Projection"]["NonKeyAttributes"]) == sorted(schema["SUMMARY_ATTRIBUTES"]),
        "index projects the summary attributes",
    )
    ttl = dynamodb.describe_time_to_live(TableName=outputs["table_name"])["TimeToLiveDescription"]
    check(
        ttl.get("AttributeName") == schema["TIME_TO_LIVE_ATTRIBUTE"],
        f"time to live on {ttl.get('AttributeName')}",
    )
    table_arn = table["TableArn"]
    return str(table_arn)


def check_function(outputs: dict[str, Any]) -> dict[str, Any]:
    """Lambda: the function, its layers, its role"""
    lambda_ = client("lambda", "E2E_LAMBDA_URL")
    function = lambda_.get_function(FunctionName=outputs["interviews_function_name"])[
        "Configuration"
    ]
    check(function["Handler"] == "lambda_function.handler", "handler lambda_function.handler")
    layer_names = sorted(layer["Arn"].split(":")[-2] for layer in function.get("Layers", []))
    check(
        layer_names == ["tucoach-e2e-interviews-dependencies", "tucoach-e2e-tucoach-packages"],
        f"layers attached {layer_names}",
    )
    variables = function["Environment"]["Variables"]
    check(variables["TABLE_NAME"] == outputs["table_name"], "TABLE_NAME is the table")
    code_size = function.get("CodeSize", 0)
    check(
        code_size == Path("dist/functions/interviews.zip").stat().st_size,
        f"the real artifact ({code_size} bytes)",
    )
    return dict(function)


def check_role(function: dict[str, Any], table_arn: str, schema: dict[str, Any]) -> None:
    """IAM: exactly the table's actions, on the table and its index; no wildcard"""
    iam = client("iam", "E2E_IAM_URL")
    role_name = function["Role"].split("/")[-1]
    document = iam.get_role_policy(RoleName=role_name, PolicyName="interviews")["PolicyDocument"]
    if isinstance(document, str):
        document = json.loads(document)
    statements = {s["Sid"]: s for s in document["Statement"]}
    check(set(as_list(statements["Table"]["Action"])) == TABLE_ACTIONS, "table actions exactly")
    check(as_list(statements["Table"]["Resource"]) == [table_arn], "on the table's ARN")
    check(
        as_list(statements["UserInterviewsIndex"]["Resource"])
        == [f"{table_arn}/index/{schema['USER_INTERVIEWS_INDEX']}"],
        "Query on the named index",
    )
    for sid, statement in statements.items():
        check(all("*" not in a for a in as_list(statement["Action"])), f"{sid}: no wildcard action")
        resources = as_list(statement["Resource"])
        if sid == "XRay":
            check(resources == ["*"], "XRay: '*' (X-Ray has no resource-level permissions)")
        elif sid == "Logs":
            check(
                all(
                    r.endswith(":log-stream:*") and ":log-group:/aws/lambda/" in r
                    for r in resources
                ),
                "Logs: own group's streams",
            )
        else:
            check(all("*" not in r for r in resources), f"{sid}: no wildcard resource")
    check(
        not [sid for sid in statements if sid.startswith("Bedrock")],
        "no Bedrock permission with the offline coach",
    )


def check_cognito(outputs: dict[str, Any]) -> str:
    """Cognito: the user pool and the web client"""
    cognito = client("cognito-idp", "E2E_COGNITO_URL")
    pool_id = outputs["cognito_user_pool_id"]
    web = cognito.describe_user_pool_client(
        UserPoolId=pool_id, ClientId=outputs["cognito_user_pool_client_id"]
    )["UserPoolClient"]
    check("ClientSecret" not in web, "web client has no secret (PKCE)")
    check(web.get("AllowedOAuthFlows") == ["code"], "code flow")
    check(
        outputs["app_callback_url"] in web.get("CallbackURLs", []),
        f"the app's redirect_uri {outputs['app_callback_url']} is an allowed callback URL",
    )
    check(
        outputs["app_signed_out_url"] in web.get("LogoutURLs", []),
        "the app's sign-out URL is an allowed logout URL",
    )
    pool_arn = cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Arn"]
    return str(pool_arn)


def stage_name(outputs: dict[str, Any]) -> str:
    """The API's stage: the last segment of its URL (infra/outputs.tf, api_stage_url)."""
    return str(outputs["api_stage_url"]).rstrip("/").rsplit("/", 1)[1]


def check_api(
    outputs: dict[str, Any], routes: dict[str, bool], function: dict[str, Any], pool_arn: str
) -> None:
    """API Gateway: every route -> the function, the authorizer on the private ones"""
    apigateway = client("apigateway", "E2E_APIGATEWAY_URL")
    api_id = outputs["rest_api_id"]
    (authorizer,) = apigateway.get_authorizers(restApiId=api_id)["items"]
    check(authorizer["type"] == "COGNITO_USER_POOLS", "Cognito authorizer")
    check(authorizer["providerARNs"] == [pool_arn], "authorizer on the user pool")
    resources = {
        r["path"]: r
        for r in apigateway.get_resources(restApiId=api_id, limit=500, embed=["methods"])["items"]
    }
    for key, public in routes.items():
        method, path = key.split(" ")
        check(
            path in resources and method in resources[path].get("resourceMethods", {}),
            f"{key} exists",
        )
        got = apigateway.get_method(
            restApiId=api_id, resourceId=resources[path]["id"], httpMethod=method
        )
        if public:
            check(got["authorizationType"] == "NONE", f"{key} is public")
        else:
            check(
                got["authorizationType"] == "COGNITO_USER_POOLS"
                and got.get("authorizerId") == authorizer["id"],
                f"{key} behind the authorizer",
            )
        integration = got["methodIntegration"]
        check(
            integration["type"] == "AWS_PROXY" and function["FunctionArn"] in integration["uri"],
            f"{key} -> the function (proxy)",
        )
    stage = apigateway.get_stage(restApiId=api_id, stageName=stage_name(outputs))
    settings = stage.get("methodSettings", {}).get("*/*", {})
    check(
        settings.get("throttlingRateLimit", 0) > 0 and settings.get("throttlingBurstLimit", 0) > 0,
        f"stage throttling {settings}",
    )
    check("destinationArn" in stage.get("accessLogSettings", {}), "stage access logs")
    responses = {
        r["responseType"]
        for r in apigateway.get_gateway_responses(restApiId=api_id)["items"]
        if r.get("responseTemplates")
    }
    check(
        {"DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED"} <= responses,
        "gateway responses in the error shape",
    )


def check_logs_and_alarms(outputs: dict[str, Any]) -> None:
    """Logs and alarms"""
    logs = client("logs", "E2E_LOGS_URL")
    groups = {
        g["logGroupName"]: g
        for g in logs.describe_log_groups(logGroupNamePrefix="/aws/")["logGroups"]
    }
    for name in ("/aws/lambda/tucoach-e2e-interviews", "/aws/apigateway/tucoach-e2e-api/access"):
        check(
            name in groups and groups[name].get("retentionInDays", 0) > 0,
            f"log group {name} with retention",
        )
    # API Gateway's execution logs: Terraform's group, with retention, not one AWS creates later
    execution = f"API-Gateway-Execution-Logs_{outputs['rest_api_id']}/{stage_name(outputs)}"
    found = logs.describe_log_groups(logGroupNamePrefix=execution)["logGroups"]
    names = [group["logGroupName"] for group in found]
    check(
        names == [execution] and found[0].get("retentionInDays", 0) > 0,
        f"log group {execution} with retention",
    )
    cloudwatch = client("cloudwatch", "E2E_CLOUDWATCH_URL")
    alarms = {
        a["AlarmName"].removeprefix("tucoach-e2e-"): a
        for a in cloudwatch.describe_alarms(AlarmNamePrefix="tucoach-e2e-")["MetricAlarms"]
    }
    check(
        {
            "api-5xx-rate",
            "lambda-errors",
            "lambda-throttles",
            "lambda-p99-duration",
            "dynamodb-read-throttles",
            "dynamodb-write-throttles",
            "dynamodb-system-errors",
        }
        <= set(alarms),
        f"alarms {sorted(alarms)}",
    )
    topic_arn = outputs["alarm_topic_arn"]
    sns = client("sns", "E2E_SNS_URL")
    check(
        sns.get_topic_attributes(TopicArn=topic_arn)["Attributes"]["TopicArn"] == topic_arn,
        "the alarm topic exists",
    )
    check(
        all(
            a.get("AlarmActions") == [topic_arn] and a.get("OKActions") == [topic_arn]
            for a in alarms.values()
        ),
        "every alarm notifies the topic when it fires and when it clears",
    )
    check(
        bool(cloudwatch.get_dashboard(DashboardName=outputs["dashboard_name"])["DashboardBody"]),
        "dashboard",
    )


def check_account(account_outputs: dict[str, Any]) -> None:
    """The account stack: API Gateway's CloudWatch role, set once for every environment"""
    apigateway = client("apigateway", "E2E_APIGATEWAY_URL")
    role_arn = account_outputs["api_gateway_cloudwatch_role_arn"]
    check(
        apigateway.get_account().get("cloudwatchRoleArn") == role_arn,
        "API Gateway's account logs through infra/account's role",
    )


def check_requests(outputs: dict[str, Any]) -> None:
    """Requests through API Gateway -> Lambda -> DynamoDB, where Lambda can run code"""
    api_id = outputs["rest_api_id"]
    if os.environ.get("E2E_WITH_DOCKER") == "1":
        stage = stage_name(outputs)
        url = f"{os.environ['E2E_APIGATEWAY_URL']}/restapis/{api_id}/{stage}/_user_request_/catalog"
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (our emulator)
            body = json.loads(response.read())
        check(
            response.status == 200 and "roles" in json.dumps(body),
            "GET /catalog through API Gateway -> Lambda",
        )
        skip(
            "signed-in routes over HTTP",
            "LocalStack's free edition neither emulates Cognito nor validates its tokens, so a "
            "private route's answer there says nothing about the authorizer; the wiring is "
            "asserted instead",
        )
    else:
        skip(
            "HTTP requests through API Gateway -> Lambda -> DynamoDB",
            "without Docker, Lambda cannot run the function's code here (moto only echoes); "
            "CI's LocalStack job runs them",
        )


def read_outputs(variable: str) -> dict[str, Any]:
    """`terraform output -json` of a stack, from the file the variable names."""
    document = json.loads(Path(os.environ[variable]).read_text())
    return {name: output["value"] for name, output in document.items()}


def main() -> None:
    outputs = read_outputs("E2E_OUTPUTS")
    check_account(read_outputs("E2E_ACCOUNT_OUTPUTS"))
    schema = schema_constants()
    table_arn = check_table(outputs, schema)
    function = check_function(outputs)
    check_role(function, table_arn, schema)
    pool_arn = check_cognito(outputs)
    check_api(outputs, openapi_routes(), function, pool_arn)
    check_logs_and_alarms(outputs)
    check_requests(outputs)
    # Steps the shell script could not run here, one "name: reason" a line.
    for line in os.environ.get("E2E_SKIPPED", "").splitlines():
        name, _, reason = line.partition(": ")
        skip(name, reason)
    write_junit()


if __name__ == "__main__":
    main()
