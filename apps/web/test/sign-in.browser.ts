import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, signIn } from './support/app';
import { people } from './support/people';

test.describe('Signing in', () => {
  test('an e-mail link to an action opens that action after signing in', async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, people.editorBzk);
    const { data } = await apiGet<{ data: Array<{ id: string; title: string }> }>(
      request,
      token,
      '/actions?ownerUser=me&limit=1',
    );
    const action = data[0];

    await page.goto(`/acties/${action.id}`);
    await expect(page).toHaveURL(/\/aanmelden\?terug=/);
    await expectAccessible(page);
    await signIn(page, people.editorBzk);

    await expect(page).toHaveURL(`/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: action.title })).toBeVisible();
  });

  test('a crafted return address never leads out of the app, nor breaks the page', async ({
    page,
    baseURL,
  }) => {
    // Were the app to follow one, the other site would answer this.
    await page.route(
      (url) => url.hostname === 'evil.example',
      (route) => route.fulfill({ body: 'elders' }),
    );
    const crafted = [
      // A tab or a line break, which the URL parser drops: "//evil.example".
      '/%09/evil.example/',
      '/%0A/evil.example/',
      '/%0D%0A/evil.example/',
      '/%09%5Cevil.example/',
      '//evil.example/',
      '/%5C/evil.example/',
      '/%5Cevil.example/',
      '%2F%2Fevil.example/',
      '/%2F/evil.example/',
      'https://evil.example/',
      'javascript:alert(1)',
      'JaVaScRiPt%3Aalert(1)',
    ];
    for (const [index, terug] of crafted.entries()) {
      await page.goto(`/aanmelden?terug=${terug}`);
      // The first through the form, the others with the session already open.
      if (index === 0) await signIn(page, people.editorBzk);
      await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' }), terug).toBeVisible();
      expect(page.url(), terug).toBe(`${baseURL}/`);
    }
  });

  test('a wrong password is reported in Dutch at the top of the form and at the field', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByLabel('E-mailadres', { exact: true }).fill(people.editorBzk.email);
    await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Het e-mailadres of het wachtwoord klopt niet.' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('the session survives a reload without any token in web storage, and ends on signing out', async ({
    page,
  }) => {
    await page.goto('/');
    await signIn(page, people.editorBzk);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();

    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(stored).not.toMatch(/ey[A-Za-z0-9_-]{10,}\.|sbr_/);
    const cookies = await page.context().cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'sbt_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth/browser' });

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByText('U bent afgemeld.')).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  });
});
