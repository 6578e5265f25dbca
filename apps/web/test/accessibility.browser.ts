import { type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectAccessible, openSignedIn, signIn } from './support/app';
import { newActionOfTheEditor } from './support/actions';
import { dragFile, PDF } from './support/attachments';
import { people } from './support/people';

/** Mijn werk has loaded every list (no "Bezig met laden…" left). */
async function myWorkLoaded(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
  await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
}

/** The page itself does not scroll sideways at this width (WCAG 1.4.10 Reflow). */
async function expectNoSidewaysScrolling(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, 'the page is wider than the window').toBeLessThanOrEqual(width);
}

/** Each of these is entirely inside the window, left to right: nothing is cut off. */
async function expectWithinWidth(page: Page, width: number, names: RegExp[]): Promise<void> {
  for (const name of names) {
    const element = page.getByRole('link', { name }).or(page.getByRole('button', { name })).first();
    await element.scrollIntoViewIfNeeded();
    const box = await element.boundingBox();
    expect(box, `${name} is on the page`).not.toBeNull();
    expect(box!.x, `${name} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
  }
}

test.describe('Accessibility', () => {
  test('the axe check finds a problem where there is one, also on a screen it looked at before', async ({
    page,
  }) => {
    await page.goto('/aanmelden');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expectAccessible(page);
    // A button without a name, as a screen reader would meet it: WCAG 4.1.2.
    await page.evaluate(() =>
      document.querySelector('main')!.append(document.createElement('button')),
    );
    await expect(expectAccessible(page)).rejects.toThrow(/button-name/);
  });

  test('the skip link is the first Tab stop and moves focus to the main content', async ({
    page,
  }) => {
    await page.goto('/aanmelden');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de hoofdinhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    // The same on a signed-in page, opened afresh.
    await signIn(page, people.editorBzk);
    await myWorkLoaded(page);
    await page.reload();
    await myWorkLoaded(page);
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // The next Tab stop is in the main content, past the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(
      () => document.querySelector('main')?.contains(document.activeElement) ?? false,
    );
    expect(inMain).toBe(true);
  });

  test("after navigating through the header, focus is on the new page's heading", async ({
    page,
  }) => {
    await openSignedIn(page, people.editorBzk);
    await myWorkLoaded(page);
    const navigation = page.getByRole('navigation', { name: 'Hoofdnavigatie' });

    await navigation.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeFocused();
    await expect(page).toHaveTitle('Account – Sterk Bestuur Tracker');

    // With the keyboard alone.
    await navigation.getByRole('link', { name: 'Mijn werk' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeFocused();
    await expect(page).toHaveTitle('Mijn werk – Sterk Bestuur Tracker');

    // An action from the list, and back with the browser's back button.
    const first = page.getByRole('table').first().getByRole('link').first();
    const title = (await first.textContent())!.trim();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeFocused();
  });

  test('status and health in the tables are words, not colours alone', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/?van=organisatie');
    await myWorkLoaded(page);
    const statuses = [
      'Niet gestart',
      'In uitvoering',
      'Gerealiseerd',
      'Deels gerealiseerd',
      'Vervallen',
    ];
    const healths = ['Niet beoordeeld', 'Op koers', 'Risico', 'Uit koers'];

    const tables = page.getByRole('table');
    expect(await tables.count()).toBeGreaterThan(0);
    for (const table of await tables.all()) {
      const headers = (await table.getByRole('columnheader').allTextContents()).map((text) =>
        text.trim(),
      );
      const status = headers.indexOf('Status');
      const health = headers.indexOf('Gezondheid');
      expect(status).toBeGreaterThanOrEqual(0);
      expect(health).toBeGreaterThanOrEqual(0);
      const rows = await table.getByRole('row').all();
      for (const row of rows.slice(1)) {
        const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
        expect(statuses).toContain(cells[status]);
        expect(healths).toContain(cells[health]);
      }
    }
  });

  test('at 320 px wide the sign-in page, Mijn werk and Account fit without sideways scrolling', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expectNoSidewaysScrolling(page, 320);
    await expectWithinWidth(page, 320, [/^Aanmelden$/]);
    await expectAccessible(page);

    await signIn(page, people.editorBzk);
    await myWorkLoaded(page);
    await expectNoSidewaysScrolling(page, 320);
    await expectWithinWidth(page, 320, [/^Mijn werk$/, /^Meldingen/, /^Account$/, /^Afmelden$/]);
    await expectWithinWidth(page, 320, [/^Filters toepassen$/]);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeFocused();
    await expectNoSidewaysScrolling(page, 320);
    await expectWithinWidth(page, 320, [/^Wachtwoord wijzigen$/, /^Afmelden op alle apparaten$/]);
  });

  test('at 200 % zoom (a 1280 px window seen 640 px wide) nothing is cut off', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expectNoSidewaysScrolling(page, 640);
    await expectWithinWidth(page, 640, [/^Aanmelden$/]);

    await signIn(page, people.editorBzk);
    await myWorkLoaded(page);
    await expectNoSidewaysScrolling(page, 640);
    await expectWithinWidth(page, 640, [
      /^Mijn werk$/,
      /^Meldingen/,
      /^Account$/,
      /^Afmelden$/,
      /^Filters toepassen$/,
      /^Filters wissen$/,
    ]);
    await expectAccessible(page);
  });
});

test.describe('Accessibility of the states the stories do not reach', () => {
  const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
    status,
    contentType: 'application/problem+json',
    json: { status, code, title: code, ...extra },
  });

  test('sign-in locked out, and the service unavailable', async ({ page }) => {
    await page.goto('/aanmelden');
    await page.route('**/v1/auth/browser/login', (route) =>
      route.fulfill({ ...problem(429, 'LOGIN_LOCKED'), headers: { 'Retry-After': '300' } }),
    );
    await page.getByLabel('E-mailadres', { exact: true }).fill(people.editorBzk.email);
    await page.getByLabel('Wachtwoord').fill('verkeerd');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('5 minuten');
    await expectAccessible(page);

    await page.unroute('**/v1/auth/browser/login');
    await page.route('**/v1/auth/browser/login', (route) =>
      route.fulfill(problem(503, 'LOGIN_UNAVAILABLE')),
    );
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('Aanmelden lukt nu niet');
    await expectAccessible(page);
  });

  test('a page or action that does not exist, and a screen that fails to show', async ({
    page,
  }) => {
    await openSignedIn(page, people.editorBzk, '/bestaat-niet');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }),
    ).toBeVisible();
    await expectAccessible(page);

    await page.goto('/acties/00000000-0000-4000-8000-000000000000');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }),
    ).toBeVisible();
    await expectAccessible(page);

    // An answer the screen cannot show (here: an action without its lists).
    await page.route('**/v1/actions/00000000-0000-4000-8000-000000000001', (route) =>
      route.fulfill({ json: { id: '00000000-0000-4000-8000-000000000001', title: 'Kapot' } }),
    );
    await page.goto('/acties/00000000-0000-4000-8000-000000000001');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Deze pagina kon niet worden getoond' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('Mijn werk when the lists cannot be read, and Meldingen and preferences that fail', async ({
    page,
  }) => {
    await page.route(
      (url) => url.pathname === '/v1/actions',
      (route) => route.fulfill(problem(503, 'SERVICE_UNAVAILABLE')),
    );
    await openSignedIn(page, people.viewerUvw);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
    await expect(page.getByText('Deze lijst kon niet worden geladen.').first()).toBeVisible();
    await expectAccessible(page);

    await page.route(
      (url) => url.pathname === '/v1/me/notifications' && !url.searchParams.has('unread'),
      (route) => route.fulfill(problem(503, 'SERVICE_UNAVAILABLE')),
    );
    await page.getByRole('link', { name: /^Meldingen/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
    await expect(page.getByText(/konden niet worden geladen/)).toBeVisible();
    await expectAccessible(page);

    await page.route('**/v1/me/notification-preferences', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill(
            problem(400, 'VALIDATION_FAILED', {
              invalidParams: [{ name: 'emailKinds[0]', reason: 'must be a kind' }],
            }),
          )
        : route.continue(),
    );
    await page.goto('/meldingen/voorkeuren');
    await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toBeFocused();
    await expectAccessible(page);
  });

  test('the attachments of an action: a list that cannot be read, a file dragged over, an empty file, and the refusals of a file too large and of one too many', async ({
    page,
    request,
  }) => {
    const action = await newActionOfTheEditor(request, `Proefactie bijlagen ${Date.now()}`);
    const attachments = `**/v1/actions/${action.id}/attachments`;
    await page.route(attachments, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill(problem(503, 'SERVICE_UNAVAILABLE'))
        : route.fulfill(problem(413, 'PAYLOAD_TOO_LARGE')),
    );
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    const region = page.getByRole('region', { name: 'Bijlagen' });
    await expect(region).toContainText('De bijlagen konden niet worden geladen.');
    await expectAccessible(page);

    const dropZone = region.getByRole('group', { name: /^Sleep een bestand/ });
    await dragFile(page, dropZone, { name: 'Verslag.pdf', bytes: PDF }, { drop: false });
    await expect(dropZone).toContainText('Laat het bestand los om het te kiezen.');
    await expectAccessible(page);

    const file = region.getByLabel('Bestand', { exact: true });
    const add = region.getByRole('button', { name: 'Bijlage toevoegen' });
    const errors = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await file.setInputFiles({
      name: 'Leeg.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(0),
    });
    await add.click();
    await expect(errors).toContainText('Het gekozen bestand is leeg.');
    await expectAccessible(page);

    await file.setInputFiles({ name: 'Verslag.pdf', mimeType: 'application/pdf', buffer: PDF });
    await add.click();
    await expect(errors).toContainText(
      'Het bestand is te groot. Een bijlage mag hoogstens 25 MB zijn.',
    );
    await expectAccessible(page);

    await page.unroute(attachments);
    await page.route(attachments, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill(problem(409, 'TOO_MANY_ATTACHMENTS'))
        : route.continue(),
    );
    await add.click();
    await expect(errors).toContainText('Er zijn al 100 bijlagen.');
    await expectAccessible(page);
  });

  test('Webhooks when the list cannot be read, a 26th webhook refused, and a webhook that is gone', async ({
    page,
  }) => {
    const webhooks = (url: URL) => /^\/v1\/programmes\/[^/]+\/webhooks$/.test(url.pathname);
    await page.route(webhooks, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill(problem(503, 'SERVICE_UNAVAILABLE'))
        : route.fulfill(problem(409, 'TOO_MANY_WEBHOOKS')),
    );
    await openSignedIn(page, people.coordinator, '/beheer/webhooks');
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.getByText('De webhooks konden niet worden geladen.')).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Adres (URL)').fill('https://koppelingen.voorbeeld.nl/sterk-bestuur');
    await page.getByRole('checkbox', { name: 'Actie aangemaakt' }).check();
    await page.getByRole('button', { name: 'Webhook toevoegen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Dit programma heeft al 25 webhooks, het maximum.');
    await expectAccessible(page);

    await page.goto('/beheer/webhooks/00000000-0000-4000-8000-000000000000');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }),
    ).toBeVisible();
    await expectAccessible(page);
  });
});
