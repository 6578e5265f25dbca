import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

interface ActionList {
  data: Array<{ id: string; title: string; programmeId: string; overdue: boolean }>;
  _links: { next?: { href: string } };
}

/** A calendar day in Europe/Amsterdam, `days` from today. */
const amsterdamDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

test.describe('Mijn werk', () => {
  test('an owner sees their overdue actions, and the filters narrow the list', async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, people.editorBzk);
    const overdue = await apiGet<ActionList>(
      request,
      token,
      '/actions?ownerUser=me&overdue=true&limit=10',
    );
    expect(overdue.data.length).toBeGreaterThan(0);

    await openSignedIn(page, people.editorBzk);
    const late = page.getByRole('region', { name: /^Te laat/ });
    for (const action of overdue.data) {
      await expect(late.getByRole('link', { name: action.title })).toBeVisible();
    }
    await expectAccessible(page);

    const wanted = overdue.data[0];
    await page.getByLabel('Zoeken').fill(`"${wanted.title}"`);
    // With the keyboard: the focus stays on the button, ready for the next change.
    const apply = page.getByRole('button', { name: 'Filters toepassen' });
    await apply.press('Enter');
    await expect(page).toHaveURL(/zoek=/);
    await expect(apply).toBeFocused();
    await expect(late.getByRole('link', { name: wanted.title })).toBeVisible();
    await expect(late.getByRole('row')).toHaveCount(2);

    await page.getByLabel('Gezondheid').selectOption({ label: 'Uit koers' });
    await page.getByLabel('Status').selectOption({ label: 'Gerealiseerd' });
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await expect(late.getByText('Geen acties.')).toBeVisible();

    await page.getByRole('button', { name: 'Filters wissen' }).press('Enter');
    await expect(late.getByRole('link', { name: wanted.title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Filters wissen' })).toBeFocused();
    await expect(page.getByLabel('Zoeken')).toHaveValue('');
    await expectAccessible(page);
  });

  test("the organisation's view pages through its actions", async ({ page, request }) => {
    // Eleven new actions of BZK, due in two months: more than one page of ten.
    const editor = await apiToken(request, people.editorBzk);
    const me = await apiGet<{ id: string; organisation: { id: string } }>(request, editor, '/me');
    const [template] = (
      await apiGet<ActionList & { data: Array<{ trackId: string }> }>(
        request,
        editor,
        '/actions?ownerUser=me&limit=1',
      )
    ).data;
    const coordinator = await apiToken(request, people.coordinator);
    for (let n = 1; n <= 11; n += 1) {
      const created = await request.post('/v1/actions', {
        headers: { Authorization: `Bearer ${coordinator}` },
        data: {
          programmeId: template.programmeId,
          trackId: template.trackId,
          title: `Gemeentelijke uitvoeringsagenda, deel ${n}`,
          ownerOrganisationId: me.organisation.id,
          deadline: amsterdamDay(60),
        },
      });
      expect(created.status()).toBe(201);
    }

    await openSignedIn(page, people.editorBzk);
    await page.getByLabel('Welke acties').selectOption({ label: 'Van mijn organisatie (BZK)' });
    await page.getByLabel('Zoeken').fill('uitvoeringsagenda');
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    const changed = page.getByRole('region', { name: /^Recent gewijzigd|^Gewijzigd sinds/ });
    await expect(changed.getByRole('heading')).toHaveText(/\(10 of meer\)/);
    const firstPage = await changed.getByRole('row').allTextContents();
    const pages = changed.getByRole('navigation');
    // With the keyboard: the button goes with the page it led to (there is no next page), so
    // the focus goes to the section's heading, not lost to the page.
    await pages.getByRole('button', { name: 'Volgende pagina' }).press('Enter');
    await expect(changed.getByRole('row')).toHaveCount(2);
    await expect(changed.getByRole('row').nth(1)).not.toHaveText(firstPage[1]);
    await expect(changed.getByRole('heading', { level: 2 })).toBeFocused();
    await expectAccessible(page);
    await pages.getByRole('button', { name: 'Vorige pagina' }).press('Enter');
    await expect(changed.getByRole('row')).toHaveCount(11);
    await expect(changed.getByRole('row').nth(1)).toHaveText(firstPage[1]);
    await expect(changed.getByRole('heading', { level: 2 })).toBeFocused();
  });

  test('an update round asks the owner for an update, and the request leads to the form', async ({
    page,
    request,
  }) => {
    const editor = await apiToken(request, people.editorBzk);
    const mine = await apiGet<ActionList>(
      request,
      editor,
      '/actions?ownerUser=me&status=in_progress&overdue=false&limit=1',
    );
    const action = mine.data[0];
    const coordinator = await apiToken(request, people.coordinator);
    const created = await request.post(`/v1/programmes/${action.programmeId}/update-rounds`, {
      headers: { Authorization: `Bearer ${coordinator}` },
      data: {
        title: 'Voortgang voor het Bestuurlijk Overleg',
        dueDate: amsterdamDay(10),
        filter: { actionIds: [action.id] },
      },
    });
    expect(created.status()).toBe(201);

    await openSignedIn(page, people.editorBzk);
    const requested = page.getByRole('region', { name: /^Gevraagd in een updateronde/ });
    const row = requested
      .getByRole('row')
      .filter({ hasText: 'Voortgang voor het Bestuurlijk Overleg' });
    await expect(row.getByRole('link', { name: action.title })).toHaveAttribute(
      'href',
      `/acties/${action.id}/voortgang`,
    );
    await expectAccessible(page);
  });
});
