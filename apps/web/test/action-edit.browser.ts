import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { closedActionOfTheEditor, tabTo } from './support/actions';
import { people } from './support/people';

// Every story makes the actions it changes (through the API or in the story itself), so the
// demo actions other stories use stay as they are.

interface Track {
  id: string;
  name: string;
  position: number;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inWords = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** The coordinator's programme and its tracks, in their order. */
async function programme(request: APIRequestContext, token: string) {
  const me = await apiGet<{
    memberships: Array<{ programmeId: string }>;
    organisation: { id: string };
  }>(request, token, '/me');
  const programmeId = me.memberships[0].programmeId;
  const tracks = (
    await apiGet<{ data: Track[] }>(request, token, `/programmes/${programmeId}/tracks?limit=200`)
  ).data.sort((a, b) => a.position - b.position);
  return { programmeId, tracks, organisationId: me.organisation.id };
}

interface ListedAction {
  status: string;
  health: string;
  percentComplete: number;
  rollupWeight: number | null;
  overdue: boolean;
}

/**
 * A parent action's roll-up computed here from its sub-actions as the list gives them
 * (README "Roll-ups": mean weighted by rollupWeight, met as 100, lapsed left out; the worst
 * health among the open ones with its count), independently of the API's own computation.
 */
async function rollupFromList(request: APIRequestContext, token: string, parentId: string) {
  const { data } = await apiGet<{ data: ListedAction[] }>(
    request,
    token,
    `/actions?parent=${parentId}&limit=100`,
  );
  const closed = ['met', 'partially_met', 'lapsed'];
  let weight = 0;
  let weighted = 0;
  for (const action of data) {
    if (action.status === 'lapsed') continue;
    weight += action.rollupWeight ?? 1;
    weighted +=
      (action.rollupWeight ?? 1) * (action.status === 'met' ? 100 : action.percentComplete);
  }
  const open = data.filter((action) => !closed.includes(action.status));
  const health = ['off_track', 'at_risk', 'on_track', 'not_set'].find((h) =>
    open.some((action) => action.health === h),
  );
  return {
    percent: Math.round((weighted / weight) * 10) / 10,
    total: data.length,
    open: open.length,
    closed: data.length - open.length,
    health,
    healthCount: open.filter((action) => action.health === health).length,
  };
}

const percentInWords = (value: number) =>
  `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value)}%`;
const healthInWords: Record<string, string> = {
  not_set: 'Niet beoordeeld',
  on_track: 'Op koers',
  at_risk: 'Risico',
  off_track: 'Uit koers',
};

/** The parent's page shows the roll-up the test computes from the list of its sub-actions. */
async function expectRollupShown(
  page: Page,
  request: APIRequestContext,
  token: string,
  parentId: string,
) {
  const expected = await rollupFromList(request, token, parentId);
  const section = page.getByRole('region', { name: 'Voortgang van de deelacties' });
  const bar = section.getByRole('progressbar', { name: 'Voortgang van de deelacties' });
  await expect(bar).toHaveAttribute('value', String(expected.percent));
  await expect(bar).toHaveAccessibleDescription(`${percentInWords(expected.percent)} gereed`);
  await expect(section).toContainText(`Voortgang (gewogen)${percentInWords(expected.percent)}`);
  await expect(section).toContainText(
    `${healthInWords[expected.health!]}: ${expected.healthCount} van ${expected.open} open ${expected.open === 1 ? 'deelactie' : 'deelacties'}`,
  );
  await expect(section).toContainText(
    `${expected.total} in totaal: ${expected.open} open, ${expected.closed} afgesloten`,
  );
  return expected;
}

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
}

test.describe('Managing actions', () => {
  test("a coordinator creates an action with two partners and a sub-action under it, then moves its deadline with a reason; the parent shows its sub-actions' roll-up, which follows a closed sub-action and a weight", async ({
    page,
    request,
  }) => {
    // The longest story of the file (one path through create, sub-action, deadline and
    // roll-up): it gets three times the default time on a machine shared with other runs.
    test.slow();
    const title = `Proefactie met partners ${Date.now()}`;
    await openSignedIn(page, people.coordinator, '/acties/nieuw');
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe actie' })).toBeVisible();
    const create = page.getByRole('button', { name: 'Actie aanmaken' });
    await expect(create).toBeVisible();
    await expectAccessible(page);

    // Sent empty: every problem at the top and at its field.
    await create.click();
    const errors = errorSummary(page);
    await expect(errors).toBeFocused();
    await expect(errors.getByRole('link', { name: 'Vul een titel in.' })).toBeVisible();
    await expect(errors.getByRole('link', { name: 'Kies een spoor.' })).toBeVisible();
    await expect(errors.getByRole('link', { name: 'Vul een deadline in.' })).toBeVisible();
    const titleField = page.getByRole('textbox', { name: 'Titel (verplicht)' });
    await expect(titleField).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await errors.getByRole('link', { name: 'Vul een titel in.' }).click();
    await expect(titleField).toBeFocused();

    await titleField.fill(title);
    await page
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill('Een actie die de browsertest aanmaakt, met twee partners.');
    await page.getByLabel('Spoor').selectOption({ index: 1 });
    await expect(page.getByLabel('Eigenaar (trekker)')).toHaveValue(/.+/);
    await page
      .getByLabel('Verantwoordelijke (niet verplicht)')
      .selectOption({ label: 'Redacteur BZK (demo)' });

    // Partners: each row is a group; adding one moves the focus into it.
    const add = page.getByRole('button', { name: 'Partner toevoegen' });
    await add.click();
    const first = page.getByRole('group', { name: 'Partner 1' });
    await expect(first.getByLabel('Organisatie')).toBeFocused();
    await first
      .getByLabel('Organisatie')
      .selectOption({ label: 'Vereniging van Nederlandse Gemeenten (VNG)' });
    await first.getByLabel('Rol').selectOption({ label: 'Mede-eigenaar' });
    await add.click();
    const second = page.getByRole('group', { name: 'Partner 2' });
    await second
      .getByLabel('Organisatie')
      .selectOption({ label: 'Interprovinciaal Overleg (IPO)' });
    await second.getByLabel('Rol').selectOption({ label: 'Geïnformeerd' });
    await add.click();
    await page.getByRole('button', { name: 'Partner 3 verwijderen' }).click();
    await expect(add).toBeFocused();
    await expect(page.getByRole('group', { name: 'Partner 3' })).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Partner 3 verwijderd');

    const deadline = day(60);
    await page.getByLabel('Deadline (verplicht)').fill(deadline);
    await page
      .getByRole('textbox', { name: 'Labels (niet verplicht)' })
      .fill('wetgeving, Proef-E2E');
    await expectAccessible(page);
    await create.click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/acties\/[0-9a-f-]+$/);
    const parentUrl = page.url();
    await expect(page.getByRole('status')).toHaveText('Actie aangemaakt');
    const partners = page.getByRole('region', { name: 'Partners en standpunten' });
    await expect(
      partners.getByRole('row', { name: /Vereniging van Nederlandse Gemeenten Mede-eigenaar/ }),
    ).toBeVisible();
    await expect(
      partners.getByRole('row', { name: /Interprovinciaal Overleg Geïnformeerd/ }),
    ).toBeVisible();
    const summary = page.getByRole('region', { name: 'Samenvatting' });
    await expect(summary).toContainText('Redacteur BZK (demo)');
    await expect(summary).toContainText('wetgeving, proef-e2e');
    await expect(summary).toContainText(inWords(deadline));

    // A sub-action, one level deep: it takes the parent's track.
    await page.getByRole('link', { name: 'Deelactie toevoegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe deelactie' })).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByLabel('Spoor')).toHaveValue('');
    await expect(page.getByLabel('Deadline (verplicht)')).toHaveValue(deadline);
    await expectAccessible(page);
    const subTitle = `Deelactie van de proefactie ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Titel (verplicht)' }).fill(subTitle);
    await page.getByRole('button', { name: 'Actie aanmaken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: subTitle })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Deelactie aangemaakt');
    const subUrl = page.url();
    // A sub-action has no sub-actions of its own.
    await expect(page.getByRole('link', { name: 'Deelactie toevoegen' })).toHaveCount(0);
    await page
      .getByRole('region', { name: 'Samenvatting' })
      .getByRole('link', { name: title })
      .click();
    await expect(page).toHaveURL(parentUrl);
    await expect(
      page.getByRole('region', { name: 'Deelacties' }).getByRole('link', { name: subTitle }),
    ).toBeVisible();

    // Moving the deadline asks for the reason, which lands in the timeline.
    await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Actie bewerken' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Titel (verplicht)' })).toHaveValue(title);
    const partnerRows = await Promise.all(
      [1, 2].map(async (n) => {
        const row = page.getByRole('group', { name: `Partner ${n}` });
        const chosen = (label: string) =>
          row
            .getByLabel(label)
            .evaluate((select: HTMLSelectElement) => select.selectedOptions[0].text);
        return `${await chosen('Organisatie')}: ${await chosen('Rol')}`;
      }),
    );
    expect(partnerRows.sort()).toEqual([
      'Interprovinciaal Overleg (IPO): Geïnformeerd',
      'Vereniging van Nederlandse Gemeenten (VNG): Mede-eigenaar',
    ]);
    const reason = page.getByRole('textbox', { name: 'Reden voor de nieuwe deadline (verplicht)' });
    await expect(reason).toHaveCount(0);
    await expectAccessible(page);
    const later = day(120);
    await page.getByLabel('Deadline (verplicht)').fill(later);
    await expect(reason).toHaveAccessibleDescription(
      `De deadline verschuift van ${inWords(deadline)} naar ${inWords(later)}. Daarvoor is een reden verplicht; ze komt in de voortgang in de tijd en in de geschiedenis van de actie. Ten hoogste 2.000 tekens.`,
    );
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(errors).toBeFocused();
    await expect(
      errors.getByRole('link', {
        name: 'Vul een reden in voor de nieuwe deadline: die is verplicht.',
      }),
    ).toBeVisible();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    const why = 'Het interbestuurlijk overleg over de uitwerking is een kwartaal later.';
    await reason.fill(why);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();

    await expect(page).toHaveURL(parentUrl);
    await expect(page.getByRole('status')).toHaveText('Wijzigingen opgeslagen');
    await expect(page.getByRole('region', { name: 'Samenvatting' })).toContainText(inWords(later));
    const timeline = page.getByRole('region', { name: 'Voortgang in de tijd' });
    await expect(timeline).toContainText('Deadline verschoven');
    await expect(timeline).toContainText(`Reden: ${why}`);

    // The roll-up of the sub-actions: a second one (through the API) at 40 % and at risk.
    const token = await apiToken(request, people.coordinator);
    const { programmeId, organisationId } = await programme(request, token);
    const parentId = parentUrl.split('/').pop()!;
    const subId = subUrl.split('/').pop()!;
    const created = await request.post('/v1/actions', {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        programmeId,
        parentActionId: parentId,
        title: `Tweede deelactie ${Date.now()}`,
        ownerOrganisationId: organisationId,
        deadline: day(60),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const secondId = ((await created.json()) as { id: string }).id;
    let etag = created.headers().etag;
    const report = async (data: Record<string, unknown>) => {
      const posted = await request.post(`/v1/actions/${secondId}/progress-updates`, {
        headers: { Authorization: `Bearer ${token}`, 'If-Match': etag },
        data,
      });
      expect(posted.status(), await posted.text()).toBe(201);
      etag = posted.headers().etag;
    };
    await report({
      status: 'in_progress',
      health: 'at_risk',
      percentComplete: 40,
      narrative: 'Halverwege de eerste fase.',
      reason: 'De aanlevering van gegevens loopt vertraging op.',
    });
    await page.reload();
    const rollup = page.getByRole('region', { name: 'Voortgang van de deelacties' });
    await expect(rollup).toContainText(
      'gewogen naar hun gewicht (standaard 1): een behaalde deelactie telt als 100%, een vervallen deelactie telt niet mee.',
    );
    await expect(
      rollup.getByRole('link', { name: 'Alle deelacties in de actielijst' }),
    ).toHaveAttribute('href', `/acties?parent=${parentId}`);
    let expected = await expectRollupShown(page, request, token, parentId);
    expect(expected).toMatchObject({ percent: 20, open: 2, health: 'at_risk', healthCount: 1 });
    await expectAccessible(page);

    // The second one is met: it counts as 100 and is closed; the figures move.
    await report({ status: 'met', narrative: 'Opgeleverd en vastgesteld.' });
    await page.reload();
    expected = await expectRollupShown(page, request, token, parentId);
    expect(expected).toMatchObject({ percent: 50, open: 1, closed: 1, health: 'not_set' });

    // The coordinator weighs the first sub-action three times as heavy, in its form.
    await page.goto(`/acties/${subId}/bewerken`);
    const weight = page.getByRole('textbox', { name: 'Gewicht in de voortgang (niet verplicht)' });
    await expect(weight).toHaveValue('');
    await expect(weight).toHaveAccessibleDescription(
      /^Telt zwaarder mee in de voortgang van de toezegging, het spoor en de hoofdactie; leeg = 1\./,
    );
    await weight.fill('0');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(errors).toBeFocused();
    await expect(weight).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await weight.fill('3');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page).toHaveURL(subUrl);
    await expect(page.getByRole('status')).toHaveText('Wijzigingen opgeslagen');
    await page.goto(parentUrl);
    expected = await expectRollupShown(page, request, token, parentId);
    expect(expected.percent).toBe(25);
    await expectAccessible(page);
  });

  test('a bulk change made with the keyboard alone: three actions move to another track, one conflicts and is retried', async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, people.coordinator);
    const { programmeId, tracks, organisationId } = await programme(request, token);
    const tag = `bulk-${Date.now()}`;
    const titles = ['eerste', 'tweede', 'derde'].map((n) => `Bulkproef ${n} ${tag}`);
    const ids: string[] = [];
    for (const title of titles) {
      const created = await request.post('/v1/actions', {
        headers: { Authorization: `Bearer ${token}` },
        data: {
          programmeId,
          trackId: tracks[0].id,
          title,
          ownerOrganisationId: organisationId,
          deadline: day(45),
          tags: [tag],
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }

    await openSignedIn(page, people.coordinator, `/acties/wijzigen?tag=${tag}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Meerdere acties wijzigen' }),
    ).toBeFocused();
    const table = page.getByRole('table', { name: 'Gefilterde acties' });
    await expect(table.getByRole('checkbox')).toHaveCount(3);
    await expectAccessible(page);

    const all = page.getByRole('checkbox', { name: 'Alle 3 getoonde acties selecteren' });
    await tabTo(page, all);
    await page.keyboard.press('Space');
    await expect(page.getByRole('status')).toHaveText('3 acties geselecteerd.');
    await expect(
      page.getByRole('paragraph').filter({ hasText: /^3 acties geselecteerd\.$/ }),
    ).toBeVisible();
    for (const title of titles)
      await expect(table.getByRole('checkbox', { name: `Selecteer ${title}` })).toBeChecked();

    // Into the group of kinds (nothing chosen: the first takes the focus), one down: Spoor.
    const kinds = page.getByRole('group', { name: 'Wat wilt u wijzigen?' });
    await tabTo(page, kinds.getByRole('radio', { name: 'Eigenaar en verantwoordelijke' }));
    await page.keyboard.press('ArrowDown');
    await expect(kinds.getByRole('radio', { name: 'Spoor' })).toBeChecked();
    const track = page.getByLabel('Nieuw spoor');
    await tabTo(page, track);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(track).toHaveValue(tracks[1].id);
    await tabTo(page, page.getByRole('button', { name: 'Wijziging controleren' }));
    await page.keyboard.press('Enter');

    const confirm = page.getByRole('heading', { level: 2, name: '3. Controleer en voer door' });
    await expect(confirm).toBeFocused();
    await expect(
      page.getByText(`U wijzigt 3 acties: spoor wordt ${tracks[1].name}.`),
    ).toBeVisible();
    await expectAccessible(page);

    // Meanwhile someone else changes the second action.
    const conflicted = ids[1];
    const current = await request.get(`/v1/actions/${conflicted}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const changed = await request.patch(`/v1/actions/${conflicted}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-Match': current.headers().etag },
      data: { description: 'Intussen door iemand anders aangevuld.' },
    });
    expect(changed.status(), await changed.text()).toBe(200);

    await tabTo(page, page.getByRole('button', { name: 'Wijzig 3 acties' }));
    await page.keyboard.press('Enter');
    const outcome = page.getByText(/^Wijziging: spoor wordt/);
    await expect(outcome).toBeFocused();
    await expect(outcome).toContainText('Uitkomst: 2 gewijzigd, 1 conflict.');
    const results = page.getByRole('table', { name: 'Resultaat per actie' });
    await expect(
      results.getByRole('row', { name: new RegExp(`${titles[1]} Conflict`) }),
    ).toBeVisible();
    await expect(
      results.getByRole('row', { name: new RegExp(`${titles[0]} Gewijzigd`) }),
    ).toBeVisible();
    await expect(
      results.getByRole('row', { name: new RegExp(`${titles[2]} Gewijzigd`) }),
    ).toBeVisible();
    await expectAccessible(page);

    await tabTo(
      page,
      page.getByRole('button', { name: 'Opnieuw proberen met de nieuwste versie (1 actie)' }),
    );
    await page.keyboard.press('Enter');
    await expect(outcome).toBeFocused();
    await expect(outcome).toContainText('Uitkomst: 3 gewijzigd.');
    await expect(
      results.getByRole('row', { name: new RegExp(`${titles[1]} Gewijzigd`) }),
    ).toBeVisible();

    // Nothing was overwritten: every action has the new track, the other change stayed.
    for (const id of ids) {
      const action = await apiGet<{ trackId: string; description: string }>(
        request,
        token,
        `/actions/${id}`,
      );
      expect(action.trackId).toBe(tracks[1].id);
    }
    const kept = await apiGet<{ description: string }>(request, token, `/actions/${conflicted}`);
    expect(kept.description).toBe('Intussen door iemand anders aangevuld.');
  });

  test('a coordinator verifies a closed action, and the action says so in words', async ({
    page,
    request,
  }) => {
    const action = await closedActionOfTheEditor(request, `Afgesloten proefactie ${Date.now()}`);

    await openSignedIn(page, people.coordinator, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: action.title })).toBeVisible();
    const verify = page.getByRole('region', { name: 'Verifiëren' });
    await expect(verify).toContainText('Verificatie: Zelf gemeld.');
    await expectAccessible(page);
    await verify.getByRole('button', { name: 'Verifiëren' }).click();

    const done = verify.getByText(/^Verificatie: Geverifieerd\./);
    await expect(done).toBeFocused();
    await expect(page.getByRole('status')).toHaveText('Actie geverifieerd');
    await expect(
      page.getByRole('region', { name: 'Samenvatting' }).getByText('Geverifieerd', { exact: true }),
    ).toBeVisible();
    await expect(verify.getByRole('button', { name: 'Verifiëren' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
