import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { createPerson } from './support/accounts';
import { newActionOfTheEditor } from './support/actions';
import { people } from './support/people';

test.describe('Meldingen', () => {
  test('a liaison filters the unread notifications and marks them all read', async ({
    page,
    request,
  }) => {
    // The scene: the IPO liaison mentions the UvW liaison in a comment (as an integrator
    // would, through the API); the worker notifies the UvW liaison.
    const ipoToken = await apiToken(request, people.liaisonIpo);
    const uvwToken = await apiToken(request, people.liaisonUvw);
    const { data: actions } = await apiGet<{ data: Array<{ id: string; title: string }> }>(
      request,
      ipoToken,
      `/actions?q=${encodeURIComponent('Handreiking integrale werkwijze')}&limit=5`,
    );
    const action = actions[0];
    const me = await apiGet<{ id: string; memberships: Array<{ programmeId: string }> }>(
      request,
      uvwToken,
      '/me',
    );
    const posted = await request.post(`/v1/actions/${action.id}/comments`, {
      headers: { Authorization: `Bearer ${ipoToken}`, 'Idempotency-Key': crypto.randomUUID() },
      data: { body: 'Hoe kijken de waterschappen hiertegen aan?', mentionedUserIds: [me.id] },
    });
    expect(posted.status()).toBe(201);
    await expect
      .poll(
        async () => {
          const { data } = await apiGet<{ data: Array<{ kind: string; actionId: string }> }>(
            request,
            uvwToken,
            '/me/notifications?unread=true&limit=50',
          );
          return data.some((n) => n.kind === 'mention' && n.actionId === action.id);
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    await openSignedIn(page, people.liaisonUvw, '/');
    const navigation = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await navigation.getByRole('link', { name: /^Meldingen \d+ ongelezen$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeFocused();
    await expect(page).toHaveTitle('Meldingen – Sterk Bestuur Tracker');
    const mention = page.getByRole('article', {
      name: `Liaison IPO (demo) noemde u bij: ${action.title}`,
    });
    await expect(mention.getByText('Ongelezen', { exact: true })).toBeVisible();
    await expect(page.getByText(/^U heeft \d+ ongelezen melding(en)?\.$/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('checkbox', { name: 'Alleen ongelezen' }).check();
    await expect(page).toHaveURL('/meldingen?ongelezen=ja');
    await expect(mention).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await expect(page.getByRole('status')).toHaveText(/^\d+ melding(en)? gemarkeerd als gelezen$/);
    await expect(page.getByText('U heeft geen ongelezen meldingen.')).toBeFocused();
    await expect(mention).toHaveCount(0);
    await expect(navigation.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
    await expectAccessible(page);

    // Without the filter the notification is still there, read.
    await page.getByRole('checkbox', { name: 'Alleen ongelezen' }).uncheck();
    await expect(page).toHaveURL('/meldingen');
    await expect(mention.getByText('Gelezen', { exact: true })).toBeVisible();
    await expect(mention.getByRole('button', { name: 'Markeer als gelezen' })).toHaveCount(0);
  });

  test('a person chooses e-mail per kind and switches the app to English and back', async ({
    page,
  }) => {
    await openSignedIn(page, people.viewerUvw, '/meldingen');
    await page
      .getByRole('link', {
        name: 'Meldingsvoorkeuren: wat u ook per e-mail krijgt, en in welke taal',
      })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meldingsvoorkeuren' })).toBeFocused();
    const email = page.getByRole('group', { name: 'Ook per e-mail' });
    await expect(email.getByRole('checkbox')).toHaveCount(14);
    await expect(
      email.getByRole('checkbox', {
        name: 'Een webhook van u is uitgeschakeld na mislukte afleveringen',
      }),
    ).toBeVisible();
    await expectAccessible(page);

    const mention = email.getByRole('checkbox', { name: 'U wordt genoemd in een reactie' });
    const wasChecked = await mention.isChecked();
    await mention.setChecked(!wasChecked);
    await page
      .getByRole('group', { name: 'Hoe vaak e-mail' })
      .getByRole('radio', { name: 'Eén e-mail per dag met alles (dagoverzicht)' })
      .check();
    await page.getByRole('group', { name: 'Taal' }).getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Voorkeuren opslaan' }).press('Enter');

    // The whole app now speaks English; the focus stays on the button.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Notification preferences' }),
    ).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Preferences saved');
    await expect(page.getByRole('button', { name: 'Save preferences' })).toBeFocused();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My work' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();

    // The choices were kept; back to Dutch.
    await page.goto('/meldingen/voorkeuren');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Notification preferences' }),
    ).toBeVisible();
    await expect(
      page.getByRole('checkbox', { name: 'You are mentioned in a response' }),
    ).toBeChecked({ checked: !wasChecked });
    await expect(
      page.getByRole('radio', { name: 'One e-mail a day with everything (daily digest)' }),
    ).toBeChecked();
    await page
      .getByRole('group', { name: 'Language' })
      .getByRole('radio', { name: 'Nederlands' })
      .check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meldingsvoorkeuren' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Voorkeuren opgeslagen');
    await expect(
      page
        .getByRole('navigation', { name: 'Hoofdnavigatie' })
        .getByRole('link', { name: 'Mijn werk' }),
    ).toBeVisible();
  });

  test('a person pages through many notifications with the keyboard, and the focus follows the page', async ({
    page,
    request,
  }) => {
    // The scene: the BZK editor mentions a new colleague in 21 comments, one more than a page.
    const person = await createPerson(request, 'Veel meldingen');
    const action = await newActionOfTheEditor(
      request,
      `Proefactie met veel reacties ${Date.now()}`,
      {
        assigned: false,
      },
    );
    const editor = await apiToken(request, people.editorBzk);
    for (let n = 1; n <= 21; n += 1) {
      const posted = await request.post(`/v1/actions/${action.id}/comments`, {
        headers: { Authorization: `Bearer ${editor}`, 'Idempotency-Key': crypto.randomUUID() },
        data: { body: `Reactie ${n} voor de nieuwe collega.`, mentionedUserIds: [person.id] },
      });
      expect(posted.status()).toBe(201);
    }
    const token = await apiToken(request, person);
    await expect
      .poll(
        async () =>
          (await apiGet<{ unreadCount: number }>(request, token, '/me/notifications?limit=1'))
            .unreadCount,
        { timeout: 30_000 },
      )
      .toBe(21);

    await openSignedIn(page, person, '/meldingen');
    await expect(page.getByText('U heeft 21 ongelezen meldingen.')).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(20);
    const pages = page.getByRole('navigation', { name: "Pagina's met meldingen" });
    // The last page has no "next": the focus goes to what the page says first, not lost.
    await pages.getByRole('button', { name: 'Volgende pagina' }).press('Enter');
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByText('U heeft 21 ongelezen meldingen.')).toBeFocused();
    await expectAccessible(page);
    await pages.getByRole('button', { name: 'Vorige pagina' }).press('Enter');
    await expect(page.getByRole('article')).toHaveCount(20);
    await expect(page.getByText('U heeft 21 ongelezen meldingen.')).toBeFocused();
  });

  test('"alleen ongelezen" shows only unread notifications, even when the full list answers last', async ({
    page,
    request,
  }) => {
    // The scene: two mentions of a new colleague, one of them already read.
    const person = await createPerson(request, 'Trage lijst');
    const action = await newActionOfTheEditor(request, `Proefactie trage lijst ${Date.now()}`, {
      assigned: false,
    });
    const editor = await apiToken(request, people.editorBzk);
    for (const body of ['De eerste vraag aan u.', 'De tweede vraag aan u.']) {
      const posted = await request.post(`/v1/actions/${action.id}/comments`, {
        headers: { Authorization: `Bearer ${editor}`, 'Idempotency-Key': crypto.randomUUID() },
        data: { body, mentionedUserIds: [person.id] },
      });
      expect(posted.status()).toBe(201);
    }
    const token = await apiToken(request, person);
    type Page = { data: Array<{ id: string }>; unreadCount: number };
    await expect
      .poll(async () => (await apiGet<Page>(request, token, '/me/notifications')).unreadCount, {
        timeout: 30_000,
      })
      .toBe(2);
    const [newest] = (await apiGet<Page>(request, token, '/me/notifications')).data;
    const read = await request.post(`/v1/me/notifications/${newest.id}/read`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(read.status()).toBe(200);

    // The full list is slow to answer this once; the person ticks the box meanwhile.
    let delayed = false;
    let answered = () => {};
    const fullListAnswered = new Promise<void>((resolve) => (answered = resolve));
    await page.route(
      (url) => url.pathname === '/v1/me/notifications' && !url.searchParams.has('unread'),
      async (route) => {
        if (delayed) return route.continue();
        delayed = true;
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.fulfill({ response });
        answered();
      },
    );
    await openSignedIn(page, person, '/meldingen');
    await page.getByRole('checkbox', { name: 'Alleen ongelezen' }).check();
    await expect(page.getByRole('article')).toHaveCount(1);
    // Once the full list has answered (and the page has had frames to show it), the page
    // still shows the unread one alone.
    await fullListAnswered;
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await expect(page.getByRole('checkbox', { name: 'Alleen ongelezen' })).toBeChecked();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article').getByText('Ongelezen', { exact: true })).toBeVisible();
  });
});
