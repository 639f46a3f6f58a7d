// Build-time settings (Vite inlines VITE_* variables); defaults suit `bin/run`, which serves the
// app, the API and its OIDC provider on one origin.
const env = import.meta.env;
// infra/sign_in_paths.json, inlined by vite.config.ts: the paths Cognito's app client allows.
declare const __SIGN_IN_PATHS__: { callback: string; signed_out: string };
const origin = window.location.origin;

export const config = {
  apiBaseUrl: (env.VITE_API_BASE_URL as string | undefined) || "/api",
  oidcAuthority: (env.VITE_OIDC_AUTHORITY as string | undefined) || `${origin}/oidc`,
  oidcClientId: (env.VITE_OIDC_CLIENT_ID as string | undefined) || "tucoach-local",
  // Cognito's discovery document has no end_session_endpoint: its hosted UI logs out at
  // https://<domain>/logout?client_id=...&logout_uri=..., which this setting names.
  oidcLogoutUrl: (env.VITE_OIDC_LOGOUT_URL as string | undefined) || "",
  callbackPath: __SIGN_IN_PATHS__.callback,
  redirectUri: `${origin}${__SIGN_IN_PATHS__.callback}`,
  postLogoutUri: `${origin}${__SIGN_IN_PATHS__.signed_out}`,
};
