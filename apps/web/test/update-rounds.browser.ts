import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { newActionOfTheEditor } from './support/actions';
import { people } from './support/people';

/** A day `offset` days from today, as the date field takes it. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The editor reports progress on an action through the API, as any owner could. */
async function editorUpdates(request: APIRequestContext, actionId: string): Promise<void> {
  const token = await apiToken(request, people.editorBzk);
  const current = await request.get(`/v1/actions/${actionId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const posted = await request.post(`/v1/actions/${actionId}/progress-updates`, {
    headers: { Authorization: `Bearer ${token}`, 'If-Match': current.headers()['etag'] },
    data: { status: 'in_progress', percentComplete: 20, narrative: 'Eerste stappen gezet.' },
  });
  expect(posted.status(), await posted.text()).toBe(201);
}

test.describe('Update rounds', () => {
  test('a coordinator asks for updates on two actions, an editor updates one, and the round shows who has not', async ({
    page,
    request,
  }) => {
    // A word only this story's actions carry, to find them in the picker.
    const word = `Kwartel${Date.now()}`;
    const first = await newActionOfTheEditor(request, `Uitvraag ${word} eerste`);
    const second = await newActionOfTheEditor(request, `Uitvraag ${word} tweede`);

    await openSignedIn(page, people.coordinator, '/uitvraagrondes');
    await expect(page.getByRole('heading', { level: 1, name: 'Uitvraagrondes' })).toBeVisible();
    await page.getByRole('link', { name: 'Nieuwe uitvraagronde starten' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Nieuwe uitvraagronde' }),
    ).toBeVisible();
    await expectAccessible(page);

    // Starting with nothing filled in: every problem in the summary and at its field.
    const start = page.getByRole('button', { name: /^Uitvraagronde starten/ });
    await start.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Vul een naam voor de ronde in.',
      'Vul de datum in waarvóór de acties bijgewerkt moeten zijn.',
      'Kies ten minste één actie.',
    ]);
    await summary.getByRole('link', { name: 'Vul een naam voor de ronde in.' }).click();
    await expect(page.getByRole('textbox', { name: 'Naam van de ronde' })).toBeFocused();
    await expectAccessible(page);

    const title = `Voortgang ${word}`;
    await page.getByRole('textbox', { name: 'Naam van de ronde' }).fill(title);
    await page.getByLabel('Bijwerken vóór').fill(day(14));
    await page
      .getByRole('textbox', { name: 'Bericht aan de eigenaren' })
      .fill('Graag uw voortgang voor de voorjaarsrapportage.');
    const picker = page.getByRole('group', { name: 'Welke acties' });
    await picker.getByRole('searchbox', { name: 'Zoeken op woorden' }).fill(word);
    await picker
      .getByRole('combobox', { name: 'Eigenaar' })
      .selectOption({ label: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' });
    await picker.getByRole('button', { name: 'Toon deze acties' }).click();
    await expect(picker.getByText('2 acties getoond, 0 gekozen.')).toBeVisible();
    await picker.getByRole('checkbox', { name: 'Alle 2 getoonde acties kiezen' }).check();
    await expect(picker.getByRole('checkbox', { name: first.title })).toBeChecked();
    await expect(picker.getByRole('checkbox', { name: second.title })).toBeChecked();
    await expect(picker.getByText('2 acties getoond, 2 gekozen.')).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Uitvraagronde starten voor 2 acties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Uitvraagronde gestart');
    const progress = page.getByRole('region', { name: 'Voortgang van de ronde' });
    await expect(progress.getByText('0 van 2 acties bijgewerkt (0%)')).toBeVisible();
    await expect(
      progress.getByRole('progressbar', { name: 'Voortgang van de ronde' }),
    ).toHaveAttribute('value', '0');
    await expectAccessible(page);

    await editorUpdates(request, first.id);

    // The worker plans the requests within seconds; refreshing shows them and the update.
    const notUpdated = page.getByRole('region', { name: /^Nog niet bijgewerkt/ });
    const updated = page.getByRole('region', { name: /^Bijgewerkt/ });
    // Named as on the action page: the organisation is the owner, the person is responsible.
    await expect(notUpdated.getByRole('columnheader')).toContainText([
      'Eigenaar',
      'Verantwoordelijke',
    ]);
    await expect(async () => {
      await progress.getByRole('button', { name: 'Gegevens vernieuwen' }).click();
      await expect(progress.getByText('1 van 2 acties bijgewerkt (50%)')).toBeVisible({
        timeout: 1_000,
      });
      await expect(notUpdated.getByText(/Verzoek (verstuurd|gepland)/)).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(progress.getByText('1 actie is nog niet bijgewerkt.')).toBeVisible();
    await expect(progress.getByRole('button', { name: 'Gegevens vernieuwen' })).toBeFocused();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Nog niet bijgewerkt (1)' }),
    ).toBeVisible();
    const waiting = notUpdated.getByRole('row', { name: new RegExp(second.title) });
    await expect(
      waiting.getByRole('cell', { name: 'Redacteur BZK (demo)', exact: true }),
    ).toBeVisible();
    await expect(waiting.getByRole('cell', { name: 'Nog geen', exact: true })).toBeVisible();
    await expect(notUpdated.getByRole('link', { name: first.title })).toHaveCount(0);
    await expect(updated.getByRole('link', { name: first.title })).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Verzoeken en herinneringen' })
        .getByText(/verstuurd; \d+ nog gepland/),
    ).toBeVisible();
    await expectAccessible(page);

    // The action links to its page.
    await notUpdated.getByRole('link', { name: second.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: second.title })).toBeVisible();
  });

  test('a coordinator cancels a round after confirming, and the list shows it cancelled', async ({
    page,
    request,
  }) => {
    const action = await newActionOfTheEditor(request, `Uitvraag te annuleren ${Date.now()}`);
    const token = await apiToken(request, people.coordinator);
    const { programmeId } = await apiGet<{ programmeId: string }>(
      request,
      token,
      `/actions/${action.id}`,
    );
    const title = `Ronde die vervalt ${Date.now()}`;
    const created = await request.post(`/v1/programmes/${programmeId}/update-rounds`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { title, dueDate: day(10), filter: { actionIds: [action.id] } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const round = (await created.json()) as { id: string };

    await openSignedIn(page, people.coordinator, `/uitvraagrondes/${round.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const cancel = page.getByRole('region', { name: 'Ronde annuleren' });
    await cancel.getByRole('button', { name: 'Ronde annuleren…' }).click();
    await expect(
      cancel.getByRole('heading', { name: 'Weet u zeker dat u deze ronde wilt annuleren?' }),
    ).toBeFocused();
    await expectAccessible(page);

    // "No" keeps the round and returns the focus to the button that asked.
    await cancel.getByRole('button', { name: 'Nee, ronde laten lopen' }).click();
    await expect(cancel.getByRole('button', { name: 'Ronde annuleren…' })).toBeFocused();

    await cancel.getByRole('button', { name: 'Ronde annuleren…' }).press('Enter');
    await cancel.getByRole('button', { name: 'Ja, ronde annuleren' }).press('Enter');
    await expect(
      page.getByText('De ronde is geannuleerd. Er gaan geen verzoeken of herinneringen meer uit.'),
    ).toBeFocused();
    await expect(page.getByRole('status')).toHaveText('Uitvraagronde geannuleerd');
    await expect(page.getByRole('region', { name: 'Ronde annuleren' })).toHaveCount(0);
    await expect(page.getByRole('definition').filter({ hasText: 'Geannuleerd' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Terug naar alle uitvraagrondes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uitvraagrondes' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Geannuleerd');
    await expectAccessible(page);
  });
});
