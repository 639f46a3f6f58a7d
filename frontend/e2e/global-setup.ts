// Starts `bin/run` once for the whole run (its URL goes to the tests in TUCOACH_E2E_URL) and
// returns the teardown that stops it.
import { mkdirSync, rmSync } from "node:fs";
import { SCREENSHOTS, startServer } from "./server.mjs";

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startServer();
  console.log(`server at ${server.url}`);
  process.env.TUCOACH_E2E_URL = server.url;
  return server.stop;
}
