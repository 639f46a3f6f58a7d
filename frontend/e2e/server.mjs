// Starts `bin/run` (the local server: API, OIDC sign-in, the built app) on a free port with an
// in-memory database, and stops it with everything it started.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const frontend = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const root = resolve(frontend, "..");
// Where the end-to-end run saves a screenshot of each page (not committed).
export const SCREENSHOTS = join(frontend, "test-results/pages");

// Without the networking flags Chromium keeps calling Google's hosts, which this network refuses.
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";

/**
 * Resolves to `{url, stop}` once the server prints its URL.
 * @returns {Promise<{ url: string; stop: () => Promise<void> }>}
 */
export async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), "tucoach-e2e-"));
  // Its own process group, so that stopping it reaches the Pants client and the server alike.
  const server = spawn(
    join(root, "bin/run"),
    ["--port", "0", "--in-memory", "--data-dir", dataDir, "--web-dir", join(frontend, "dist")],
    { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise((ok) => server.on("exit", ok));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      // Ctrl-C, as a person stops it: Pants passes it on and the server stops DynamoDB Local.
      process.kill(-server.pid, "SIGINT");
      const late = new Promise((ok) => setTimeout(() => ok("late"), 20_000));
      if ((await Promise.race([exited, late])) === "late") process.kill(-server.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = "";
  try {
    const url = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL after 600 s:\n${output}`)), 600_000);
      const read = (chunk) => {
        output += chunk;
        const found = /running at (http:\/\/[^\s/]+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          ok(found[1]);
        }
      };
      server.stdout.on("data", read);
      server.stderr.on("data", read);
      void exited.then((code) => fail(new Error(`bin/run exited with ${code}:\n${output}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
