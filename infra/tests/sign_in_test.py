"""Sign-in: the redirect URIs the web app sends are the ones Cognito's app client allows.

The app builds them in frontend/src/lib/config.ts from its origin and infra/sign_in_paths.json
(inlined by frontend/vite.config.ts); the client's callback and sign-out URLs come from the same
file (infra/main.tf). Here config.ts's template is evaluated with the planned origin and checked
against the planned client, so an app that sent a URI Cognito refuses (redirect_mismatch) fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from terraform_plan import FRONTEND_ORIGIN, Plan

CONFIG_TS = Path("frontend/src/lib/config.ts")
VITE_CONFIG = Path("frontend/vite.config.ts")
SIGN_IN_PATHS = Path("infra/sign_in_paths.json")


def _app_uri(setting: str) -> str:
    """The URI config.ts builds for `setting`, for an app served at FRONTEND_ORIGIN."""
    match = re.search(rf"^\s*{setting}: `([^`]*)`,$", CONFIG_TS.read_text(), re.MULTILINE)
    assert match, f"{setting} is no longer a template literal in {CONFIG_TS}"
    paths: dict[str, str] = json.loads(SIGN_IN_PATHS.read_text())
    values: dict[str, str] = {"origin": FRONTEND_ORIGIN} | {
        f"__SIGN_IN_PATHS__.{name}": path for name, path in paths.items()
    }

    def substitute(expression: re.Match[str]) -> str:
        name = expression.group(1)
        assert name in values, f"{CONFIG_TS} builds {setting} from ${{{name}}}"
        return values[name]

    return re.sub(r"\$\{([^}]+)\}", substitute, match.group(1))


def test_the_app_inlines_the_shared_paths_at_build_time() -> None:
    vite = VITE_CONFIG.read_text()
    assert 'import signInPaths from "../infra/sign_in_paths.json" with { type: "json" };' in vite
    assert "__SIGN_IN_PATHS__: JSON.stringify(signInPaths)" in vite


def test_the_apps_redirect_uri_is_a_callback_url_cognito_allows(plan: Plan) -> None:
    client = plan.one("aws_cognito_user_pool_client", "web").values

    assert _app_uri("redirectUri") == f"{FRONTEND_ORIGIN}/callback"
    assert _app_uri("redirectUri") in client["callback_urls"]


def test_the_apps_sign_out_uri_is_a_logout_url_cognito_allows(plan: Plan) -> None:
    client = plan.one("aws_cognito_user_pool_client", "web").values

    assert _app_uri("postLogoutUri") in client["logout_urls"]


def test_the_outputs_the_app_is_published_with_are_the_allowed_urls(plan: Plan) -> None:
    client = plan.one("aws_cognito_user_pool_client", "web").values
    outputs = plan.raw["planned_values"]["outputs"]

    assert outputs["app_callback_url"]["value"] == _app_uri("redirectUri")
    assert outputs["app_signed_out_url"]["value"] == _app_uri("postLogoutUri")
    assert outputs["app_callback_url"]["value"] in client["callback_urls"]


def test_extra_origins_get_the_same_paths_and_nothing_else(plan: Plan) -> None:
    client = plan.one("aws_cognito_user_pool_client", "web").values
    origins = [FRONTEND_ORIGIN, *plan.raw["variables"]["cognito_extra_app_origins"]["value"]]
    paths = json.loads(SIGN_IN_PATHS.read_text())

    assert client["callback_urls"] == [f"{origin}{paths['callback']}" for origin in origins]
    assert client["logout_urls"] == [f"{origin}{paths['signed_out']}" for origin in origins]


# Cognito's rule for redirect URIs (CreateUserPoolClient, CallbackURLs and LogoutURLs): absolute,
# no fragment, and HTTPS except http://localhost. moto accepts anything, so it is checked here.
# https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
_COGNITO_REDIRECT = re.compile(r"^(https://[^/#\s]+|http://localhost(:\d+)?)/[^#\s]*$")


def test_every_allowed_url_is_one_cognito_accepts(plan: Plan) -> None:
    # Given the planned web client
    client = plan.one("aws_cognito_user_pool_client", "web").values
    # Then each callback and sign-out URL is absolute, HTTPS (or localhost), with no fragment
    for url in [*client["callback_urls"], *client["logout_urls"]]:
        assert _COGNITO_REDIRECT.match(url), url
