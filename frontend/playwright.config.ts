// The end-to-end run (`npm run e2e`): the built app in Debian's headless Chromium against the real
// local server (API, OIDC sign-in, the app from dist/), which e2e/global-setup.ts starts once and
// stops at the end. Playwright never downloads a browser here: it drives /usr/bin/chromium.
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS, frontend, root } from "./e2e/server.mjs";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // One server and one journey whose steps build on each other: one worker, in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  // Playwright's own output (a trace of a failed step); the pages' screenshots sit beside it.
  outputDir: join(frontend, "test-results/playwright"),
  reporter: [["list"], ["junit", { outputFile: join(root, "dist/test/reports/frontend-e2e.xml") }]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    acceptDownloads: true,
    viewport: { width: 1100, height: 800 },
    actionTimeout: 20_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
  },
  expect: { timeout: 20_000 },
});
