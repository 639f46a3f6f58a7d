"""The smoke test's Cognito app client (infra/cognito_smoke.tf): where it exists, what it allows."""

from __future__ import annotations

from terraform_plan import Plan


def test_the_smoke_client_exists_outside_prod_only(plan: Plan) -> None:
    clients = plan.resources("aws_cognito_user_pool_client", "smoke")
    expected = 0 if plan.environment == "prod" else 1
    assert len(clients) == expected


def test_the_smoke_client_signs_in_only_through_the_admin_api(plan: Plan) -> None:
    for client in plan.resources("aws_cognito_user_pool_client", "smoke"):
        # Then a password sign-in needs IAM credentials (AdminInitiateAuth): none from the internet
        assert sorted(client.values["explicit_auth_flows"]) == [
            "ALLOW_ADMIN_USER_PASSWORD_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH",
        ]
        # And it has no OAuth flow, no callback URL and no secret to keep
        assert client.values["allowed_oauth_flows_user_pool_client"] is False
        assert not client.values.get("allowed_oauth_flows")
        assert not client.values.get("callback_urls")
        assert client.values["generate_secret"] is False
        # And its tokens live minutes
        assert client.values["id_token_validity"] == 5
        assert client.values["token_validity_units"][0]["id_token"] == "minutes"


def test_the_web_client_keeps_the_hosted_ui_code_flow_only(plan: Plan) -> None:
    # The smoke client is why the web app's client needs no password flow
    web = plan.one("aws_cognito_user_pool_client", "web")
    assert web.values["explicit_auth_flows"] == ["ALLOW_REFRESH_TOKEN_AUTH"]
