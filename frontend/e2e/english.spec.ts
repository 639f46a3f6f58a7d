// Languages, honestly, in the browser: an answer in Spanish is kept and not scored (no 1/10),
// with the offer to answer the same question again in English; the English answer gets a score;
// the report shows both, the Spanish one marked as not scored. Every new page at 1280 and 375 px.
import { expect, test } from "@playwright/test";
import { checkPage, pageForTheSpec, signIn } from "./pages";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: process.env.TUCOACH_E2E_URL });

const EMAIL = "english@example.com";
const SPANISH =
  "Para que una API sea fiable, yo usaría claves de idempotencia en cada petición que cambia " +
  "datos, y el servidor guarda la respuesta de la primera llamada para devolverla otra vez si " +
  "el cliente repite la petición después de un error de red.";
const ENGLISH =
  "I would start from what the system must guarantee, then measure where the time goes with " +
  "metrics and traces, and fix the slowest step first. For example, a missing index on a busy " +
  "table is a common cause, because every request then scans the whole table.";

const spec = pageForTheSpec();
let questionText: string;

test("an answer in Spanish is kept, not scored, with the offer to answer again in English", async () => {
  await spec.page.goto("/");
  await signIn(spec.page, EMAIL);
  await spec.page.getByRole("radio", { name: "Backend" }).check();
  await spec.page.getByRole("radio", { name: "Junior" }).check();
  await spec.page.getByLabel("Number of questions").selectOption("3");
  await spec.page.getByRole("button", { name: "Start interview" }).click();
  await expect(spec.page.getByText("Question 1 of 3")).toBeVisible();
  questionText = (await spec.page.getByRole("heading", { level: 1 }).textContent()) ?? "";

  await spec.page.getByLabel("Your answer").fill(SPANISH);
  await spec.page.getByRole("button", { name: "Submit answer" }).click();

  const heading = spec.page.getByRole("heading", { name: "Not scored: the coach reads English" });
  await expect(heading).toBeFocused();
  await expect(spec.page.getByText(/reads as Spanish/)).toBeVisible();
  await expect(spec.page.getByText("/ 10")).toHaveCount(0);
  await expect(spec.page.getByText(/off-topic/i)).toHaveCount(0);
  await expect(spec.page.getByText(SPANISH)).toBeVisible();
  await expect(spec.page.getByRole("button", { name: "Skip this question" })).toBeVisible();
  await checkPage(spec.page, "retry-offer");
});

test("answering the same question again, in English, gets a score", async () => {
  await spec.page.getByRole("button", { name: "Answer again in English" }).click();
  await expect(spec.page.getByText("Question 1 of 3 - again, in English")).toBeVisible();
  await expect(spec.page.getByRole("heading", { level: 1 })).toHaveText(questionText);
  await expect(spec.page.getByText(/your answer before is kept, not scored/)).toBeVisible();
  await expect(spec.page.getByLabel("Your answer")).toHaveValue("");
  await expect(spec.page.getByRole("progressbar", { name: "1 of 3 answered" })).toBeVisible();
  await checkPage(spec.page, "retry-question");

  await spec.page.getByLabel("Your answer").fill(ENGLISH);
  await spec.page.getByRole("button", { name: "Submit answer" }).click();
  await expect(
    spec.page.getByRole("heading", { name: /^Feedback: \d+(\.\d)? \/ 10/ }),
  ).toBeVisible();
  await expect(
    spec.page.getByRole("button", { name: /Next question|Answer the follow-up/ }),
  ).toBeVisible();
});

test("the report shows the Spanish answer not scored, before the scored English one", async () => {
  await spec.page.getByRole("button", { name: "End interview now" }).click();
  await spec.page.getByRole("button", { name: "End and see the report" }).click();
  await expect(spec.page.getByRole("heading", { name: /^Your report/ })).toBeVisible();
  await spec.page.locator("summary", { hasText: questionText }).click();
  await expect(
    spec.page.getByRole("heading", { name: "Your answer before, not scored" }),
  ).toBeVisible();
  await expect(spec.page.getByText(SPANISH)).toBeVisible();
  await expect(spec.page.getByText(/First answered in Spanish/)).toBeVisible();
  await checkPage(spec.page, "report-retried");
  expect(spec.consoleErrors).toEqual([]);
});
