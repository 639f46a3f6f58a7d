// Prints the initial JavaScript of the built app, gzipped (goal: at most 120 KB), and a
// Lighthouse performance score of its first page in headless Chromium (goal: at least 90).
// `npm run perf` starts the local server itself; `npm run perf -- http://127.0.0.1:8000` measures
// a running one.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { CHROMIUM, CHROMIUM_FLAGS, frontend, startServer } from "../e2e/server.mjs";

export const BUNDLE_GOAL_KB = 120;
export const LIGHTHOUSE_GOAL = 90;

/** The scripts index.html loads at once (entry and modulepreloads), gzipped, in KB. */
export function initialJsKb(dist = join(frontend, "dist")) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
    0,
  );
  return { files, kb: bytes / 1024 };
}

// Lighthouse's trace errors (NO_NAVSTART, NO_FCP, ...) end in "Please run Lighthouse again": they
// come from Chromium's tracing on a loaded machine, not from the page, so such a run is repeated,
// up to three runs in all. Any other failure, or the third, stands.
const LIGHTHOUSE_RUNS = 3;

/** Lighthouse's performance score (0-100) of `url`, with its default mobile throttling. */
export async function lighthouseScore(url) {
  for (let run = 1; ; run += 1) {
    try {
      return await lighthouseRun(url);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (run === LIGHTHOUSE_RUNS || !/run Lighthouse again/i.test(message)) throw error;
      const reason = /\(([A-Z_]+)\)/.exec(message)?.[1] ?? "a trace error";
      console.log(`Lighthouse: ${reason}; running it again (${run + 1} of ${LIGHTHOUSE_RUNS})`);
    }
  }
}

async function lighthouseRun(url) {
  const bin = join(frontend, "node_modules/.bin/lighthouse");
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      "--only-categories=performance",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--chrome-flags=${CHROMIUM_FLAGS.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout);
  const metric = (id) => result.audits[id]?.displayValue ?? "?";
  return {
    score: Math.round(result.categories.performance.score * 100),
    details: `FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`,
  };
}

export async function printPerformance(url) {
  const { kb, files } = initialJsKb();
  console.log(
    `initial JavaScript: ${kb.toFixed(1)} KB gzipped (${files.join(", ")}; goal <= ${BUNDLE_GOAL_KB} KB)`,
  );
  const { score, details } = await lighthouseScore(url);
  console.log(`Lighthouse performance: ${score} (${details}; goal >= ${LIGHTHOUSE_GOAL})`);
  return { kb, score };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const given = process.argv[2];
  const server = given ? null : await startServer();
  try {
    await printPerformance(`${given ?? server.url}/`);
  } finally {
    await server?.stop();
  }
}
