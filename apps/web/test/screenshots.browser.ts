import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, openSignedIn } from './support/app';
import { people } from './support/people';
import { appears, capture, notCaptured, SCREENSHOTS } from './support/screenshots';

/**
 * The screenshots of the README's "Using the web app": `npm run web:screenshots` runs this
 * story with SBT_SCREENSHOTS=1 and writes docs/screenshots/*.png. Each test is one screen as a
 * demo user sees it, at 1280 × 800.
 */
test.skip(!SCREENSHOTS, 'makes the README screenshots; run with npm run web:screenshots');
test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });

interface ActionRow {
  id: string;
  title: string;
  latestNarrative: string | null;
}

/** An action the BZK editor owns that has a narrative: a page with something on it. */
async function anActionOfTheEditor(request: APIRequestContext): Promise<ActionRow> {
  const token = await apiToken(request, people.editorBzk);
  const { data } = await apiGet<{ data: ActionRow[] }>(
    request,
    token,
    '/actions?ownerUser=me&limit=50',
  );
  const action = data.find((candidate) => candidate.latestNarrative) ?? data[0];
  expect(action, 'the BZK editor owns an action').toBeDefined();
  return action;
}

test.describe('Screenshots', () => {
  test('sign-in', async ({ page }) => {
    await page.goto('/aanmelden');
    await capture(page, 'sign-in', 'Aanmelden');
  });

  test('Mijn werk of an action owner', async ({ page }) => {
    await openSignedIn(page, people.editorBzk);
    await capture(page, 'my-work', 'Mijn werk');
  });

  test('Mijn werk on a phone (320 px)', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openSignedIn(page, people.editorBzk);
    await capture(page, 'my-work-320px', 'Mijn werk');
  });

  test('an action', async ({ page, request }) => {
    const action = await anActionOfTheEditor(request);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    await capture(page, 'action', action.title);
  });

  test('the progress form with an error', async ({ page, request }) => {
    const action = await anActionOfTheEditor(request);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}/voortgang`);
    const heading = page.getByRole('heading', { level: 1, name: 'Voortgang melden' });
    if (!(await appears(heading, 15_000))) {
      notCaptured(`progress-form-error.png: no heading "Voortgang melden" on ${page.url()}`);
      return;
    }
    // Sent without a narrative: the error summary on top, the message at the field.
    const narrative = page.getByRole('textbox', { name: /toelichting/i }).first();
    if (await appears(narrative, 2_000)) await narrative.fill('');
    await page
      .getByRole('button', { name: /^Voortgang (opslaan|melden|versturen)$/ })
      .first()
      .click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    if (await appears(summary)) {
      await capture(page, 'progress-form-error', 'Voortgang melden');
    } else {
      notCaptured('progress-form-error.png: the form showed no error summary');
    }
  });

  test('notifications', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/meldingen');
    await capture(page, 'notifications', 'Meldingen');
  });

  test('account', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/account');
    await capture(page, 'account', 'Account');
  });
});
