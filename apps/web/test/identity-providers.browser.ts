import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

interface StoredProvider {
  id: string;
  displayName: string;
  allowedDomains: string[];
  scopes: string[];
  enabled: boolean;
  passwordSignInDisabled: boolean;
  createUsers: boolean;
  hasClientSecret: boolean;
}

test.describe('Identity providers', () => {
  test('a platform administrator adds an organisation’s identity provider, is told what is wrong, changes it and deletes it', async ({
    page,
    context,
    request,
  }) => {
    // An organisation of its own, so the story does not depend on the providers of the demo's.
    const admin = await apiToken(request, people.admin);
    const unique = randomUUID().slice(0, 6).toUpperCase();
    const organisationName = `Proefprovincie ${unique}`;
    const organisation = `${organisationName} (IDP-${unique})`;
    const created = await request.post('/v1/organisations', {
      headers: { Authorization: `Bearer ${admin}`, 'Idempotency-Key': randomUUID() },
      data: { code: `IDP-${unique}`, name: organisationName, kind: 'province' },
    });
    expect(created.status()).toBe(201);
    const organisationId = ((await created.json()) as { id: string }).id;
    const stored = async () => {
      const { data } = await apiGet<{ data: StoredProvider[] }>(
        request,
        admin,
        `/identity-providers?organisationId=${organisationId}`,
      );
      return data;
    };

    await openSignedIn(page, people.admin, '/beheer');
    await page.getByRole('link', { name: 'Identiteitsproviders' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Identiteitsproviders' }),
    ).toBeFocused();
    await expect(page).toHaveTitle('Identiteitsproviders – Sterk Bestuur Tracker');
    // The address to register at the provider: the API's callback on this very site.
    const redirectUri = `${new URL(page.url()).origin}/v1/auth/oidc/callback`;
    await expect(page.getByLabel('Terugkeeradres (redirect-URI)')).toHaveValue(redirectUri);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Kopieer het adres' }).click();
    await expect(page.getByRole('status')).toHaveText('Het terugkeeradres is gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(redirectUri);
    await expectAccessible(page);

    // Nothing filled in: every missing field in the summary, before anything is sent.
    const add = page.getByRole('region', { name: 'Identiteitsprovider toevoegen' });
    const addButton = add.getByRole('button', { name: 'Identiteitsprovider toevoegen' });
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await addButton.click();
    await expect(summary).toBeFocused();
    for (const message of [
      'Kies een organisatie.',
      'Vul de naam op de aanmeldpagina in.',
      'Vul de issuer-URL in.',
      'Vul de client-id in.',
      'Vul het clientgeheim in.',
      'Vul minstens één e-maildomein in, zoals minbzk.nl.',
    ])
      await expect(summary.getByRole('link', { name: message })).toBeVisible();
    await expectAccessible(page);

    // The API refuses an issuer over plain http (only a provider on localhost may use it).
    const name = `Proefprovincie ${unique} (Entra ID)`;
    await add.getByLabel('Organisatie', { exact: true }).selectOption({ label: organisation });
    await add.getByLabel('Naam op de aanmeldpagina').fill(name);
    const issuer = add.getByLabel('Issuer-URL');
    await issuer.fill('http://login.example.nl/realms/proef');
    await add.getByLabel('Client-id').fill('sterk-bestuur-tracker');
    await add.getByLabel('Clientgeheim').fill(`geheim-${unique}`);
    await expect(add.getByLabel('Scopes')).toHaveValue('openid email profile');
    await expect(add.getByLabel('Claim met het e-mailadres')).toHaveValue('email');
    await add
      .getByLabel('Toegestane e-maildomeinen')
      .fill(`Proef-${unique}.example.nl\n@proef-${unique}.example.nl, ambtenaar.example.nl`);
    await expect(
      add.getByRole('checkbox', { name: 'Aanmelden via deze provider staat aan' }),
    ).toBeChecked();
    const passwordOff = add.getByRole('checkbox', {
      name: 'Wachtwoord-inloggen uitzetten voor deze organisatie',
    });
    await expect(passwordOff).toHaveAccessibleDescription(
      /alleen nog via deze provider aanmelden, niet meer met een wachtwoord/,
    );
    await passwordOff.check();
    await addButton.click();
    await expect(summary).toBeFocused();
    const issuerProblem = summary.getByRole('link', { name: /^Vul de issuer-URL in zoals/ });
    await expect(issuerProblem).toBeVisible();
    await expect(summary.getByRole('link')).toHaveCount(1);
    await expect(issuer).toHaveAccessibleDescription(/Alleen een provider op localhost/);
    await expectAccessible(page);
    await issuerProblem.click();
    await expect(issuer).toBeFocused();
    expect(await stored()).toEqual([]);

    await issuer.fill('https://login.example.nl/realms/proef');
    await addButton.click();
    await expect(page.getByRole('status')).toHaveText(`Identiteitsprovider ${name} is toegevoegd.`);
    await expect(summary).toHaveCount(0);
    const table = page.getByRole('table', { name: 'Identiteitsproviders' });
    const row = table.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: organisation }),
    });
    await expect(row.getByRole('cell')).toHaveText([
      name,
      'https://login.example.nl/realms/proef',
      'Ja',
      'Ja',
      'Nee',
      /Wijzigen/,
    ]);
    // One per organisation: it is no longer offered for a new one.
    await expect(add.getByRole('option', { name: organisation })).toHaveCount(0);
    // The lists were split in the browser; the secret is kept, never shown.
    const [provider] = await stored();
    expect(provider).toMatchObject({
      allowedDomains: [`proef-${unique.toLowerCase()}.example.nl`, 'ambtenaar.example.nl'],
      scopes: ['openid', 'email', 'profile'],
      hasClientSecret: true,
    });
    await expect(page.getByText(`geheim-${unique}`)).toHaveCount(0);
    await expectAccessible(page);

    // Changing it: the secret field starts empty and says one is stored.
    const editButton = row.getByRole('button', { name: `${name} wijzigen` });
    await editButton.click();
    const edit = page.getByRole('region', { name: `Identiteitsprovider ${name} wijzigen` });
    await expect(edit.getByRole('heading', { level: 2 })).toBeFocused();
    const secret = edit.getByLabel('Nieuw clientgeheim (mag leeg blijven)');
    await expect(secret).toHaveValue('');
    await expect(secret).toHaveAccessibleDescription(/Er is een clientgeheim opgeslagen\./);
    await expect(edit.getByLabel('Toegestane e-maildomeinen')).toHaveValue(
      `proef-${unique.toLowerCase()}.example.nl\nambtenaar.example.nl`,
    );
    await expectAccessible(page);

    // Someone else changes it meanwhile (If-Match): saving is refused, nothing is lost.
    const read = await request.get(`/v1/identity-providers/${provider.id}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const meanwhile = await request.patch(`/v1/identity-providers/${provider.id}`, {
      headers: { Authorization: `Bearer ${admin}`, 'If-Match': read.headers().etag },
      data: { createUsers: true },
    });
    expect(meanwhile.status()).toBe(200);
    await edit.getByRole('checkbox', { name: 'Aanmelden via deze provider staat aan' }).uncheck();
    await edit.getByLabel('Naam op de aanmeldpagina').fill(`${name} uit`);
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Iemand anders heeft deze identiteitsprovider');
    await expect(edit.getByLabel('Naam op de aanmeldpagina')).toHaveValue(`${name} uit`);
    expect((await stored())[0]).toMatchObject({ displayName: name, enabled: true });
    // Saving again, knowingly, overwrites that version.
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `Identiteitsprovider ${name} uit is opgeslagen.`,
    );
    await expect(summary).toHaveCount(0);
    await expect(
      page.getByRole('heading', { name: 'Identiteitsproviders', level: 2 }),
    ).toBeFocused();
    await expect(row.getByRole('cell')).toHaveText([
      `${name} uit`,
      'https://login.example.nl/realms/proef',
      'Nee',
      'Ja',
      'Nee',
      /Wijzigen/,
    ]);
    expect((await stored())[0]).toMatchObject({ enabled: false, hasClientSecret: true });

    // Deleting asks first; cancelling changes nothing and returns the focus.
    const remove = row.getByRole('button', { name: `${name} uit verwijderen` });
    await remove.click();
    await expect(
      page.getByRole('heading', { name: `Identiteitsprovider ${name} uit verwijderen?` }),
    ).toBeFocused();
    await expect(page.getByText(`De mensen van ${organisationName} melden zich`)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(remove).toBeFocused();
    await remove.press('Enter');
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `Identiteitsprovider ${name} uit is verwijderd.`,
    );
    await expect(row).toHaveCount(0);
    await expect(
      page.getByRole('heading', { name: 'Identiteitsproviders', level: 2 }),
    ).toBeFocused();
    await expect(add.getByRole('option', { name: organisation })).toHaveCount(1);
    expect(await stored()).toEqual([]);
    await expectAccessible(page);
  });

  test('only platform administrators see the screen', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/beheer');
    await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Leden en rollen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Identiteitsproviders' })).toHaveCount(0);

    await page.goto('/beheer/identiteitsproviders');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Identiteitsproviders' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geen toestemming' })).toBeVisible();
    await expect(
      page.getByText('Alleen platformbeheerders beheren identiteitsproviders.'),
    ).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page);
  });
});
