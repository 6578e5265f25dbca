import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, openSignedIn } from './support/app';
import { people } from './support/people';
import { appears, capture, notCaptured, SCREENSHOTS } from './support/screenshots';

/**
 * The screenshots of the README's "Using the web app": `npm run web:screenshots` runs this
 * story with SBT_SCREENSHOTS=1 and writes docs/screenshots/*.png. Each test is one screen as a
 * demo user sees it, at 1280 × 800.
 */
test.skip(!SCREENSHOTS, 'makes the README screenshots; run with npm run web:screenshots');
test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });

interface ActionRow {
  id: string;
  title: string;
  latestNarrative: string | null;
}

/** An action the BZK editor owns that has a narrative: a page with something on it. */
async function anActionOfTheEditor(request: APIRequestContext): Promise<ActionRow> {
  const token = await apiToken(request, people.editorBzk);
  const { data } = await apiGet<{ data: ActionRow[] }>(
    request,
    token,
    '/actions?ownerUser=me&limit=50',
  );
  const action = data.find((candidate) => candidate.latestNarrative) ?? data[0];
  expect(action, 'the BZK editor owns an action').toBeDefined();
  return action;
}

test.describe('Screenshots', () => {
  test('sign-in', async ({ page }) => {
    await page.goto('/aanmelden');
    await capture(page, 'sign-in', 'Aanmelden');
  });

  test('Mijn werk of an action owner', async ({ page }) => {
    await openSignedIn(page, people.editorBzk);
    await capture(page, 'my-work', 'Mijn werk');
  });

  test('Mijn werk on a phone (320 px)', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openSignedIn(page, people.editorBzk);
    await capture(page, 'my-work-320px', 'Mijn werk');
  });

  test('an action', async ({ page, request }) => {
    const action = await anActionOfTheEditor(request);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    await capture(page, 'action', action.title);
  });

  test('the progress form with an error', async ({ page, request }) => {
    const action = await anActionOfTheEditor(request);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}/voortgang`);
    const heading = page.getByRole('heading', { level: 1, name: 'Voortgang melden' });
    if (!(await appears(heading, 15_000))) {
      notCaptured(`progress-form-error.png: no heading "Voortgang melden" on ${page.url()}`);
      return;
    }
    // Sent without a narrative: the error summary on top, the message at the field.
    const narrative = page.getByRole('textbox', { name: /toelichting/i }).first();
    if (await appears(narrative, 2_000)) await narrative.fill('');
    await page
      .getByRole('button', { name: /^Voortgang (opslaan|melden|versturen)$/ })
      .first()
      .click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    if (await appears(summary)) {
      await capture(page, 'progress-form-error', 'Voortgang melden');
    } else {
      notCaptured('progress-form-error.png: the form showed no error summary');
    }
  });

  test('notifications', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/meldingen');
    await capture(page, 'notifications', 'Meldingen');
  });

  test('account', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/account');
    await capture(page, 'account', 'Account');
  });

  // Part 2: steering, reviewing and reporting (issue 18).
  test('the programme overview', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/overzicht');
    await capture(page, 'overview', 'Overzicht');
  });

  test('the programme action list, filtered', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/acties?status=in_progress');
    await capture(page, 'action-list', 'Acties');
  });

  test('search', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/zoeken?q=bestuur');
    await capture(page, 'search', /Zoek/);
  });

  test('a commitment with its lineage and roll-up', async ({ page, request }) => {
    const token = await apiToken(request, people.coordinator);
    const { data } = await apiGet<{ data: { id: string; title: string }[] }>(
      request,
      token,
      '/commitments?kind=udo_trajectory&limit=1',
    );
    const commitment = data[0];
    expect(commitment, 'the demo has a UDO trajectory').toBeDefined();
    await openSignedIn(page, people.coordinator, `/toezeggingen/${commitment.id}`);
    await capture(page, 'commitment', commitment.title);
  });

  test('the commitment form', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/toezeggingen/nieuw');
    await capture(page, 'commitment-form', 'Toezegging vastleggen');
  });

  test('the action form', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/acties/nieuw');
    await capture(page, 'action-form', 'Nieuwe actie');
  });

  test('the bulk change', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/acties/wijzigen?health=at_risk');
    await capture(page, 'bulk-change', 'Meerdere acties wijzigen');
  });

  test('update rounds', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/uitvraagrondes');
    await capture(page, 'update-rounds', 'Uitvraagrondes');
  });

  test('Partnerschap of a VNG liaison', async ({ page }) => {
    await openSignedIn(page, people.liaisonVng, '/partnerschap');
    await capture(page, 'partnership', 'Partnerschap');
  });

  test('reports', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/rapportages');
    await capture(page, 'reports', 'Rapportages');
  });

  test('members and roles', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/beheer/leden');
    await capture(page, 'members', 'Leden en rollen');
  });

  test('the reminder policy', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/beheer/herinneringen');
    await capture(page, 'reminder-policy', 'Herinneringsbeleid');
  });

  test('the audit log', async ({ page }) => {
    await openSignedIn(page, people.coordinator, '/beheer/audit');
    await capture(page, 'audit-log', 'Auditlog');
  });

  test('the dry run of an import', async ({ page, request }) => {
    const token = await apiToken(request, people.coordinator);
    const me = await apiGet<{ memberships: { programmeId: string }[] }>(request, token, '/me');
    const programmeId = me.memberships[0].programmeId;
    const tracks = await apiGet<{ data: { name: string }[] }>(
      request,
      token,
      `/programmes/${programmeId}/tracks`,
    );
    const track = tracks.data[0].name;
    const csv = [
      'Titel;Spoor;Eigenaar (organisatie);Deadline;Status',
      `Handreiking regionale samenwerking;${track};BZK;31-12-2027;In uitvoering`,
      `Monitor lokale democratie;Bestaat niet;BZK;30-06-2027;`,
      `Werkconferentie;${track};BZK;31-02-2027;Klaar`,
    ].join('\r\n');
    const uploaded = await request.post(`/v1/programmes/${programmeId}/imports`, {
      headers: { Authorization: `Bearer ${token}` },
      multipart: {
        file: { name: 'acties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      },
    });
    expect(uploaded.status()).toBe(202);
    const { id } = (await uploaded.json()) as { id: string };
    await openSignedIn(page, people.coordinator, `/beheer/import/${id}`);
    await expect(page.getByText('De controle is klaar')).toBeVisible({ timeout: 30_000 });
    // A CSV file has no sheet names: its rows are "Rij 2", not ", rij 2".
    await expect(page.getByRole('rowheader', { name: 'Rij 2', exact: true })).toBeVisible();
    await capture(page, 'import-dry-run', 'Import van acties.csv');
  });
});
