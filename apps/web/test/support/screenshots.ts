import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';

/**
 * The README's screenshots ("Using the web app"), made by `npm run web:screenshots`: the
 * screenshot story (screenshots.browser.ts) runs only when SBT_SCREENSHOTS is set, and writes
 * full-page PNGs into docs/screenshots.
 */
export const SCREENSHOTS = Boolean(process.env.SBT_SCREENSHOTS);
const DIRECTORY = path.resolve(__dirname, '../../../../docs/screenshots');

/** A full-page screenshot `name`.png of the page as it is now, when screenshots are asked for. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(DIRECTORY, { recursive: true });
  // Every list loaded, no text cursor blinking, the focus ring of the last click gone.
  await expect(page.getByText(/^(Bezig met laden…|Loading…)$/)).toHaveCount(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({
    path: path.join(DIRECTORY, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}

/**
 * Waits for the screen's h1 and takes its screenshot. A screen still being built (no such
 * heading yet) is noted in the test's annotations and left out, so the others are still made.
 */
export async function capture(
  page: Page,
  name: string,
  heading: string | RegExp,
): Promise<boolean> {
  if (!(await appears(page.getByRole('heading', { level: 1, name: heading }), 15_000))) {
    notCaptured(`${name}.png: no heading "${String(heading)}" on ${page.url()}`);
    return false;
  }
  await screenshot(page, name);
  return true;
}

/** Whether `locator` shows up within `timeout` ms (a screen still being built may lack it). */
export function appears(locator: Locator, timeout = 10_000): Promise<boolean> {
  return locator.waitFor({ timeout }).then(
    () => true,
    () => false,
  );
}

/** Says which screenshot was left out and why, in the report and on the console. */
export function notCaptured(description: string): void {
  test.info().annotations.push({ type: 'not captured', description });
  process.stdout.write(`Screenshot not made: ${description}\n`);
}
