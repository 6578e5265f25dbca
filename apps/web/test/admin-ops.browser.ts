import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { newActionOfTheEditor } from './support/actions';
import { people } from './support/people';

interface Policy {
  programmeId: string;
  version: number;
  updatedAt: string | null;
  [field: string]: unknown;
}

/** The programme's policy as it is, to put it back: other stories keep the demo's policy. */
async function currentPolicy(request: Parameters<typeof apiToken>[0], token: string) {
  const { data } = await apiGet<{ data: Array<{ id: string }> }>(request, token, '/programmes');
  const programmeId = data[0].id;
  const policy = await apiGet<Policy>(request, token, `/programmes/${programmeId}/reminder-policy`);
  return { programmeId, policy };
}

test.describe('Reminders, e-mail and the audit log', () => {
  test('a coordinator previews a change of the reminder policy, saves it, and sees the reminders it plans next', async ({
    page,
    request,
  }) => {
    // Five axe runs and the worker's replanning: ~40 s here, near the 60 s limit on a busy machine.
    test.setTimeout(120_000);
    const coordinator = await apiToken(request, people.coordinator);
    const before = await currentPolicy(request, coordinator);
    const action = await newActionOfTheEditor(
      request,
      `Herinneringen beproeven ${Date.now().toString(36)}`,
    );
    try {
      await openSignedIn(page, people.coordinator, '/beheer/herinneringen');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Herinneringsbeleid' }),
      ).toBeVisible();
      const days = page.getByLabel('Dagen vóór de deadline');
      await expect(days).toHaveValue('14, 3');
      await expect(page.getByLabel('Ook op de dag van de deadline zelf')).toBeChecked();
      await expect(page.getByLabel('Bestuurlijk: na hoeveel dagen')).toHaveValue('14');
      const next = page.getByRole('table', { name: 'Geplande herinneringen, de vroegste eerst' });
      await expect(next.getByRole('row').nth(1)).toBeVisible();
      // Soonest first.
      const times = await next
        .locator('time')
        .evaluateAll((elements) =>
          elements.map((element) => element.getAttribute('datetime') ?? ''),
        );
      expect(times).toEqual([...times].sort());
      await expectAccessible(page);

      // A mistake is named on top and at its field, which the summary's link focuses.
      await days.fill('14, drie');
      await page.getByLabel('Bestuurlijk: na hoeveel dagen').fill('0');
      await page.getByRole('button', { name: 'Beleid opslaan' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toHaveText([
        /Vul dagen vóór de deadline in als hele getallen/,
        'Het aantal dagen bij Bestuurlijk moet groter zijn dan bij het niveau ervoor',
      ]);
      await expectAccessible(page);
      await summary.getByRole('link').first().click();
      await expect(days).toBeFocused();

      // 29 days ahead: the new action (deadline in 30 days) gets a reminder tomorrow.
      await days.fill('29, 14, 3');
      await page.getByLabel('Bestuurlijk: na hoeveel dagen').fill('10');
      const contacts = page.getByRole('group', { name: 'Bestuurlijk: contactpersonen' });
      await contacts.getByLabel('Coördinator BZK (demo) (Coördinator)').check();

      // What it would send, before saving.
      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await expect(
        page.getByRole('heading', { name: 'Voorbeeld: wat dit beleid als eerste zou versturen' }),
      ).toBeFocused();
      await expect(page.getByText(/^Niet opgeslagen\. Met deze instellingen plant/)).toBeVisible();
      const preview = page.getByRole('table', { name: /^Voorbeeld van de eerstvolgende/ });
      const proposed = preview.getByRole('row').filter({ hasText: action.title });
      await expect(proposed).toContainText('Deadline nadert (29 dagen vooraf)');
      await expect(proposed).toContainText('Redacteur BZK (demo)');
      await expect(next.getByRole('row').filter({ hasText: action.title })).toHaveCount(0);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Beleid opslaan' }).click();
      await expect(page.getByRole('status')).toHaveText(
        'Het beleid is opgeslagen. De herinneringen worden opnieuw gepland.',
      );
      await expect(page.getByText(/^Laatst gewijzigd op /)).toBeVisible();
      await expect(days).toHaveValue('29, 14, 3');
      await expect(page.getByRole('button', { name: 'Beleid opslaan' })).toBeFocused();

      // The worker plans the programme again; "Vernieuwen" shows the action's new reminder.
      const row = next.getByRole('row').filter({ hasText: action.title });
      await expect(async () => {
        await page.getByRole('button', { name: 'Vernieuwen' }).click();
        await expect(row).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(row).toContainText('Deadline nadert (29 dagen vooraf)');
      await expect(row).toContainText('Redacteur BZK (demo)');
      await expectAccessible(page);
    } finally {
      const { programmeId, version, updatedAt, ...body } = before.policy;
      void version;
      void updatedAt;
      const restored = await request.put(`/v1/programmes/${programmeId}/reminder-policy`, {
        headers: { Authorization: `Bearer ${coordinator}` },
        data: body,
      });
      expect(restored.status()).toBe(200);
    }
  });

  test('a coordinator finds their own change in the audit log and reads it as from → to', async ({
    page,
    request,
  }) => {
    // The coordinator makes an action (through the API): recorded as theirs.
    const action = await newActionOfTheEditor(request, `Auditspoor ${Date.now().toString(36)}`);
    await openSignedIn(page, people.coordinator, '/beheer/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
    await page.getByLabel('Wie').selectOption({ label: 'Coördinator BZK (demo)' });
    await page.getByLabel('Onderwerp').selectOption({ label: 'Actie' });
    await page.getByLabel('Handeling').selectOption({ label: 'Aangemaakt' });
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    await page.getByLabel('Vanaf (datum)').fill(today);
    await page.getByLabel('Tot en met (datum)').fill(today);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Gebeurtenissen' })).toBeFocused();
    await expect(page).toHaveURL(/onderwerp=action/);
    const events = page.getByRole('table', { name: /Gebeurtenissen in het auditlog/ });
    const newest = events.getByRole('row').nth(1);
    await expect(newest).toContainText('Coördinator BZK (demo)');
    await expect(newest).toContainText('Aangemaakt');
    await expect(newest).toContainText('Actie');
    await expect(newest).toContainText('title');
    await expectAccessible(page);

    await newest.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /^Gebeurtenis #\d+$/ })).toBeVisible();
    const fields = page.getByRole('table', { name: 'Gewijzigde velden van actie: van, naar' });
    await expect(fields.getByRole('row', { name: /^title/ })).toContainText(
      `title—${action.title}`,
    );
    await expect(page.getByRole('link', { name: 'Actie (openen)' })).toHaveAttribute(
      'href',
      `/acties/${action.id}`,
    );
    await expectAccessible(page);

    // Back to the list as it was filtered.
    await page.getByRole('link', { name: 'Terug naar het auditlog' }).click();
    await expect(page.getByLabel('Onderwerp')).toHaveValue('action');
    await expect(page.getByLabel('Handeling')).toHaveValue('create');
    // Only platform administrators run the chain check.
    await expect(page.getByRole('region', { name: 'Controle van de keten' })).toContainText(
      'voorbehouden aan platformbeheerders',
    );
  });

  test('a coordinator reads the e-mail delivery log, and an administrator checks the chain', async ({
    page,
    request,
    anotherBrowser,
  }) => {
    // Making an action the editor's sends them an e-mail ("Een actie is aan u toegewezen").
    await newActionOfTheEditor(request, `Bezorging ${Date.now().toString(36)}`);
    await openSignedIn(page, people.coordinator, '/beheer/verzendingen');
    await expect(page.getByRole('heading', { level: 1, name: 'E-mailverzending' })).toBeVisible();
    const log = page.getByRole('table', { name: 'E-mails, de nieuwste eerst' });
    const assigned = log
      .getByRole('row')
      .filter({ hasText: 'Redacteur BZK (demo)' })
      .filter({ hasText: 'Een actie is aan u toegewezen' })
      .first();
    await expect(assigned).toBeVisible();
    await expect(async () => {
      await page.getByRole('button', { name: 'Vernieuwen' }).click();
      await expect(assigned).toContainText('Verstuurd', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(assigned).toContainText('Geen');
    await expectAccessible(page);

    await page.getByLabel('Status').selectOption({ label: 'Mislukt' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/status=failed/);
    // The demo's mail inbox takes every message: nothing fails, so there is nothing to retry.
    await expect(page.getByText('Er zijn geen e-mails met deze status.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Opnieuw versturen/ })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByLabel('Status').selectOption({ label: 'Verstuurd' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(
      page.getByRole('table', { name: 'E-mails met status Verstuurd, de nieuwste eerst' }),
    ).toBeVisible();

    // A platform administrator checks the audit log's chain, in a browser of their own.
    const adminPage = await (await anotherBrowser()).newPage();
    await openSignedIn(adminPage, people.admin, '/beheer/audit');
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
    await expect(adminPage.getByLabel('Programma')).toHaveValue('');
    await expect(
      adminPage.getByRole('table', { name: /Gebeurtenissen in het auditlog/ }),
    ).toBeVisible();
    const chain = adminPage.getByRole('region', { name: 'Controle van de keten' });
    await chain.getByRole('button', { name: 'Keten controleren' }).click();
    const verdict = chain.getByRole('status');
    await expect(verdict).toBeFocused();
    await expect(verdict).toContainText(
      /De keten is intact \([\d.]+ gebeurtenissen gecontroleerd\)\./,
    );
    await expect(verdict).toContainText(/controlepunt|Er is nog geen ondertekend controlepunt/);
    await expectAccessible(adminPage);
  });
});

test.describe('The live region', () => {
  test('reads out two messages in quick succession one after the other, each long enough to be heard', async ({
    page,
  }) => {
    await openSignedIn(page, people.coordinator, '/beheer/verzendingen');
    await expect(page.getByRole('heading', { level: 1, name: 'E-mailverzending' })).toBeVisible();
    // What the app's live region says, and when: its text each time it changes.
    await page.evaluate(() => {
      const region = document.querySelector('[role="status"][aria-live="polite"]');
      const said: Array<[number, string]> = [];
      (window as unknown as { said: typeof said }).said = said;
      new MutationObserver(() => said.push([performance.now(), region?.textContent ?? ''])).observe(
        region!,
        { childList: true, subtree: true, characterData: true },
      );
    });
    // Two refreshes, the second before the first has been read out.
    const refresh = page.getByRole('button', { name: 'Vernieuwen' });
    await refresh.dblclick();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { said: Array<[number, string]> }).said.filter(([, text]) => text)
              .length,
        ),
      )
      .toBe(2);
    const said = await page.evaluate(
      () => (window as unknown as { said: Array<[number, string]> }).said,
    );
    // Each message in the region, until the next change: the first stays at least half a second.
    const shown = said.flatMap(([at, text], i) =>
      text ? [{ text, for: (said[i + 1]?.[0] ?? Infinity) - at }] : [],
    );
    expect(shown.map((message) => message.text)).toEqual([
      'De lijst is vernieuwd.',
      'De lijst is vernieuwd.',
    ]);
    expect(shown[0].for).toBeGreaterThanOrEqual(500);
  });
});
