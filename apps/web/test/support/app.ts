import { type APIRequestContext, expect, type Page } from '@playwright/test';
import axe from 'axe-core';
import type { Person } from './people';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core finds no WCAG 2.1 A/AA problem on the page as it is now.
 *
 * axe-core's own script, put into the page once per document: a story moves through the app's
 * screens without reloading, so one copy serves all of them. (@axe-core/playwright put its
 * half-megabyte script in twice on every check, and finished each in a new blank page: about
 * 0.6 s a check, half of a long story's time.) The app has no frames for axe to enter.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_21_AA,
  );
  expect(
    results.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    })),
  ).toEqual([]);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** Signs in on the sign-in page the way a person does. */
export async function signIn(page: Page, person: Person): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('E-mailadres', { exact: true }).fill(person.email);
  await page.getByLabel('Wachtwoord').fill(person.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Opens the app at `path` and signs in there. */
export async function openSignedIn(page: Page, person: Person, path = '/'): Promise<void> {
  await page.goto(path);
  await signIn(page, person);
}

/** A bearer token for setting a scene through the public API, as an integrator would. */
export async function apiToken(request: APIRequestContext, person: Person): Promise<string> {
  const response = await request.post('/v1/auth/login', {
    data: { email: person.email, password: person.password },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(
  request: APIRequestContext,
  token: string,
  path: string,
): Promise<T> {
  const response = await request.get(`/v1${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}
