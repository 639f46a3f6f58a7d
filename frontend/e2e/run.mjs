// End-to-end test of the built app in Debian's headless Chromium, against the real local
// server (API, OIDC sign-in, the app from frontend/dist), started here and stopped at the end.
// Each step is a JUnit test case in dist/test/reports/frontend-e2e.xml; every page is checked
// with axe-core (any violation fails) and photographed into frontend/test-results/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { CHROMIUM, CHROMIUM_FLAGS, frontend, root, startServer } from "./server.mjs";
import { BUNDLE_GOAL_KB, printPerformance } from "../scripts/perf.mjs";

const results = join(frontend, "test-results");
const report = join(root, "dist/test/reports/frontend-e2e.xml");

const cases = [];
let failed = false;
async function step(name, body) {
  const started = Date.now();
  if (failed) {
    cases.push({ name, seconds: 0, skipped: true });
    console.log(`- skip ${name}`);
    return;
  }
  try {
    await body();
    cases.push({ name, seconds: (Date.now() - started) / 1000 });
    console.log(`ok   ${name}`);
  } catch (error) {
    failed = true;
    cases.push({ name, seconds: (Date.now() - started) / 1000, error });
    console.log(`FAIL ${name}\n${error?.stack ?? error}`);
  }
}

function writeReport() {
  const escape = (text) =>
    String(text).replace(
      /[<>&"]/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c],
    );
  const body = cases
    .map(({ name, seconds, skipped, error }) => {
      const inner = skipped
        ? '<skipped message="an earlier end-to-end step failed"/>'
        : error
          ? `<failure message="${escape(error.message ?? error)}">${escape(error.stack ?? "")}</failure>`
          : "";
      return `  <testcase classname="frontend.e2e" name="${escape(name)}" time="${seconds}">${inner}</testcase>`;
    })
    .join("\n");
  const failures = cases.filter((c) => c.error).length;
  const skipped = cases.filter((c) => c.skipped).length;
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(
    report,
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n<testsuite name="frontend-e2e" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${body}\n</testsuite>\n</testsuites>\n`,
  );
}

async function checkPage(page, name) {
  await page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  if (violations.length) {
    const text = violations
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
      )
      .join("\n  ");
    throw new Error(`axe found ${violations.length} violation(s) on ${name}:\n  ${text}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  let server;
  let browser;
  try {
    server = await startServer();
    const base = server.url;
    console.log(`server at ${base}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1100, height: 800 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const consoleErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));

    await step("the start page asks to sign in", async () => {
      await page.goto(base);
      await page.getByRole("heading", { name: "Practise technical interviews" }).waitFor();
      await checkPage(page, "01-login");
    });

    await step("sign in through the OIDC provider (code + PKCE)", async () => {
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByLabel("Email address").fill("e2e@example.com");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "New interview" }).waitFor();
      expect(new URL(page.url()).pathname === "/", `after sign-in at ${page.url()}`);
      await page.getByText("e2e@example.com").waitFor();
    });

    await step("the new-interview page", async () => {
      await page.getByRole("radio", { name: "Backend" }).waitFor();
      await checkPage(page, "02-start");
    });

    await step("start an interview of 3 questions", async () => {
      await page.getByRole("radio", { name: "Backend" }).check();
      await page.getByRole("radio", { name: "Junior" }).check();
      await page.getByLabel("Number of questions").selectOption("3");
      await page.getByRole("button", { name: "Start interview" }).click();
      await page.getByText("Question 1 of 3").waitFor();
      await checkPage(page, "03-question");
    });

    await step("a draft answer survives a reload", async () => {
      await page.getByLabel("Your answer").fill("A draft that must not be lost");
      await page.reload();
      await page.getByText("Question 1 of 3").waitFor();
      const kept = await page.getByLabel("Your answer").inputValue();
      expect(kept === "A draft that must not be lost", `draft after reload: ${kept}`);
    });

    await step(
      "an expired session goes to sign-in and comes back with the answer kept",
      async () => {
        await page.getByLabel("Your answer").fill("Typed before the session expired");
        // The API refuses the token once, as it does when the ID token has expired.
        const refuse = (route) =>
          route.fulfill({
            status: 401,
            contentType: "application/json",
            body: JSON.stringify({
              error: { code: "unauthorized", message: "Sign in again.", request_id: null },
            }),
          });
        await page.route("**/api/interviews/*/answers", refuse);
        await page.getByRole("button", { name: "Submit answer" }).click();
        await page.getByRole("heading", { name: "Practise technical interviews" }).waitFor();
        await page.unroute("**/api/interviews/*/answers", refuse);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByLabel("Email address").fill("e2e@example.com");
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByText("Question 1 of 3").waitFor();
        const kept = await page.getByLabel("Your answer").inputValue();
        expect(
          kept === "Typed before the session expired",
          `answer after signing in again: ${kept}`,
        );
      },
    );

    const answer =
      "I would design it with stateless services behind a load balancer, a relational database " +
      "with indexes and transactions, caching with Redis and clear invalidation, idempotent " +
      "retries, timeouts, monitoring with metrics and logs, and tests at every level.";
    let answered = 0;
    await step("answer every question, with feedback after each", async () => {
      for (let turn = 0; turn < 12; turn++) {
        await page.getByLabel("Your answer").fill(answer);
        await page.getByRole("button", { name: "Submit answer" }).click();
        await page.getByRole("heading", { name: /^Feedback:/ }).waitFor();
        answered++;
        if (turn === 0) await checkPage(page, "04-feedback");
        const finish = page.getByRole("button", { name: "Finish interview" });
        const more = page.getByRole("button", { name: /Next question|Answer the follow-up/ });
        await finish.or(more).waitFor();
        if (await finish.isVisible()) return;
        await more.click();
        await page.getByLabel("Your answer").waitFor();
      }
      throw new Error("no Finish button after 12 answers");
    });

    await step("finish: the report", async () => {
      expect(answered >= 3, `only ${answered} answers`);
      await page.getByRole("button", { name: "Finish interview" }).click();
      await page.getByRole("heading", { name: /^Your report/ }).waitFor();
      await page.getByRole("heading", { name: "Question by question" }).waitFor();
      await checkPage(page, "05-report");
    });

    await step("rate the feedback", async () => {
      await page.getByRole("radio", { name: "Yes" }).check();
      await page.getByLabel("Comment (optional)").fill("Clear and useful.");
      await page.getByRole("button", { name: "Send rating" }).click();
      await page.getByText("Thank you: your rating is saved.").waitFor();
    });

    await step("export the report as Markdown", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Export as Markdown" }).click(),
      ]);
      const file = join(results, download.suggestedFilename());
      await download.saveAs(file);
      const text = readFileSync(file, "utf8");
      expect(
        text.startsWith("# TuCoach AI report: Backend, Junior"),
        `markdown: ${text.slice(0, 80)}`,
      );
      expect(text.includes("## Questions"), "markdown has no questions");
    });

    await step("the history lists the interview with its score and a chart", async () => {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "History" })
        .click();
      await page.getByRole("heading", { name: "Your interviews" }).waitFor();
      await page.getByRole("img", { name: /Overall scores over time/ }).waitFor();
      await page
        .getByRole("link", { name: /^Report/ })
        .first()
        .waitFor();
      await checkPage(page, "06-history");
    });

    await step("phone width, by keyboard only: start an interview and answer", async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "New interview" })
        .click();
      await page.getByRole("button", { name: "Start interview" }).waitFor();
      const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
      for (let presses = 0; (await focused()) !== "Start interview"; presses++) {
        expect(presses < 30, "Tab never reached Start interview");
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await page.getByText("Question 1 of 5").waitFor();
      // The new question has the focus; the answer box is the next stop.
      expect(
        (await page.evaluate(() => document.activeElement?.tagName)) === "H1",
        "focus is not on the question",
      );
      await page.keyboard.press("Tab");
      expect(
        (await page.evaluate(() => document.activeElement?.id)) === "answer",
        "Tab after the question is not the answer",
      );
      await page.keyboard.type("Typed with the keyboard only.");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(!overflow, "the page scrolls sideways at 375 px");
      await checkPage(page, "07-phone-question");
      for (let presses = 0; (await focused()) !== "Submit answer"; presses++) {
        expect(presses < 10, "Tab never reached Submit answer");
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: /^Feedback:/ }).waitFor();
      expect(
        (await page.evaluate(() => document.activeElement?.id)) === "feedback-heading",
        "focus is not on the feedback",
      );
      await page.setViewportSize({ width: 1100, height: 800 });
    });

    await step("sign out", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      // Through the provider's logout endpoint and back to the app's first page.
      await page.waitForURL((url) => url.pathname === "/", { waitUntil: "load" });
      await page.getByRole("heading", { name: "Practise technical interviews" }).waitFor();
      const stored = await page.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith("oidc.user")),
      );
      expect(stored.length === 0, `a user is still stored: ${stored}`);
    });

    await step("no errors in the browser console", async () => {
      // The one 401 is the refused token of the expired-session step.
      const unexpected = consoleErrors.filter((text) => !text.includes("status of 401"));
      expect(unexpected.length === 0, `console errors:\n${unexpected.join("\n")}`);
    });

    await browser.close();
    browser = undefined;
    // Printed, not asserted, for Lighthouse: its score moves with the machine's load.
    await step(
      `initial JavaScript within ${BUNDLE_GOAL_KB} KB gzipped; Lighthouse printed`,
      async () => {
        const { kb } = await printPerformance(`${base}/`);
        expect(kb <= BUNDLE_GOAL_KB, `initial JavaScript is ${kb.toFixed(1)} KB`);
      },
    );
  } catch (error) {
    await step("start the local server and the browser", async () => {
      throw error;
    });
  } finally {
    await browser?.close();
    await server?.stop();
    writeReport();
  }
  const passed = cases.filter((c) => !c.error && !c.skipped).length;
  console.log(
    `e2e: ${passed} passed, ${cases.filter((c) => c.error).length} failed, ${cases.filter((c) => c.skipped).length} skipped`,
  );
  process.exit(failed ? 1 : 0);
}

await main();
