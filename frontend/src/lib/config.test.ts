import { vi } from "vitest";
import { CONFIG_URL, ConfigError, config, fetchRuntimeSettings, loadConfig } from "./config";

const defaults = { ...config };

function answering(status: number, body: string, contentType = "application/json") {
  return vi.fn<typeof fetch>(() =>
    Promise.resolve(new Response(body, { status, headers: { "Content-Type": contentType } })),
  );
}

const deployed = {
  apiBaseUrl: "https://abc123.execute-api.eu-west-1.amazonaws.com/v1",
  oidcAuthority: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool",
  oidcClientId: "client-1",
  oidcLogoutUrl:
    "https://tucoach.auth.eu-west-1.amazoncognito.com/logout?client_id=client-1&logout_uri=https%3A%2F%2Fapp.example%2F",
};

describe("loadConfig", () => {
  afterEach(() => {
    Object.assign(config, defaults);
  });

  it("keeps the same-origin defaults when there is no config.json (404)", async () => {
    const fetcher = answering(404, "not found", "text/plain");

    await loadConfig(fetcher);

    expect(fetcher).toHaveBeenCalledWith(CONFIG_URL, expect.anything());
    expect(config).toEqual(defaults);
    expect(config.apiBaseUrl).toBe("/api");
    expect(config.oidcAuthority).toBe(`${window.location.origin}/oidc`);
    expect(config.oidcClientId).toBe("tucoach-local");
    expect(config.oidcLogoutUrl).toBe("");
  });

  it("keeps the defaults when the server answers with the app's page instead (SPA fallback)", async () => {
    await loadConfig(
      answering(200, "<!doctype html><title>TuCoach</title>", "text/html; charset=utf-8"),
    );

    expect(config).toEqual(defaults);
  });

  it("takes the deployment's settings from config.json, and keeps the sign-in paths", async () => {
    await loadConfig(answering(200, JSON.stringify(deployed)));

    expect(config).toEqual({ ...defaults, ...deployed });
    expect(config.redirectUri).toBe(defaults.redirectUri);
  });

  it("overrides only the settings config.json names", async () => {
    await loadConfig(answering(200, JSON.stringify({ apiBaseUrl: "https://api.example/v1" })));

    expect(config).toEqual({ ...defaults, apiBaseUrl: "https://api.example/v1" });
  });

  it.each([
    ["not JSON", "{apiBaseUrl: ", /is not valid JSON/],
    ["not an object", JSON.stringify(["https://api.example"]), /is not a JSON object/],
    [
      "an unknown setting",
      JSON.stringify({ apiBaseURL: "https://api.example" }),
      /unknown setting "apiBaseURL"/,
    ],
    [
      "a setting that is not a string",
      JSON.stringify({ oidcClientId: 42 }),
      /"oidcClientId" is not a string/,
    ],
  ])("refuses a config.json that is %s, changing nothing", async (_, body, message) => {
    await expect(loadConfig(answering(200, body))).rejects.toThrow(message);
    await expect(fetchRuntimeSettings(answering(200, body))).rejects.toBeInstanceOf(ConfigError);
    expect(config).toEqual(defaults);
  });

  it("refuses to start on a server error rather than guess", async () => {
    await expect(loadConfig(answering(503, "busy", "text/plain"))).rejects.toThrow(
      "/config.json: the server answered 503",
    );
  });

  it("refuses to start when config.json cannot be fetched", async () => {
    const offline = vi.fn<typeof fetch>(() => Promise.reject(new TypeError("Failed to fetch")));

    await expect(loadConfig(offline)).rejects.toThrow(/could not be fetched/);
  });
});
