import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/app';
import { en } from '../src/i18n/en';
import { nl } from '../src/i18n/nl';

/**
 * Signing in with one's organisation's account (issue 20), through the development identity
 * provider `npm start` runs as VNG's (and BZK's, IPO's, UvW's): the sign-in page, the
 * provider's own page, and back into the web app; signing out ends the session there too.
 */
test.describe('Signing in with your organisation', () => {
  test('a VNG liaison signs in through VNG’s provider, lands in the app, and signs out there too', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/aanmelden?terug=/meldingen');
    await expect(
      page.getByRole('heading', { level: 2, name: 'Inloggen met uw organisatie' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /^Inloggen via Vereniging van Nederlandse Gemeenten/ })
      .click();

    // The organisation's own sign-in page (here oidc-provider's development page).
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/vng\/interaction\//);
    await page.getByPlaceholder('Enter any login').fill('liaison.vng');
    await page.getByPlaceholder('and password').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await expect(page).toHaveURL(`${baseURL}/meldingen`);
    await expect(page.getByText('Liaison VNG (demo)').first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Afmelden' }).click();
    // The provider asks whether to end its own session too, then sends the browser back.
    await page.getByRole('button', { name: 'Ja, afmelden' }).click();
    await expect(page).toHaveURL(`${baseURL}/aanmelden?afgemeld`);
    await expect(page.getByText('U bent afgemeld.')).toBeVisible();
    await expectAccessible(page);
  });

  test('an e-mail address of no organisation’s provider is refused in Dutch, at the field', async ({
    page,
  }) => {
    await page.goto('/aanmelden');
    const field = page.getByLabel('E-mailadres bij uw organisatie');
    await page.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Vul het e-mailadres bij uw organisatie in.',
    );
    await field.fill('iemand@elders.example.nl');
    await page.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
    await expect(page).toHaveURL(/\/aanmelden\?sso-fout=OIDC_PROVIDER_UNKNOWN/);
    await expect(page.getByRole('alert')).toContainText(
      'Voor dit e-mailadres is geen inlog via een organisatie ingesteld.',
    );
    await expectAccessible(page);
  });

  test('every refusal the API sends is said in Dutch and English; a crafted code gets the general words', async ({
    page,
    request,
  }) => {
    // The codes as the API documents them (its OpenAPI document): the web app is its client.
    const document = (await (await request.get('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-refusal-codes'?: string[] }>>;
    };
    const codes = [...(document.paths['/auth/oidc/callback'].get['x-refusal-codes'] ?? [])].sort();
    expect(codes.length).toBeGreaterThan(20);
    expect(Object.keys(nl.signIn.sso.refusals).sort()).toEqual(codes);
    expect(Object.keys(en.signIn.sso.refusals).sort()).toEqual(codes);

    for (const crafted of ['__proto__', 'toString', 'constructor']) {
      await page.goto(`/aanmelden?sso-fout=${crafted}`);
      await expect(page.getByRole('alert')).toContainText(nl.signIn.sso.refusedGeneric);
    }
    await expectAccessible(page);
  });
});
