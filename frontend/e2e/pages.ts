// What the browser specs share: signing in (with the provider's form, or
// through its session when this browser signed in before), and checking a page: axe-core at 0
// violations, no sideways scrolling and a screenshot at 1280 and at 375 px wide (or at the
// page's own width) into test-results/pages/.
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { SCREENSHOTS } from "./server.mjs";

export const WIDTHS = [1280, 375] as const;

/**
 * axe-core at 0 violations, no sideways scrolling and a full-page screenshot, at 1280 and at
 * 375 px wide (`<name>-<width>.png`), or with `atCurrentWidth` only at the viewport's own width
 * (`<name>.png`: the journey sets the width itself, and walks on at it).
 */
export async function checkPage(
  page: Page,
  name: string,
  { atCurrentWidth = false }: { atCurrentWidth?: boolean } = {},
) {
  if (atCurrentWidth) {
    await checkAtThisWidth(page, name, name);
    return;
  }
  const restore = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await checkAtThisWidth(page, name, `${name}-${width}`);
  }
  if (restore) await page.setViewportSize(restore);
}

async function checkAtThisWidth(page: Page, name: string, file: string) {
  const where = `${name} at ${page.viewportSize()?.width ?? "the default"} px`;
  await page.screenshot({ path: join(SCREENSHOTS, `${file}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe violations on ${where}`).toEqual([]);
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(sideways, `${where} scrolls sideways`).toBe(false);
}

/** Signs in from the app's sign-in page; `typed` says whether the provider's form was shown. */
export async function signIn(page: Page, email: string): Promise<{ typed: boolean }> {
  await page.getByRole("button", { name: "Sign in" }).click();
  const form = page.getByLabel("Email address");
  const signedIn = page.getByRole("button", { name: "Sign out" });
  await expect(form.or(signedIn)).toBeVisible();
  if (await signedIn.isVisible()) return { typed: false };
  await form.fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(signedIn).toBeVisible();
  return { typed: true };
}

/** Console errors, less the failed requests a test provokes on purpose (status codes given). */
export function watchConsole(page: Page, expected: number[] = []) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!expected.some((status) => text.includes(`status of ${status}`))) errors.push(text);
  });
  return errors;
}

export const BRIEF_ANSWER = "It depends on the system and on what the team needs.";

/**
 * One page for a serial spec, opened (1280 px wide, its console watched) before the spec's
 * tests and closed after them; read `page` and `consoleErrors` inside the tests.
 */
export function pageForTheSpec(): { page: Page; consoleErrors: string[] } {
  const shared = { page: undefined as unknown as Page, consoleErrors: [] as string[] };
  test.beforeAll(async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
    shared.page = await context.newPage();
    shared.consoleErrors = watchConsole(shared.page);
  });
  test.afterAll(async () => {
    await shared.page.context().close();
  });
  return shared;
}
