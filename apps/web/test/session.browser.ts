import { expect, test } from './support/fixtures';
import { expectAccessible, openSignedIn, signIn } from './support/app';
import { createPerson } from './support/accounts';
import { newActionOfTheEditor } from './support/actions';
import { people } from './support/people';

const PROBLEM = 'application/problem+json';

test.describe('The session', () => {
  test('when renewing the session fails for a moment (503), the person stays signed in and keeps what they typed', async ({
    page,
    request,
  }) => {
    const action = await newActionOfTheEditor(
      request,
      `Proefactie voor een storing bij het verlengen van de sessie ${Date.now()}`,
    );
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}/voortgang`);
    const narrative = page.getByRole('textbox', { name: 'Toelichting (verplicht)' });
    await expect(narrative).toBeVisible();

    // The scene: the access token has just expired (the API answers 401 once) and the
    // session service is briefly unavailable (the refresh answers 503).
    let refused = false;
    await page.route(`**/v1/actions/${action.id}/progress-updates`, async (route) => {
      if (refused) return route.continue();
      refused = true;
      return route.fulfill({
        status: 401,
        contentType: PROBLEM,
        json: { status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' },
      });
    });
    await page.route('**/v1/auth/browser/refresh', (route) =>
      route.fulfill({
        status: 503,
        contentType: PROBLEM,
        headers: { 'Retry-After': '5' },
        json: { status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Service Unavailable' },
      }),
    );
    const text = 'Stand van zaken, getypt vlak voor een storing.';
    await narrative.fill(text);
    await page.getByRole('button', { name: 'Voortgang opslaan' }).click();

    // Not sent to the sign-in page: the form, what they typed and a message to try again.
    const errors = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(errors).toBeFocused();
    await expect(errors).toContainText('Probeer het opnieuw');
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang melden' })).toBeVisible();
    await expect(narrative).toHaveValue(text);
    await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
    await expectAccessible(page);

    // The service is back: the same click saves.
    await page.unroute('**/v1/auth/browser/refresh');
    await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: action.title })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Voortgang opgeslagen');
    await expect(page.getByRole('region', { name: 'Laatste toelichting' })).toContainText(text);
  });

  test('signing out that fails on the server says so and keeps the person signed in, so a reload cannot resume a session they think has ended', async ({
    page,
  }) => {
    await openSignedIn(page, people.editorBzk);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
    const unavailable = {
      status: 503,
      contentType: PROBLEM,
      json: { status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Service Unavailable' },
    };
    await page.route('**/v1/auth/browser/logout', (route) => route.fulfill(unavailable));
    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Afmelden is niet gelukt. Probeer het opnieuw.',
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
    await expectAccessible(page);

    await page.unroute('**/v1/auth/browser/logout');
    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await expect(page.getByText('U bent afgemeld.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  });

  test('signing out everywhere that fails on the server says so on the account page', async ({
    page,
  }) => {
    await openSignedIn(page, people.editorBzk, '/account');
    await page.route('**/v1/me/sessions', (route) =>
      route.fulfill({
        status: 503,
        contentType: PROBLEM,
        json: { status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Service Unavailable' },
      }),
    );
    await page.getByRole('button', { name: 'Afmelden op alle apparaten' }).click();
    const errors = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(errors).toBeFocused();
    await expect(errors).toContainText(
      'Afmelden op alle apparaten is niet gelukt. Probeer het opnieuw.',
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afmelden op alle apparaten' })).toBeEnabled();
    await expectAccessible(page);
  });

  test('a request still under way when the person signs out does not make the page say their session expired', async ({
    page,
    request,
  }) => {
    const person = await createPerson(request, 'Afmelden met een verzoek onderweg');
    // The account page asks for the person's linked accounts; that request is held on its way
    // to the API until the person has signed out, as a slow answer would be.
    let arrived!: () => void;
    const asked = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/me/identities', async (route) => {
      arrived();
      await released;
      await route.continue();
    });
    await openSignedIn(page, person, '/account');
    await asked;
    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await expect(page.getByText('U bent afgemeld.')).toBeVisible();

    // It reaches the API with the ended session's token (401), and the page's attempt to renew
    // that session is refused: the person signed out, and the page must go on saying so.
    const refused = page.waitForResponse('**/v1/me/identities');
    const renewal = page.waitForResponse('**/v1/auth/browser/refresh');
    release();
    expect((await refused).status()).toBe(401);
    expect((await renewal).status()).toBe(401);
    await expect(page.getByText('U bent afgemeld.')).toBeVisible();
    await expect(page.getByText('Uw sessie is verlopen. Meld u opnieuw aan.')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  });

  test('tabs of one browser follow its session: signing out in one signs out the others, and another person signing in replaces the first in every tab', async ({
    context,
    request,
  }) => {
    const first = await createPerson(request, 'Eerste op de gedeelde computer');
    const second = await createPerson(request, 'Tweede op de gedeelde computer');
    const tab = await context.newPage();
    await openSignedIn(tab, first);
    await expect(tab.getByText(`Aangemeld als ${first.displayName}`)).toBeVisible();

    // The same person in a second tab, who signs out there.
    const otherTab = await context.newPage();
    await otherTab.goto('/account');
    await expect(otherTab.getByText(`Aangemeld als ${first.displayName}`)).toBeVisible();
    await otherTab.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await expect(otherTab.getByText('U bent afgemeld.')).toBeVisible();

    // The first tab shows nothing of theirs any more, without waiting for its next request.
    await expect(tab.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await expect(tab.getByText('U bent afgemeld.')).toBeVisible();
    await expect(tab.getByText(`Aangemeld als ${first.displayName}`)).toHaveCount(0);

    // Someone else signs in in the second tab: the first tab is theirs now, never the first
    // person's page working with the second person's session.
    await signIn(otherTab, second);
    await expect(otherTab.getByText(`Aangemeld als ${second.displayName}`)).toBeVisible();
    await expect(tab.getByText(`Aangemeld als ${second.displayName}`)).toBeVisible();
    await expect(tab.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
  });
});
