import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

/**
 * Linking one's account to the organisation's provider (issue 20), through the development
 * identity provider `npm start` runs as BZK's: on Account (how a platform administrator
 * links, never by e-mail address), and the administrator removing someone's link in
 * Beheer › Gebruikers, after which the next sign-in through the provider links afresh.
 */
const BZK_PROVIDER = 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (ontwikkelomgeving)';
const LINK_BUTTON = `Account koppelen aan ${BZK_PROVIDER}`;
/** BZK's realm at the development provider, as its ID tokens name it. */
const BZK_ISSUER = /^http:\/\/localhost:\d+\/bzk$/;

/** At the provider's own page (oidc-provider's development one), signs in as `login`. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/bzk\/interaction\//);
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test.describe('Linking your account to your organisation’s provider', () => {
  test('the platform administrator links their account on Account, meets an unreachable provider first, and sees the link', async ({
    page,
    baseURL,
    request,
  }) => {
    await openSignedIn(page, people.admin, '/account');
    const section = page.getByRole('region', { name: 'Inloggen met uw organisatie' });
    await expect(
      section.getByText(`Uw account is nog niet gekoppeld aan ${BZK_PROVIDER}.`),
    ).toBeVisible();
    await expect(
      section.getByText('Daarna logt u in met het account van uw organisatie, zonder wachtwoord.', {
        exact: false,
      }),
    ).toBeVisible();
    await expectAccessible(page);

    // The provider cannot be reached (the API's 503): said in Dutch, and the person stays here.
    await page.route(
      '**/v1/auth/oidc/link',
      (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          headers: { 'Retry-After': '30' },
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Service Unavailable',
            status: 503,
            code: 'IDENTITY_PROVIDER_UNREACHABLE',
          }),
        }),
      { times: 1 },
    );
    await section.getByRole('button', { name: LINK_BUTTON }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(
      'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het over enkele minuten opnieuw.',
    );
    await expect(page).toHaveURL(`${baseURL}/account`);
    await expectAccessible(page);

    await section.getByRole('button', { name: LINK_BUTTON }).click();
    await signInAtProvider(page, 'admin');

    // Back on Account, at the section, which lists the link.
    await expect(page).toHaveURL(`${baseURL}/account#organisatie-inloggen`);
    await expect(
      section.getByRole('heading', { name: 'Inloggen met uw organisatie' }),
    ).toBeFocused();
    const links = section.getByRole('table', { name: 'Uw gekoppelde accounts' });
    await expect(links.getByRole('rowheader', { name: BZK_ISSUER })).toBeVisible();
    await expect(links.getByRole('row')).toHaveCount(2);
    await expect(section.getByText('Uw account is gekoppeld.', { exact: false })).toBeVisible();
    await expect(section.getByRole('button', { name: LINK_BUTTON })).toHaveCount(0);
    await expectAccessible(page);

    // The demo administrator is unlinked again for the other stories (through the API, as an
    // integrator would; the screen for it is the next story's).
    const token = await apiToken(request, people.admin);
    const me = await apiGet<{ id: string }>(request, token, '/me');
    const { items } = await apiGet<{ items: Array<{ id: string }> }>(
      request,
      token,
      '/me/identities',
    );
    expect(items).toHaveLength(1);
    const removed = await request.delete(`/v1/users/${me.id}/identities/${items[0].id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(removed.status()).toBe(204);
  });

  test('a platform administrator removes the link of someone who linked their account; the list then says none', async ({
    page,
    anotherBrowser,
    baseURL,
  }) => {
    const editor = people.editorBzk;
    // The BZK editor links their account, in a browser of their own.
    const editorPage = await (await anotherBrowser()).newPage();
    await openSignedIn(editorPage, editor, '/account');
    await editorPage.getByRole('button', { name: LINK_BUTTON }).click();
    await signInAtProvider(editorPage, editor.email.split('@')[0]);
    await expect(editorPage).toHaveURL(`${baseURL}/account#organisatie-inloggen`);
    await expect(
      editorPage
        .getByRole('table', { name: 'Uw gekoppelde accounts' })
        .getByRole('rowheader', { name: BZK_ISSUER }),
    ).toBeVisible();

    // The administrator finds them in Beheer › Gebruikers and opens them.
    await openSignedIn(page, people.admin, '/beheer');
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeFocused();
    await page.getByLabel('Naam of e-mailadres bevat').fill(editor.email);
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    const row = page
      .getByRole('table', { name: 'Gebruikers' })
      .getByRole('row')
      .filter({ hasText: editor.email });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: `${editor.displayName} wijzigen` }).click();
    const edit = page.getByRole('region', { name: `Gebruiker ${editor.displayName} wijzigen` });
    await expect(edit.getByRole('heading', { level: 2 })).toBeFocused();
    const links = edit.getByRole('region', { name: 'Gekoppelde accounts', exact: true });
    const table = links.getByRole('table', {
      name: `Gekoppelde accounts van ${editor.displayName}`,
    });
    const link = table.getByRole('row').filter({ hasText: 'editor.bzk' });
    await expect(link.getByRole('rowheader', { name: BZK_ISSUER })).toBeVisible();
    const issuer = (await link.getByRole('rowheader').textContent()) ?? '';
    await expectAccessible(page);

    // A step of its own, which can be left without removing anything.
    const remove = link.getByRole('button', { name: `Koppeling met ${issuer} verwijderen` });
    await remove.click();
    const confirm = links.getByRole('region', { name: `Koppeling met ${issuer} verwijderen?` });
    await expect(confirm.getByRole('heading')).toBeFocused();
    await expect(confirm).toContainText('op het e-mailadres');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect(remove).toBeFocused();

    await remove.click();
    await confirm.getByRole('button', { name: 'Ja, koppeling verwijderen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `De koppeling van ${editor.displayName} met ${issuer} is verwijderd.`,
    );
    await expect(
      links.getByText(`${editor.displayName} heeft geen gekoppeld account.`),
    ).toBeVisible();
    await expect(links.getByRole('heading', { name: 'Gekoppelde accounts' })).toBeFocused();
    await expect(table).toHaveCount(0);
    await expectAccessible(page);

    // The editor stays signed in, and Account offers linking again.
    await editorPage.reload();
    await expect(editorPage.getByRole('button', { name: LINK_BUTTON })).toBeVisible();
    await expectAccessible(editorPage);
  });
});
