import { expect, test } from './support/fixtures';
import { apiToken, expectAccessible, openSignedIn } from './support/app';
import { newActionOfTheEditor, ownedAction } from './support/actions';
import { people } from './support/people';

const ACTION =
  'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen';
const SUB_ACTION = 'Toetsingsvragen beproeven op drie wetsvoorstellen';

test.describe('The action page', () => {
  test('shows the partners with their positions, the commitment with its sources, the sub-actions, the timeline, the comments and the history', async ({
    page,
    request,
  }) => {
    const action = await ownedAction(request, people.editorBzk, ACTION);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: ACTION })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Voortgang melden' })).toHaveAttribute(
      'href',
      `/acties/${action.id}/voortgang`,
    );

    const summary = page.getByRole('region', { name: 'Samenvatting' });
    await expect(summary).toContainText('Startdatum1 september 2023');
    await expect(summary).toContainText('Verantwoordelijke' + 'Redacteur BZK (demo)');
    await expect(summary).toContainText('Labelsbeleidskader, taakverdeling');
    await expect(summary).toContainText('(te laat)');

    const partners = page.getByRole('region', { name: 'Partners en standpunten' });
    const vng = partners.getByRole('row', { name: /Vereniging van Nederlandse Gemeenten/ });
    await expect(vng).toContainText('Mede-eigenaar');
    await expect(vng).toContainText('Heeft zorgen (sinds 15 juli 2026)');
    await expect(partners.getByRole('row', { name: /Interprovinciaal Overleg/ })).toContainText(
      'Nog geen standpunt',
    );

    const commitment = page.getByRole('region', { name: 'Afspraak' });
    await expect(commitment).toContainText('Beleidskader decentraal bestuur');
    await expect(commitment).toContainText('Actiepunt van de agenda');
    await expect(commitment.getByRole('link', { name: 'Kamerstuk 29362-M' })).toHaveAttribute(
      'href',
      'https://zoek.officielebekendmakingen.nl/kst-29362-M.html',
    );
    // A reference without an address links to the Kamerstuk's official publication.
    await expect(commitment.getByRole('link', { name: 'Kamerstuk 33047-25' })).toHaveAttribute(
      'href',
      'https://zoek.officielebekendmakingen.nl/kst-33047-25.html',
    );

    const subActions = page.getByRole('region', { name: 'Deelacties' });
    await expect(subActions.getByRole('link', { name: SUB_ACTION })).toBeVisible();

    const timeline = page.getByRole('region', { name: 'Voortgang in de tijd' });
    await expect(timeline).toContainText(
      'Eerste versie van de toetsingsvragen besproken met de koepels.',
    );
    await expect(timeline).toContainText(
      'Status: In uitvoering · Gezondheid: Op koers · Voortgang: 30%',
    );
    await expect(timeline).toContainText(
      'Reden: Het nieuwe kabinet wil het kader eerst combineren met de visie op de regio.',
    );

    const comments = page.getByRole('region', { name: 'Reacties' });
    await expect(comments).toContainText(
      'Liaison VNG (demo) (Vereniging van Nederlandse Gemeenten)',
    );
    await expect(comments).toContainText('Standpunt: Heeft zorgen');

    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect(history).toContainText('Deadline verschoven');
    await expect(history).toContainText('Gezondheid: Uit koers');
    await expect(history).toContainText('Reactie geplaatst');
    await expectAccessible(page);

    await subActions.getByRole('link', { name: SUB_ACTION }).click();
    await expect(page.getByRole('heading', { level: 1, name: SUB_ACTION })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Samenvatting' }).getByRole('link', { name: ACTION }),
    ).toBeVisible();
  });

  test('a liaison of a partner reads the action but is not offered to report progress, and the form says why', async ({
    page,
    request,
  }) => {
    const action = await ownedAction(request, people.editorBzk, ACTION);
    await openSignedIn(page, people.liaisonVng, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: ACTION })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Geschiedenis' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Voortgang melden' })).toHaveCount(0);

    await page.goto(`/acties/${action.id}/voortgang`);
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang melden' })).toBeVisible();
    await expect(page.getByText('U kunt voor deze actie geen voortgang melden.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Voortgang opslaan' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('when the API refuses the update after all (403), the form says so at the top', async ({
    page,
    request,
  }) => {
    const action = await ownedAction(request, people.editorBzk, ACTION);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}/voortgang`);
    // The rights changed after the form opened: the API answers 403 (set here for the story).
    await page.route(`**/v1/actions/${action.id}/progress-updates`, (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:sterk-bestuur:problem:forbidden',
          title: 'Forbidden',
          status: 403,
          code: 'FORBIDDEN',
          detail: 'Requires permission actions:update.',
          instance: `/v1/actions/${action.id}/progress-updates`,
        }),
      }),
    );
    await page.getByRole('textbox', { name: 'Toelichting (verplicht)' }).fill('Stand van zaken.');
    await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
    const errors = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(errors).toBeFocused();
    await expect(errors).toContainText('U mag voor deze actie geen voortgang melden.');
    await expect(page.getByRole('textbox', { name: 'Toelichting (verplicht)' })).toHaveValue(
      'Stand van zaken.',
    );
    await expectAccessible(page);
  });
  test('a commitment stored without its kind-specific fields still opens the action', async ({
    page,
    request,
  }) => {
    // Found by npm run bench:web: its commitments carry other attributes, and the page went
    // blank ("Cannot read properties of undefined (reading 'slice')").
    const action = await ownedAction(request, people.editorBzk, ACTION);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/v1/commitments/*', async (route) => {
      const response = await route.fetch();
      const commitment = (await response.json()) as Record<string, unknown>;
      await route.fulfill({
        response,
        json: { ...commitment, kind: 'bofv_agreement', attributes: { source: 'elders' } },
      });
    });
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: ACTION })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Afspraak' })).toContainText('BOFv-afspraak');
    expect(errors).toEqual([]);
  });

  test('"Meer laden" with the keyboard: the focus stays in the list, also when the last page makes the button go', async ({
    page,
    request,
  }) => {
    // 51 comments: one more than a page of the list.
    const action = await newActionOfTheEditor(request, `Proefactie met 51 reacties ${Date.now()}`, {
      assigned: false,
    });
    const editor = await apiToken(request, people.editorBzk);
    for (let n = 1; n <= 51; n += 1) {
      const posted = await request.post(`/v1/actions/${action.id}/comments`, {
        headers: { Authorization: `Bearer ${editor}`, 'Idempotency-Key': crypto.randomUUID() },
        data: { body: `Reactie nummer ${n}.` },
      });
      expect(posted.status()).toBe(201);
    }

    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    const comments = page.getByRole('region', { name: 'Reacties' });
    await expect(comments.getByRole('listitem')).toHaveCount(50);
    await comments.getByRole('button', { name: 'Meer laden' }).press('Enter');
    await expect(comments.getByRole('listitem')).toHaveCount(51);
    await expect(comments.getByText('Reactie nummer 1.', { exact: true })).toBeVisible();
    await expect(comments.getByRole('button', { name: 'Meer laden' })).toHaveCount(0);
    await expect(comments.getByText('Alles wordt getoond.')).toBeFocused();
    await expectAccessible(page);
  });
});
