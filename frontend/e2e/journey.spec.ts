// One person's journey through the built app, step by step: each step is a test (a JUnit test
// case), and the steps share one page, so a failed step skips the ones after it. Every page is
// checked at the width the step shows it with axe-core (any violation fails) and for sideways
// scrolling, and photographed into test-results/pages/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Page, Route } from "@playwright/test";
import { SCREENSHOTS } from "./server.mjs";
import { checkPage as checkPageOf, signIn as signInAs } from "./pages";

test.describe.configure({ mode: "serial" });

const EMAIL = "e2e@example.com";
const ANSWER =
  "I would design it with stateless services behind a load balancer, a relational database " +
  "with indexes and transactions, caching with Redis and clear invalidation, idempotent " +
  "retries, timeouts, monitoring with metrics and logs, and tests at every level.";

let page: Page;
const consoleErrors: string[] = [];
// The API requests the page sent ("GET /api/interviews/<id>"), from the last reset on.
const apiRequests: string[] = [];
const interviewPath = () => new URL(page.url()).pathname.replace(/\/report$/, "");

const checkPage = (name: string) => checkPageOf(page, name, { atCurrentWidth: true });

async function signIn() {
  // After the first sign-in the provider's session answers at once, without its form.
  await signInAs(page, EMAIL);
}

const focusedTag = () => page.evaluate(() => document.activeElement?.tagName);
const focusedId = () => page.evaluate(() => document.activeElement?.id);
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

async function tabTo(text: string, limit: number) {
  for (let presses = 0; (await focusedText()) !== text; presses++) {
    expect(presses, `Tab never reached ${text}`).toBeLessThan(limit);
    await page.keyboard.press("Tab");
  }
}

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/")) apiRequests.push(`${request.method()} ${pathname}`);
  });
});

test.afterAll(async () => {
  await page.context().close();
});

test.use({ baseURL: process.env.TUCOACH_E2E_URL });

test("the start page asks to sign in", async () => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Practise technical interviews" })).toBeVisible();
  await checkPage("01-login");
});

test("sign in through the OIDC provider (code + PKCE)", async () => {
  await signIn();
  await expect(page.getByRole("heading", { name: "New interview" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByText(EMAIL)).toBeVisible();
});

test("the new-interview page", async () => {
  await expect(page.getByRole("radio", { name: "Backend" })).toBeVisible();
  await checkPage("02-start");
});

test("start an interview of 3 questions", async () => {
  await page.getByRole("radio", { name: "Backend" }).check();
  await page.getByRole("radio", { name: "Junior" }).check();
  await page.getByLabel("Number of questions").selectOption("3");
  apiRequests.length = 0;
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();
  // The interview page shows what the start returned: it does not read the interview again,
  // not even late (counted once the network is quiet)
  await page.waitForLoadState("networkidle");
  expect(apiRequests).toEqual(["POST /api/interviews"]);
  await checkPage("03-question");
});

test("a draft answer survives a reload", async () => {
  await page.getByLabel("Your answer").fill("A draft that must not be lost");
  apiRequests.length = 0;
  await page.reload();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();
  await expect(page.getByLabel("Your answer")).toHaveValue("A draft that must not be lost");
  // A reload reads the interview
  expect(apiRequests).toContain(`GET /api${interviewPath()}`);
});

test("an expired session goes to sign-in and comes back with the answer kept", async () => {
  await page.getByLabel("Your answer").fill("Typed before the session expired");
  // The API refuses the token once, as it does when the ID token has expired.
  const refuse = (route: Route) =>
    route.fulfill({
      status: 401,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "unauthorized", message: "Sign in again.", request_id: null },
      }),
    });
  await page.route("**/api/interviews/*/answers", refuse);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("heading", { name: "Practise technical interviews" })).toBeVisible();
  await page.unroute("**/api/interviews/*/answers", refuse);
  await signIn();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();
  await expect(page.getByLabel("Your answer")).toHaveValue("Typed before the session expired");
});

test("answer every question, with feedback after each", async () => {
  const finish = page.getByRole("button", { name: "Finish interview" });
  const more = page.getByRole("button", { name: /Next question|Answer the follow-up/ });
  for (let answered = 1; ; answered++) {
    expect(answered, "no Finish button after 12 answers").toBeLessThanOrEqual(12);
    await page.getByLabel("Your answer").fill(ANSWER);
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByRole("heading", { name: /^Feedback:/ })).toBeVisible();
    if (answered === 1) await checkPage("04-feedback");
    await expect(finish.or(more)).toBeVisible();
    if (await finish.isVisible()) {
      expect(answered, "answers before Finish").toBeGreaterThanOrEqual(3);
      return;
    }
    await more.click();
    await expect(page.getByLabel("Your answer")).toBeVisible();
  }
});

test("finish: the report", async () => {
  const interview = interviewPath();
  apiRequests.length = 0;
  await page.getByRole("button", { name: "Finish interview" }).click();
  await expect(page.getByRole("heading", { name: /^Your report/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Question by question" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send rating" })).toBeVisible();
  // Finishing returns the finished interview with its report, which the page shows; just
  // finished, it has no rating to read. Nothing else is sent, not even late.
  await page.waitForLoadState("networkidle");
  expect(apiRequests).toEqual([`POST /api${interview}/complete`]);
  await checkPage("05-report");
});

test("rate the feedback", async () => {
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByLabel("Comment (optional)").fill("Clear and useful.");
  await page.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByText("Thank you: your rating is saved.")).toBeVisible();
});

test("a reload of the report reads the interview and the rating sent", async () => {
  const interview = interviewPath();
  apiRequests.length = 0;
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Your report/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your rating" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(apiRequests.sort()).toEqual(
    [`GET /api${interview}`, `GET /api${interview}/rating`].sort(),
  );
});

test("export the report as Markdown", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export as Markdown" }).click(),
  ]);
  const file = join(SCREENSHOTS, download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  expect(text.startsWith("# TuCoach AI report: Backend, Junior"), text.slice(0, 80)).toBe(true);
  expect(text).toContain("## Questions");
});

test("the history lists the interview with its score and a chart", async () => {
  const main = page.getByRole("navigation", { name: "Main" });
  await main.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Your interviews" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Overall scores over time/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Report/ }).first()).toBeVisible();
  await checkPage("06-history");
});

test("phone width, by keyboard only: start an interview and answer", async () => {
  await page.setViewportSize({ width: 375, height: 740 });
  const main = page.getByRole("navigation", { name: "Main" });
  await main.getByRole("link", { name: "New interview" }).click();
  await expect(page.getByRole("button", { name: "Start interview" })).toBeVisible();
  await tabTo("Start interview", 30);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  // The new question has the focus; the answer box is the next stop.
  expect(await focusedTag(), "focus on the question").toBe("H1");
  await page.keyboard.press("Tab");
  expect(await focusedId(), "Tab after the question").toBe("answer");
  await page.keyboard.type("Typed with the keyboard only.");
  await checkPage("07-phone-question"); // at 375 px: axe, and no sideways scrolling
  await tabTo("Submit answer", 10);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Feedback:/ })).toBeVisible();
  expect(await focusedId(), "focus after submitting").toBe("feedback-heading");
  await page.setViewportSize({ width: 1100, height: 800 });
});

test("sign out", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  // Through the provider's logout endpoint and back to the app's first page.
  await page.waitForURL((url) => url.pathname === "/", { waitUntil: "load" });
  await expect(page.getByRole("heading", { name: "Practise technical interviews" })).toBeVisible();
  const stored = await page.evaluate(() =>
    Object.keys(sessionStorage).filter((key) => key.startsWith("oidc.user")),
  );
  expect(stored, "users still stored").toEqual([]);
});

test("no errors in the browser console", () => {
  // The one 401 is the refused token of the expired-session step.
  expect(consoleErrors.filter((text) => !text.includes("status of 401"))).toEqual([]);
});
