/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
// The callback and sign-out paths Cognito's app client allows (infra/main.tf reads the same file).
import signInPaths from "../infra/sign_in_paths.json" with { type: "json" };

export default defineConfig({
  plugins: [react()],
  define: { __SIGN_IN_PATHS__: JSON.stringify(signInPaths) },
  build: { target: "es2022", sourcemap: false },
  // `npm run dev` proxies the API and the sign-in to a running `bin/run` (port 8000).
  server: {
    proxy: { "/api": "http://127.0.0.1:8000", "/oidc": "http://127.0.0.1:8000" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    reporters: ["default", "junit"],
    outputFile: { junit: "../dist/test/reports/frontend-vitest.xml" },
  },
});
