// The candidate's own answer, marked up, on the feedback card, after a reload, in the report's
// drill-down and in both exports. One interview, step by step on one page (a failed step skips
// the rest); axe-core on every new state, screenshots at 1280 and 375 px in test-results/pages/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { checkPage, watchConsole } from "./pages";
import { SCREENSHOTS, root } from "./server.mjs";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: process.env.TUCOACH_E2E_URL });

const EMAIL = "review@example.com";
const OTHER_ANSWER =
  "I would keep it simple, measure first, write tests, and explain the trade-offs to the team.";
const BANK = join(root, "packages/coach/src/tucoach_coach/bank/backend/junior.toml");

let page: Page;
let firstAnswer = "";
let consoleErrors: string[] = [];

/**
 * The bank's model answer to the question asked, plus one of its red flags stated as a fact: the
 * feedback then has covered points and a correction to mark (every backend/junior question of
 * difficulty 1, the first asked, has red flags).
 */
function answerWithAWrongClaim(questionText: string): string {
  const block = readFileSync(BANK, "utf8")
    .split(/^\[\[questions\]\]$/m)
    .find((part) => part.includes(`text = ${JSON.stringify(questionText)}`));
  const model = block?.match(/^model_answer = """\n([\s\S]*?)"""/m)?.[1]?.trim();
  const flags = block?.match(/\[\[questions\.red_flags\]\][\s\S]*?^phrasings = (\[.*\])$/m)?.[1];
  expect(model && flags, `the bank question "${questionText}"`).toBeTruthy();
  const [flag] = JSON.parse(flags!) as string[];
  return `${model}\n\nNote that ${flag} in most APIs.`;
}

const markTexts = (scope: string) =>
  page.locator(`${scope} mark.mark`).evaluateAll((marks) => marks.map((m) => m.textContent));

test.beforeAll(async ({ browser, baseURL }) => {
  page = await (await browser.newContext({ baseURL })).newPage();
  consoleErrors = watchConsole(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test("sign in and start a 3-question interview", async () => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("radio", { name: "Backend" }).check();
  await page.getByRole("radio", { name: "Junior" }).check();
  await page.getByLabel("Number of questions").selectOption("3");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();
});

test("the feedback card shows the answer marked up beside the example answer", async () => {
  const question = (await page.locator("h1.question").textContent()) ?? "";
  firstAnswer = answerWithAWrongClaim(question);
  await page.getByLabel("Your answer").fill(firstAnswer);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("heading", { name: /^Feedback:/ })).toBeVisible();

  const card = page.locator(".feedback");
  await expect(card.getByRole("heading", { name: "Your answer" })).toBeVisible();
  await expect(card.getByRole("heading", { name: "Example answer" })).toBeVisible();
  await expect(card.locator("mark.covered").first()).toBeVisible();
  await expect(card.locator("mark.correction")).toHaveCount(1);
  // What a screen reader hears around each mark, and the icon that is not colour.
  await expect(card.locator("mark.covered .sr-only").first()).toHaveText(/^covered: .+: “$/);
  await expect(card.locator("mark.correction .sr-only").first()).toHaveText(/^wrong claim: .+: “$/);
  await expect(card.locator("mark.correction .mark-icon")).toHaveText("✗");
  await expect(card.getByText(/Needs work|Getting there|Good|Strong/).first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get("answer"), "the URL names the answer").toBeTruthy();
  await checkPage(page, "10-feedback-marked");
});

test("a reload on the feedback screen shows that same feedback again", async () => {
  const heading = await page.getByRole("heading", { name: /^Feedback:/ }).textContent();
  const marks = await markTexts(".feedback");
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Feedback:/ })).toHaveText(heading ?? "");
  await expect(page.getByText("Question 1 of 3, answered")).toBeVisible();
  expect(await markTexts(".feedback")).toEqual(marks);
  await expect(page.getByLabel("Your answer")).toHaveCount(0);
  await checkPage(page, "11-feedback-after-reload");
});

test("answer the rest and finish", async () => {
  const finish = page.getByRole("button", { name: "Finish interview" });
  const more = page.getByRole("button", { name: /Next question|Answer the follow-up/ });
  for (let answered = 1; ; answered++) {
    expect(answered, "no Finish button after 12 answers").toBeLessThanOrEqual(12);
    await expect(finish.or(more)).toBeVisible();
    if (await finish.isVisible()) break;
    await more.click();
    await page.getByLabel("Your answer").fill(OTHER_ANSWER);
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByRole("heading", { name: /^Feedback:/ })).toBeVisible();
  }
  await finish.click();
  await expect(page.getByRole("heading", { name: "Question by question" })).toBeVisible();
});

test("the report opens each question, by keyboard, to the answer marked up", async () => {
  await expect(page.getByText(/^\d{1,2} \w+ \d{4}, \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByText("Technical knowledge")).toBeVisible();
  const first = page.locator(".drill details").first();
  await expect(first).not.toHaveAttribute("open");
  for (let presses = 0; ; presses++) {
    expect(presses, "Tab never reached a question").toBeLessThan(40);
    const tag = await page.evaluate(() => document.activeElement?.tagName);
    if (tag === "SUMMARY") break;
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("open");
  await expect(first.locator("mark.covered").first()).toBeVisible();
  await expect(first.locator("mark.correction")).toHaveCount(1);
  await expect(first.getByRole("heading", { name: "Corrections" })).toBeVisible();
  await expect(first.getByRole("heading", { name: "Example answer" }).first()).toBeVisible();
  await checkPage(page, "12-report-drilldown");
});

test("the Markdown export holds every answer marked, its feedback and the example", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export as Markdown" }).click(),
  ]);
  const file = join(SCREENSHOTS, `review-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  const unmarked = text.replace(/\*\*\[[✓✗] /g, "").replace(/\]\*\*/g, "");
  const firstParagraph = firstAnswer.split("\n")[0] ?? "";
  expect(unmarked).toContain(`> ${firstParagraph}`);
  expect(unmarked).toContain(OTHER_ANSWER);
  expect(text).toContain("**[✓ ");
  expect(text).toContain("**[✗ ");
  expect(text).toContain("Corrections:");
  expect(text).toContain("#### Example answer");
  expect(text).toContain("| Technical knowledge |");
  expect(text).not.toContain("technical_knowledge");
  expect(text).toMatch(/\d{1,2} \w+ \d{4}, \d\d:\d\d/);
});

test("the PDF export prints every question opened, without controls", async () => {
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const details = page.locator(".drill details");
  const count = await details.count();
  for (let index = 0; index < count; index++) {
    await expect(details.nth(index)).toHaveAttribute("open");
  }
  await expect(page.getByRole("button", { name: "Export as PDF" })).toBeHidden();
  await expect(page.locator(".drill mark.correction")).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "12-report-print.png"), fullPage: true });
  await page.pdf({ path: join(SCREENSHOTS, "12-report.pdf"), printBackground: true });
  await page.emulateMedia({ media: null });
});

test("no errors in the browser console", () => {
  expect(consoleErrors).toEqual([]);
});
