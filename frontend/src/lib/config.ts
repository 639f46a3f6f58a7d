// The app's settings. One build serves every environment: the deployment's settings come at run
// time from /config.json (written by infra/, Terraform's `aws_s3_object.frontend_config`), read
// once by `loadConfig` before the app renders. Without that file (`bin/run`, `npm run dev`) the
// defaults apply: the app, the API and its OIDC provider on one origin.
// infra/sign_in_paths.json, inlined by vite.config.ts: the paths Cognito's app client allows.
declare const __SIGN_IN_PATHS__: { callback: string; signed_out: string };
const origin = window.location.origin;

/** The settings /config.json may set, each a string. */
export const RUNTIME_SETTINGS = [
  "apiBaseUrl",
  "oidcAuthority",
  "oidcClientId",
  "oidcLogoutUrl",
] as const;
type RuntimeSetting = (typeof RUNTIME_SETTINGS)[number];

export const config: Record<RuntimeSetting, string> & {
  callbackPath: string;
  redirectUri: string;
  postLogoutUri: string;
} = {
  apiBaseUrl: "/api",
  oidcAuthority: `${origin}/oidc`,
  oidcClientId: "tucoach-local",
  // Cognito's discovery document has no end_session_endpoint: its hosted UI logs out at
  // https://<domain>/logout?client_id=...&logout_uri=..., which this setting names. Empty: the
  // provider's end_session_endpoint.
  oidcLogoutUrl: "",
  callbackPath: __SIGN_IN_PATHS__.callback,
  redirectUri: `${origin}${__SIGN_IN_PATHS__.callback}`,
  postLogoutUri: `${origin}${__SIGN_IN_PATHS__.signed_out}`,
};

export const CONFIG_URL = "/config.json";

/** /config.json exists but cannot be used: the app must not start with settings it guessed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`${CONFIG_URL}: ${message}`);
    this.name = "ConfigError";
  }
}

/**
 * The settings /config.json overrides; none when it is missing. "Missing" is a 404, or an HTML
 * page: `bin/run`, Vite's dev server and CloudFront all answer an unknown path with the app's
 * index.html. Anything else that is not a JSON object of known string settings is a ConfigError.
 */
export async function fetchRuntimeSettings(
  fetcher: typeof fetch = fetch,
): Promise<Partial<Record<RuntimeSetting, string>>> {
  let response: Response;
  try {
    response = await fetcher(CONFIG_URL, {
      headers: { Accept: "application/json" },
      cache: "no-cache",
    });
  } catch (error) {
    throw new ConfigError(`could not be fetched (${String(error)})`);
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (response.status === 404 || (response.ok && type.startsWith("text/html"))) return {};
  if (!response.ok) throw new ConfigError(`the server answered ${response.status}`);
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    throw new ConfigError("is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ConfigError("is not a JSON object");
  }
  const settings: Partial<Record<RuntimeSetting, string>> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(RUNTIME_SETTINGS as readonly string[]).includes(name)) {
      throw new ConfigError(`unknown setting "${name}"`);
    }
    if (typeof value !== "string") throw new ConfigError(`"${name}" is not a string`);
    settings[name as RuntimeSetting] = value;
  }
  return settings;
}

/** Applies /config.json to `config`; call once, before the app renders. */
export async function loadConfig(fetcher: typeof fetch = fetch): Promise<void> {
  Object.assign(config, await fetchRuntimeSettings(fetcher));
}
