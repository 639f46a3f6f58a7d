// A report you can act on, in the browser: ending an interview early (after a confirmation)
// gives a partial report marked as such; the rating shows as sent after a reload and changes
// only through "Change rating"; the history's practice plan and "Practise these", which starts
// an interview on those topics; the chart's values on focus. Every page at 1280 and 375 px.
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { BRIEF_ANSWER, checkPage, signIn, watchConsole } from "./pages";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: process.env.TUCOACH_E2E_URL });

const EMAIL = "practice@example.com";
let page: Page;
let consoleErrors: string[];

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  consoleErrors = watchConsole(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test("sign in and start a 5-question interview", async () => {
  await page.goto("/");
  await checkPage(page, "login");
  await signIn(page, EMAIL);
  await checkPage(page, "start");
  await page.getByRole("radio", { name: "Backend" }).check();
  await page.getByRole("radio", { name: "Junior" }).check();
  await page.getByLabel("Number of questions").selectOption("5");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  await expect(page.getByRole("button", { name: "End interview now" })).toHaveCount(0);
  await checkPage(page, "question");
});

test("answer the first question: feedback, then the progress counts main questions", async () => {
  await page.getByLabel("Your answer").fill(BRIEF_ANSWER);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("heading", { name: /^Feedback:/ })).toBeVisible();
  await checkPage(page, "feedback");
  const next = page.getByRole("button", { name: /Next question|Answer the follow-up/ });
  await next.click();
  await expect(page.getByLabel("Your answer")).toBeVisible();
  // A follow-up shares its question's number; the bar counts answered main questions only.
  await expect(page.getByRole("progressbar", { name: "1 of 5 answered" })).toBeVisible();
});

test("end the interview now, after a confirmation: a partial report", async () => {
  await page.getByRole("button", { name: "End interview now" }).click();
  await expect(page.getByRole("heading", { name: "End the interview now?" })).toBeFocused();
  await checkPage(page, "end-interview-confirmation");
  await page.getByRole("button", { name: "End and see the report" }).click();
  const heading = page.getByRole("heading", { name: /^Your report/ });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByRole("heading", { name: "Partial report: ended early" })).toBeVisible();
  await expect(page.getByText("You answered 1 of 5 questions.")).toBeVisible();
  await expect(page.getByText(/never asked/)).toBeVisible();
  await checkPage(page, "report-partial");
});

test("the rating shows as sent after a reload, and changes only on purpose", async () => {
  await page.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Send rating" }).click();
  const thanks = page.getByRole("heading", { name: "Thank you: your rating is saved." });
  await expect(thanks).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your rating" })).toBeVisible();
  await expect(page.getByText("helpful", { exact: true })).toBeVisible();
  await checkPage(page, "report-rated");
  await page.getByRole("button", { name: "Change rating" }).click();
  await page.getByRole("radio", { name: "No" }).check();
  await page.getByRole("button", { name: "Send the new rating" }).click();
  await expect(page.getByText("not helpful", { exact: true })).toBeVisible();
});

test("the history: an unfinished interview, the chart's values on focus, the practice plan", async () => {
  // An unfinished interview too, so the list shows both kinds.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "New interview" })
    .click();
  await page.getByRole("radio", { name: "Backend" }).check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByLabel("Your answer")).toBeVisible();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "History" })
    .click();
  await expect(page.getByRole("heading", { name: "Your interviews" })).toBeVisible();
  await expect(page.getByText(/In progress: 0 of 5 answered/)).toBeVisible();
  const point = page.getByRole("link", { name: /out of 100. Open the report/ });
  await point.focus();
  await expect(page.locator("figcaption strong")).toHaveText(/\d+\/100/);
  await expect(page.getByRole("heading", { name: "Your practice plan" })).toBeVisible();
  await expect(page.getByText("Talking points you missed").first()).toBeVisible();
  await checkPage(page, "history-practice-plan");
});

test("Practise these starts an interview on the plan's topics", async () => {
  // "Query tuning (average ...)" in the plan, "Topic: query_tuning" on the question.
  const name = (text: string) => text.trim().toLowerCase().replace(/_/g, " ");
  const plan = page.getByRole("region", { name: /^Backend/ });
  const headings = await plan.locator(".plan-topic h4").allTextContents();
  const planTopics = headings.map((heading) => name(heading.split("(")[0]!));
  expect(planTopics.length, "the plan names topics").toBeGreaterThan(0);
  await plan.getByRole("button", { name: /^Practise these/ }).click();
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  const topic = name((await page.getByText(/^Topic:/).textContent())!.replace("Topic:", ""));
  expect(planTopics, `the first question's topic, ${topic}`).toContain(topic);
  await expect(page).toHaveTitle("Interview - TuCoach AI");
});

test("no errors in the browser console", () => {
  expect(consoleErrors).toEqual([]);
});
