// The API's TypeScript types, generated from docs/api/openapi.json by openapi-typescript into
// src/lib/api-schema.ts (committed). `--check` generates into a temporary file instead and fails,
// showing the difference, when the committed file is not what the OpenAPI document gives today.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { frontend, root } from "../e2e/server.mjs";

const spec = join(root, "docs/api/openapi.json");
const committed = join(frontend, "src/lib/api-schema.ts");

function generate(output) {
  execFileSync("npx", ["--no-install", "openapi-typescript", spec, "--output", output], {
    cwd: frontend,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

if (process.argv.includes("--check")) {
  const scratch = mkdtempSync(join(tmpdir(), "tucoach-api-types-"));
  try {
    const fresh = join(scratch, "api-schema.ts");
    generate(fresh);
    if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
      let difference = "";
      try {
        execFileSync("diff", ["-u", committed, fresh], { encoding: "utf8" });
      } catch (error) {
        difference = error.stdout;
      }
      console.error(
        `${relative(root, committed)} is stale: it is not what ${relative(root, spec)} gives.\n` +
          `Run \`npm run api-types\` in frontend/ and commit the result.\n${difference}`,
      );
      process.exitCode = 1;
    } else {
      console.log(`${relative(root, committed)} matches ${relative(root, spec)}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
} else {
  generate(committed);
}
