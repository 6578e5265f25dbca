import { randomUUID } from 'node:crypto';
import type { Route } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { actieagendaId } from './support/accounts';
import { people } from './support/people';

test.describe('Administration', () => {
  test('a coordinator adds a colleague by e-mail address, changes their role and removes them', async ({
    page,
    request,
  }) => {
    // A colleague with an account but no place in the programme yet, made by the platform
    // administrator (coordinators may not create or list accounts).
    const admin = await apiToken(request, people.admin);
    const { organisation } = await apiGet<{ organisation: { id: string } }>(request, admin, '/me');
    const unique = randomUUID().slice(0, 8);
    const colleague = { email: `collega.${unique}@example.nl`, name: `Collega ${unique}` };
    const created = await request.post('/v1/users', {
      headers: { Authorization: `Bearer ${admin}`, 'Idempotency-Key': randomUUID() },
      data: {
        email: colleague.email,
        displayName: colleague.name,
        organisationId: organisation.id,
      },
    });
    expect(created.status()).toBe(201);

    await openSignedIn(page, people.coordinator, '/beheer');
    await page.getByRole('link', { name: 'Leden en rollen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leden en rollen' })).toBeFocused();
    const table = page.getByRole('table', { name: 'Leden van het programma' });
    await expect(
      table.getByRole('rowheader', { name: people.editorBzk.displayName }),
    ).toBeVisible();
    await expectAccessible(page);

    // Filtering in the page: by role, then by name.
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Coördinator' });
    await expect(table.getByRole('rowheader', { name: people.editorBzk.displayName })).toHaveCount(
      0,
    );
    await expect(
      table.getByRole('rowheader', { name: people.coordinator.displayName }),
    ).toBeVisible();
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Alle' });

    // An address without an account is refused in the error summary and at the field.
    const email = page.getByLabel('E-mailadres', { exact: true });
    const add = page.getByRole('button', { name: 'Lid toevoegen' });
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await email.fill(`niemand.${unique}@example.nl`);
    await add.click();
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: /Er is geen actief account met dit e-mailadres/ }),
    ).toBeVisible();
    await expectAccessible(page);
    await summary.getByRole('link', { name: /Er is geen actief account/ }).click();
    await expect(email).toBeFocused();

    await email.fill(colleague.email.toUpperCase());
    await page.getByRole('radio', { name: 'Contactpersoon' }).check();
    await add.click();
    await expect(page.getByRole('status')).toHaveText(
      `${colleague.name} is toegevoegd als Contactpersoon.`,
    );
    await expect(summary).toHaveCount(0);
    await page.getByLabel('Naam of e-mailadres bevat').fill(unique);
    const row = table.getByRole('row').filter({ hasText: colleague.name });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell', { name: 'Contactpersoon' })).toBeVisible();
    await expect(page.getByText('1 van ')).toBeVisible();

    // Changing the role is a step of its own, confirmed with its own button.
    await row.getByRole('button', { name: `Rol wijzigen van ${colleague.name}` }).click();
    await expect(
      page.getByRole('heading', { name: `Rol van ${colleague.name} wijzigen` }),
    ).toBeFocused();
    await expectAccessible(page);
    await page.getByLabel('Nieuwe rol').selectOption({ label: 'Redacteur' });
    await page.getByRole('button', { name: 'Rol wijzigen', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(
      `De rol van ${colleague.name} is nu Redacteur.`,
    );
    await expect(row.getByRole('cell', { name: 'Redacteur' })).toBeVisible();
    await expect(
      row.getByRole('button', { name: `Rol wijzigen van ${colleague.name}` }),
    ).toBeFocused();

    // Removing asks first; cancelling changes nothing and returns the focus.
    const remove = row.getByRole('button', { name: `${colleague.name} verwijderen` });
    await remove.click();
    await expect(
      page.getByRole('heading', { name: `${colleague.name} verwijderen uit het programma?` }),
    ).toBeFocused();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(remove).toBeFocused();
    await remove.press('Enter');
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `${colleague.name} is verwijderd uit het programma.`,
    );
    await expect(row).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Leden van het programma' })).toBeFocused();
    await expect(page.getByText('Geen leden voldoen aan de filters.')).toBeVisible();
  });

  test('a platform administrator adds an organisation and a user in it, resets the password and deactivates the user', async ({
    page,
    request,
  }) => {
    const unique = randomUUID().slice(0, 6).toUpperCase();
    const code = `PROEF-${unique}`;
    const organisationName = `Proeforganisatie ${unique}`;
    await openSignedIn(page, people.admin, '/beheer');
    // A first page of two rows, so that "Meer laden" shows with the demo's few organisations.
    const twoFirst = (route: Route) => {
      const url = new URL(route.request().url());
      if (!url.searchParams.has('cursor')) url.searchParams.set('limit', '2');
      return route.continue({ url: url.toString() });
    };
    await page.route('**/v1/organisations?*', twoFirst);
    await page.getByRole('link', { name: 'Organisaties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeFocused();
    const rowHeaders = page.getByRole('table', { name: 'Organisaties' }).getByRole('rowheader');
    await expect(rowHeaders).toHaveCount(2);
    await expectAccessible(page);
    // The next page: its first row takes the focus (the button may go with the last page).
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect(rowHeaders.nth(2)).toBeFocused();
    await page.unroute('**/v1/organisations?*', twoFirst);

    const addSection = page.getByRole('region', { name: 'Organisatie toevoegen' });
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await addSection.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Vul een naam in.' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Vul een code in.' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Kies de soort organisatie.' })).toBeVisible();
    await expectAccessible(page);

    await addSection.getByLabel('Naam').fill(organisationName);
    await addSection.getByLabel('Code').fill(code.toLowerCase());
    await addSection.getByLabel('Soort').selectOption({ label: 'Gemeente' });
    await addSection.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `Organisatie ${organisationName} is toegevoegd.`,
    );
    await expect(summary).toHaveCount(0);

    // Found by its code, and edited in a step of its own.
    await page.getByLabel('Naam of code bevat').fill(code);
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    const organisations = page.getByRole('table', { name: 'Organisaties' });
    await expect(organisations.getByRole('row')).toHaveCount(2);
    await expect(organisations.getByRole('cell', { name: 'Gemeente' })).toBeVisible();
    await organisations.getByRole('button', { name: `${organisationName} wijzigen` }).click();
    const edit = page.getByRole('region', { name: `Organisatie ${organisationName} wijzigen` });
    await expect(edit.getByRole('heading')).toBeFocused();
    await expectAccessible(page);
    await edit.getByLabel('Naam').fill(`${organisationName} (gewijzigd)`);
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `Organisatie ${organisationName} (gewijzigd) is opgeslagen.`,
    );
    await expect(
      organisations.getByRole('rowheader', { name: `${organisationName} (gewijzigd)` }),
    ).toBeVisible();

    // A user in the new organisation; the password rules are checked before anything is sent.
    await page.getByRole('link', { name: 'Beheer', exact: true }).click();
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeFocused();
    const addUser = page.getByRole('region', { name: 'Gebruiker toevoegen' });
    const email = `gebruiker.${unique.toLowerCase()}@example.nl`;
    const name = `Proefgebruiker ${unique}`;
    await addUser.getByLabel('E-mailadres').fill(email);
    await addUser.getByLabel('Naam').fill(name);
    await addUser
      .getByLabel('Organisatie', { exact: true })
      .selectOption({ label: `${organisationName} (gewijzigd) (${code})` });
    await addUser.getByLabel('Eerste wachtwoord (mag leeg blijven)').fill('kort');
    await addUser.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Het wachtwoord moet minstens 12 tekens hebben.' }),
    ).toBeVisible();
    await expectAccessible(page);
    await addUser.getByLabel('Eerste wachtwoord (mag leeg blijven)').fill(`Stevig-Proef-${unique}`);
    await addUser.getByLabel('Herhaal het nieuwe wachtwoord').fill(`Stevig-Proef-${unique}`);
    await addUser.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await expect(page.getByRole('status')).toHaveText(`Gebruiker ${name} is toegevoegd.`);

    await page.getByLabel('Naam of e-mailadres bevat').fill(email);
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    const users = page.getByRole('table', { name: 'Gebruikers' });
    const row = users.getByRole('row').filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell', { name: `${organisationName} (gewijzigd)` })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Nooit' })).toBeVisible();
    const editButton = row.getByRole('button', { name: `${name} wijzigen` });
    await editButton.click();
    const editUser = page.getByRole('region', { name: `Gebruiker ${name} wijzigen` });
    await expect(editUser.getByRole('heading', { level: 2 })).toBeFocused();
    await expectAccessible(page);

    // A new password (a reset): the user signs in with it.
    const password = `Nieuw-Proefwachtwoord-${unique}`;
    await editUser.getByLabel('Nieuw wachtwoord').fill(password);
    await editUser.getByLabel('Herhaal het nieuwe wachtwoord').fill(password);
    await editUser.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(page.getByRole('status')).toHaveText(`Het wachtwoord van ${name} is ingesteld.`);
    const login = () => request.post('/v1/auth/login', { data: { email, password } });
    expect((await login()).status()).toBe(200);

    // Deactivated, the account can no longer sign in.
    await editButton.click();
    await editUser.getByLabel('Account is actief (kan zich aanmelden)').uncheck();
    await editUser.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText(`Gebruiker ${name} is opgeslagen.`);
    // Active and platform administrator, both in words.
    await expect(row.getByRole('cell', { name: 'Nee', exact: true })).toHaveCount(2);
    expect((await login()).status()).toBe(401);
    await expectAccessible(page);
  });

  test('a person makes an API token, sees it once, uses it, and revokes it; members are not theirs', async ({
    page,
    context,
    request,
  }) => {
    const person = people.viewerUvw;
    await openSignedIn(page, person, '/beheer/leden');
    await expect(page.getByRole('heading', { level: 1, name: 'Leden en rollen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geen toestemming' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Terug naar Beheer' }).click();
    await expect(page.getByRole('link', { name: 'Leden en rollen' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Mijn API-tokens' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn API-tokens' })).toBeFocused();
    await expectAccessible(page);

    const create = page.getByRole('button', { name: 'Token aanmaken' });
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await create.click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Vul een naam in.' })).toBeVisible();
    await expectAccessible(page);

    const name = `Dashboard ${randomUUID().slice(0, 8)}`;
    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByRole('radio', { name: 'Alleen lezen' }).check();
    await create.click();
    await expect(page.getByRole('heading', { name: 'Uw nieuwe token' })).toBeFocused();
    await expect(page.getByText(/U ziet het hierna nooit meer/)).toBeVisible();
    const secretField = page.getByLabel(`Token ${name}`);
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^sbt_/);
    await expectAccessible(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Kopieer het token' }).click();
    await expect(page.getByRole('status')).toHaveText('Het token is gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    // Nothing of it in web storage.
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    );
    expect(stored).not.toContain(secret);

    // The token works for an integration, inside its one programme (API tokens never act on
    // accounts, so `/v1/me` is not theirs: 403).
    const programme = await actieagendaId(request);
    const asIntegration = { headers: { Authorization: `Bearer ${secret}` } };
    expect((await request.get(`/v1/programmes/${programme}`, asIntegration)).status()).toBe(200);
    expect((await request.get('/v1/me', asIntegration)).status()).toBe(403);

    await page.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
    await expect(page.getByRole('heading', { name: 'Uw nieuwe token' })).toHaveCount(0);
    await expect(secretField).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Uw API-tokens' })).toBeFocused();
    const row = page.getByRole('table', { name: 'Uw API-tokens' }).getByRole('row').filter({
      hasText: name,
    });
    await expect(row.getByRole('cell', { name: 'Alleen lezen' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Actief' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Nooit' })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);

    await row.getByRole('button', { name: `${name} intrekken` }).click();
    await expect(page.getByRole('heading', { name: `Token ${name} intrekken?` })).toBeFocused();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect(page.getByRole('status')).toHaveText(`Token ${name} is ingetrokken.`);
    await expect(row.getByRole('cell', { name: 'Ingetrokken' })).toBeVisible();
    expect((await request.get(`/v1/programmes/${programme}`, asIntegration)).status()).toBe(401);

    // The secret is gone for good: a reload shows the list without it.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn API-tokens' })).toBeVisible();
    await expect(row).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
    await expectAccessible(page);
  });
});
