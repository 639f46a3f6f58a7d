// Recovery in the browser: a second tab of the same browser signed in through the provider's
// session (no form), the same question answered in both tabs (409: the latest state is shown,
// no Retry), an over-long paste refused with the count, a missing interview, and sign-out
// ending the provider's session. One browser context, as one person's browser.
import { expect, test } from "@playwright/test";
import type { BrowserContext, Page } from "@playwright/test";
import { BRIEF_ANSWER, checkPage, signIn, watchConsole } from "./pages";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: process.env.TUCOACH_E2E_URL });

const EMAIL = "recovery@example.com";
let context: BrowserContext;
let first: Page;
let second: Page;
let interviewPath: string;
const consoleErrors: string[][] = [];

test.beforeAll(async ({ browser, baseURL }) => {
  context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  first = await context.newPage();
  consoleErrors.push(watchConsole(first, [409, 404]));
});

test.afterAll(async () => {
  await context.close();
});

test("the sign-in page is titled as such while signed out", async () => {
  await first.goto("/");
  await expect(first.getByRole("heading", { name: "Practise technical interviews" })).toBeVisible();
  await expect(first).toHaveTitle("Sign in - TuCoach AI");
  expect((await signIn(first, EMAIL)).typed, "the first sign-in shows the form").toBe(true);
  await expect(first).toHaveTitle("New interview - TuCoach AI");
});

test("start an interview in the first tab", async () => {
  await first.getByRole("radio", { name: "Frontend" }).check();
  await first.getByRole("radio", { name: "Junior" }).check();
  await first.getByLabel("Number of questions").selectOption("3");
  await first.getByRole("button", { name: "Start interview" }).click();
  await expect(first.getByText("Question 1 of 3")).toBeVisible();
  interviewPath = new URL(first.url()).pathname;
});

test("a second tab of the same browser is signed in without typing anything", async () => {
  second = await context.newPage();
  consoleErrors.push(watchConsole(second, [409, 404]));
  const authorizeRequests: string[] = [];
  second.on("request", (request) => {
    if (request.url().includes("/oidc/authorize")) authorizeRequests.push(request.url());
  });
  await second.goto(interviewPath);
  await expect(second.getByText("Question 1 of 3")).toBeVisible();
  await expect(second.getByRole("button", { name: "Sign out" })).toBeVisible();
  // It went through the provider (one authorize request) and never showed its form.
  expect(authorizeRequests.length, "went through the provider").toBeGreaterThan(0);
  await expect(second.getByLabel("Email address")).toHaveCount(0);
  expect(new URL(second.url()).pathname).toBe(interviewPath);
});

test("the same question answered in both tabs: the second answer shows where it stands", async () => {
  await second.getByLabel("Your answer").fill(BRIEF_ANSWER);
  await second.getByRole("button", { name: "Submit answer" }).click();
  await expect(second.getByRole("heading", { name: /^Feedback:/ })).toBeVisible();

  await first.getByLabel("Your answer").fill("Written in the first tab, too late.");
  await first.getByRole("button", { name: "Submit answer" }).click();
  await expect(
    first.getByRole("status").filter({ hasText: "changed in another tab" }),
  ).toBeVisible();
  await expect(first.getByText("Question 2 of 3")).toBeVisible();
  await expect(first.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await checkPage(first, "recovery-409-latest-state");
});

test("an over-long paste is refused with the limit and the excess shown", async () => {
  const box = first.getByLabel("Your answer");
  await box.fill("Kept.");
  await box.evaluate((element) => {
    const data = new DataTransfer();
    data.setData("text/plain", "x".repeat(20_000));
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(first.getByRole("alert")).toContainText(
    "Not pasted: the answer would be 20,005 characters, 15,005 characters over the limit of 5,000 characters.",
  );
  await expect(box).toHaveValue("Kept.");
  await checkPage(first, "answer-paste-refused");
});

test("a missing interview says so and leads to History, without Retry", async () => {
  await first.goto("/interviews/no-such-interview");
  await expect(first.getByRole("heading", { name: "Interview not found" })).toBeVisible();
  await expect(first.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await checkPage(first, "interview-not-found");
  await first.getByRole("link", { name: "See your interviews" }).click();
  await expect(first.getByRole("heading", { name: "Your interviews" })).toBeVisible();
});

test("sign-out ends the provider's session: a new tab shows the sign-in page", async () => {
  await first.getByRole("button", { name: "Sign out" }).click();
  await first.waitForURL((url) => url.pathname === "/", { waitUntil: "load" });
  const third = await context.newPage();
  await third.goto("/history");
  await expect(third.getByRole("heading", { name: "Practise technical interviews" })).toBeVisible();
  await third.getByRole("button", { name: "Sign in" }).click();
  await expect(third.getByLabel("Email address")).toBeVisible();
  await checkPage(first, "signed-out");
  await third.close();
});

test("no unexpected errors in the browser console", () => {
  expect(consoleErrors.flat()).toEqual([]);
});
