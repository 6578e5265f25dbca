import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { actieagendaId, createPerson } from './support/accounts';
import { apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

const FEED_ADDRESS = /^https?:\/\/[^/]+\/v1\/calendar-feeds\/sbc_[^/]+\/deadlines\.ics$/;

test.describe('Agenda-abonnementen', () => {
  test('a person makes a calendar link on Account, subscribes without signing in, and revokes it', async ({
    page,
    context,
    request,
  }) => {
    await openSignedIn(page, people.editorBzk, '/account');
    const section = page.getByRole('region', { name: 'Agenda-abonnementen' });
    await expect(section.getByText(/Outlook, Google Agenda of Apple Agenda/)).toBeVisible();
    await expect(section.getByText(/U kunt een link altijd intrekken/)).toBeVisible();
    await expectAccessible(page);

    // An empty name is refused at the field.
    const create = section.getByRole('button', { name: 'Agendalink maken' });
    const name = section.getByLabel('Naam', { exact: true });
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await name.fill('   ');
    await create.click();
    await expect(summary).toBeFocused();
    await expect(name).toHaveAccessibleDescription(/Vul een naam in\./);
    await expectAccessible(page);
    await summary.getByRole('link', { name: 'Vul een naam in.' }).click();
    await expect(name).toBeFocused();

    const linkName = `Google Agenda ${randomUUID().slice(0, 8)}`;
    await name.fill(linkName);
    await section.getByLabel('Programma').selectOption({ label: 'Actieagenda Sterk Bestuur' });
    await create.click();
    await expect(page.getByRole('heading', { name: 'Uw nieuwe agendalink' })).toBeFocused();
    await expect(page.getByRole('status')).toHaveText(
      `Agendalink ${linkName} is gemaakt. Kopieer het adres nu: u ziet het maar één keer.`,
    );
    await expect(summary).toHaveCount(0);
    await expect(page.getByText(/U ziet het hierna nooit meer/)).toBeVisible();
    await expect(page.getByText(/^Google Agenda: kies bij Andere agenda's/)).toBeVisible();
    await expect(page.getByText(/^Apple Agenda: kies Archief/)).toBeVisible();
    await expect(page.getByText(/^Outlook: kies Agenda toevoegen/)).toBeVisible();
    const addressField = page.getByLabel(`Adres van agendalink ${linkName}`);
    await expect(addressField).not.toBeEditable();
    const address = await addressField.inputValue();
    expect(address).toMatch(FEED_ADDRESS);
    await expectAccessible(page);

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Kopieer het adres' }).click();
    await expect(page.getByRole('status')).toHaveText('Het adres is gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    // Kept in the page's memory only, never in web storage.
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    );
    expect(stored).not.toContain(address);

    // A calendar app fetches the address as it is: no header, no cookie.
    const subscribed = await request.get(address);
    expect(subscribed.status()).toBe(200);
    expect(subscribed.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await subscribed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'Ik heb het adres bewaard' }).click();
    await expect(page.getByRole('heading', { name: 'Uw nieuwe agendalink' })).toHaveCount(0);
    await expect(addressField).toHaveCount(0);
    await expect(section.getByRole('heading', { name: 'Uw agendalinks' })).toBeFocused();
    const table = section.getByRole('table', { name: 'Uw agendalinks' });
    const row = table.getByRole('row').filter({ hasText: linkName });
    await expect(row.getByRole('cell', { name: 'Actieagenda Sterk Bestuur' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Actief' })).toBeVisible();
    await expect(page.getByText(address)).toHaveCount(0);

    // The list read again shows when the calendar app last used it.
    await page.reload();
    await expect(row.getByRole('cell', { name: 'Actief' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Nog niet' })).toHaveCount(0);
    await expect(page.getByLabel(`Adres van agendalink ${linkName}`)).toHaveCount(0);
    await expectAccessible(page);

    // Revoking is confirmed first; cancelling puts the focus back on the button.
    const revoke = row.getByRole('button', { name: `Agendalink ${linkName} intrekken` });
    await revoke.click();
    const confirm = page.getByRole('heading', { name: `Agendalink ${linkName} intrekken?` });
    await expect(confirm).toBeFocused();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(revoke).toBeFocused();
    expect((await request.get(address)).status()).toBe(200);

    await revoke.click();
    await expect(confirm).toBeFocused();
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect(page.getByRole('status')).toHaveText(`Agendalink ${linkName} is ingetrokken.`);
    await expect(row.getByRole('cell', { name: 'Ingetrokken' })).toBeVisible();
    await expect(revoke).toHaveCount(0);
    await expect(section.getByRole('heading', { name: 'Uw agendalinks' })).toBeFocused();
    await expectAccessible(page);

    // The same address now answers as if it never was.
    const after = await request.get(address);
    expect(after.status()).toBe(404);
    expect(await after.text()).not.toContain('BEGIN:VCALENDAR');
  });

  test('a twenty-first working link is refused, said in Dutch in the error summary', async ({
    page,
    request,
  }) => {
    const person = await createPerson(request, 'Agendalinks');
    const token = await apiToken(request, person);
    const programmeId = await actieagendaId(request);
    for (let count = 1; count <= 20; count++) {
      const response = await request.post('/v1/me/calendar-links', {
        headers: { Authorization: `Bearer ${token}` },
        data: { name: `Agenda ${count}`, programmeId },
      });
      expect(response.status()).toBe(201);
    }

    await openSignedIn(page, person, '/account');
    const section = page.getByRole('region', { name: 'Agenda-abonnementen' });
    await expect(
      section
        .getByRole('table', { name: 'Uw agendalinks' })
        .getByRole('row')
        .filter({ hasText: 'Actief' }),
    ).toHaveCount(20);
    await section.getByLabel('Naam', { exact: true }).fill('Nog een agenda');
    await section.getByRole('button', { name: 'Agendalink maken' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(
      'U heeft al 20 werkende agendalinks, het maximum. Trek eerst een link in die u niet meer gebruikt.',
    );
    await expect(page.getByRole('heading', { name: 'Uw nieuwe agendalink' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
