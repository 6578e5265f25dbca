import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { newActionOfTheEditor } from './support/actions';
import { people } from './support/people';

const STATUS: Record<string, string> = {
  not_started: 'Niet gestart',
  in_progress: 'In uitvoering',
  met: 'Gerealiseerd',
  partially_met: 'Deels gerealiseerd',
  lapsed: 'Vervallen',
};
const HEALTH: Record<string, string> = {
  not_set: 'Niet beoordeeld',
  on_track: 'Op koers',
  at_risk: 'Risico',
  off_track: 'Uit koers',
};

interface Summary {
  programme: { name: string };
  summary: {
    total: number;
    open: number;
    closed: number;
    overdue: number;
    byStatus: Record<string, number>;
    byEscalationLevel: Record<string, number>;
    byStatusAndHealth: Array<{ status: string; health: string; count: number }>;
    byTrack: Array<{
      track: { id: string; name: string } | null;
      total: number;
      open: number;
      overdue: number;
      rollup: { percentComplete: number | null; health: string | null; healthCount: number };
    }>;
    byOwnerOrganisation: Array<{
      organisation: { id: string; code: string };
      count: number;
      open: number;
      overdue: number;
    }>;
  };
}

const amsterdamDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
const LEVEL: Record<string, string> = {
  official: 'Ambtelijk',
  administrative: 'Bestuurlijk',
  overhedenoverleg: 'Overhedenoverleg',
  none: 'Niet geëscaleerd',
};
const actions = (count: number) => (count === 1 ? '1 actie' : `${count} acties`);

/** The programme the coordinator works in (their first membership, as the app chooses). */
async function programmeOf(request: APIRequestContext, token: string): Promise<string> {
  const me = await apiGet<{ memberships: Array<{ programmeId: string }> }>(request, token, '/me');
  return me.memberships[0].programmeId;
}

/**
 * Every figure of the summary is on the overview, as a link that says what it counts (a zero
 * is plain text), and no figure is there that the summary does not have.
 */
async function expectFigures(page: Page, { summary }: Summary): Promise<void> {
  const main = page.getByRole('main');
  const link = (count: number, what: string) =>
    main.getByRole('link', { name: `${actions(count)}: ${what}`, exact: true });
  await expect(link(summary.total, 'alle acties')).toBeVisible();
  if (summary.open) await expect(link(summary.open, 'open')).toBeVisible();
  if (summary.overdue) await expect(link(summary.overdue, 'te laat')).toBeVisible();

  const matrix = main.getByRole('table', { name: /per status \(rijen\) en gezondheid/ });
  for (const cell of summary.byStatusAndHealth) {
    await expect(
      matrix.getByRole('link', {
        name: `${actions(cell.count)}: ${STATUS[cell.status]}, ${HEALTH[cell.health]}`,
        exact: true,
      }),
    ).toBeVisible();
  }
  const totals = Object.values(summary.byStatus).filter((count) => count > 0).length;
  await expect(matrix.getByRole('link')).toHaveCount(summary.byStatusAndHealth.length + totals);

  const levels = main.getByRole('table', { name: 'Open acties per escalatieniveau' });
  for (const [level, count] of Object.entries(summary.byEscalationLevel))
    if (count)
      await expect(
        levels.getByRole('link', { name: `${actions(count)}: open, ${LEVEL[level]}`, exact: true }),
      ).toBeVisible();

  const tracks = main.getByRole('table', { name: /^Acties per spoor/ });
  for (const row of summary.byTrack.filter((candidate) => candidate.track)) {
    // The track's roll-up: its progress, and the worst health with how many have it.
    const line = tracks
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: row.track!.name, exact: true }) });
    if (row.rollup.percentComplete !== null)
      await expect(line).toContainText(`${String(row.rollup.percentComplete).replace('.', ',')}%`);
    if (row.rollup.health)
      await expect(
        line.getByRole('link', {
          name: `${actions(row.rollup.healthCount)}: open, ${HEALTH[row.rollup.health]}, spoor ${row.track!.name}`,
          exact: true,
        }),
      ).toBeVisible();
    await expect(
      tracks.getByRole('link', {
        name: `${actions(row.total)}: spoor ${row.track!.name}`,
        exact: true,
      }),
    ).toBeVisible();
    if (row.overdue)
      await expect(
        tracks.getByRole('link', {
          name: `${actions(row.overdue)}: te laat, spoor ${row.track!.name}`,
          exact: true,
        }),
      ).toBeVisible();
  }
  const owners = main.getByRole('table', { name: /^Acties per eigenaar \(trekker\)/ });
  await expect(owners.getByRole('row')).toHaveCount(summary.byOwnerOrganisation.length + 1);
  for (const row of summary.byOwnerOrganisation) {
    await expect(
      owners.getByRole('link', {
        name: `${actions(row.count)}: eigenaar ${row.organisation.code}`,
        exact: true,
      }),
    ).toBeVisible();
  }
}

test.describe('Overzicht', () => {
  test("a coordinator reads the programme's figures, which are the report's, and opens the actions behind one", async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, people.coordinator);
    const programmeId = await programmeOf(request, token);
    // An update round of one fresh action: the overview shows how far it is.
    const fresh = await newActionOfTheEditor(request, 'Overzicht: bijdrage aan de stand van zaken');
    const round = await request.post(`/v1/programmes/${programmeId}/update-rounds`, {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        title: 'Stand van zaken voor het overzicht',
        dueDate: amsterdamDay(12),
        filter: { actionIds: [fresh.id] },
      },
    });
    expect(round.status(), await round.text()).toBe(201);
    const summary = await apiGet<Summary>(
      request,
      token,
      `/programmes/${programmeId}/reports/progress/summary`,
    );

    await openSignedIn(page, people.coordinator, '/overzicht');
    await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
    await expectFigures(page, summary);
    const rounds = page.getByRole('region', { name: 'Lopende uitvraagrondes' });
    const item = rounds
      .getByRole('listitem')
      .filter({ hasText: 'Stand van zaken voor het overzicht' });
    await expect(item.getByText('0 van de 1 acties bijgewerkt')).toBeVisible();
    await expect(
      item.getByRole('progressbar', { name: 'Voortgang van Stand van zaken voor het overzicht' }),
    ).toHaveAttribute('value', '0');
    await expectAccessible(page);

    // A filter by track: the figures are the report's for that track.
    const track = summary.summary.byTrack.find((row) => row.track && row.total > 0)!.track!;
    await page.getByLabel('Spoor', { exact: true }).selectOption({ label: track.name });
    const apply = page.getByRole('button', { name: 'Filters toepassen' });
    await apply.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/overzicht\\?track=${track.id}$`));
    await expect(apply).toBeFocused();
    const filtered = await apiGet<Summary>(
      request,
      token,
      `/programmes/${programmeId}/reports/progress/summary?track=${track.id}`,
    );
    expect(filtered.summary.total).toBeLessThan(summary.summary.total);
    await expectFigures(page, filtered);

    // A cell of the matrix opens exactly the actions it counts.
    const cells = filtered.summary.byStatusAndHealth;
    const cell =
      cells.find(
        (candidate) => candidate.status === 'in_progress' && candidate.health === 'at_risk',
      ) ??
      cells.find((candidate) => candidate.status === 'in_progress') ??
      cells[0];
    await page
      .getByRole('link', {
        name: `${actions(cell.count)}: ${STATUS[cell.status]}, ${HEALTH[cell.health]}`,
        exact: true,
      })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Acties' })).toBeFocused();
    await expect(page).toHaveURL(
      `/acties?status=${cell.status}&health=${cell.health}&track=${track.id}`,
    );
    const result = page.getByRole('region', { name: /^Resultaat/ });
    await expect(result.getByRole('heading')).toHaveText(`Resultaat (${actions(cell.count)})`);
    await expect(result.getByRole('row')).toHaveCount(cell.count + 1);
    await expect(result).toContainText(
      `Getoond: status ${STATUS[cell.status]}; gezondheid ${HEALTH[cell.health]}; spoor ${track.name}.`,
    );
    // A coordinator may change actions: new, and a bulk change of the very same selection.
    await expect(page.getByRole('link', { name: 'Nieuwe actie' })).toHaveAttribute(
      'href',
      '/acties/nieuw',
    );
    await expect(page.getByRole('link', { name: 'Meerdere acties wijzigen' })).toHaveAttribute(
      'href',
      `/acties/wijzigen?status=${cell.status}&health=${cell.health}&track=${track.id}`,
    );
    await expectAccessible(page);

    // Without filters: the whole programme, page after page, until all are shown.
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(result).toContainText('Getoond: alle acties van het programma.');
    const total = summary.summary.total;
    expect(total).toBeGreaterThan(50);
    await expect(result.getByRole('heading')).toHaveText('Resultaat (50 getoond, er zijn er meer)');
    await result.getByRole('button', { name: 'Meer laden' }).press('Enter');
    await expect(result.getByRole('row')).toHaveCount(total + 1);
    await expect(result.getByText('Alle acties met deze filters worden getoond.')).toBeFocused();
  });

  test('a viewer filters the action list by hand, and finds actions and commitments by a word', async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, people.viewerUvw);
    const programmeId = await programmeOf(request, token);
    const { summary } = await apiGet<Summary>(
      request,
      token,
      `/programmes/${programmeId}/reports/progress/summary`,
    );
    const overdue = await apiGet<{ data: Array<{ title: string }> }>(
      request,
      token,
      `/actions?programme=${programmeId}&overdue=true&health=off_track&limit=200`,
    );

    // Any member reads the overview; the highest escalation opens the actions it counts.
    await openSignedIn(page, people.viewerUvw, '/overzicht');
    const level = ['overhedenoverleg', 'administrative', 'official'].find(
      (candidate) => summary.byEscalationLevel[candidate] > 0,
    )!;
    const escalated = summary.byEscalationLevel[level];
    await page
      .getByRole('region', { name: 'Escalaties per niveau' })
      .getByRole('link', { name: `${actions(escalated)}: open, ${LEVEL[level]}`, exact: true })
      .click();
    await expect(page).toHaveURL(`/acties?status=not_started,in_progress&escalationLevel=${level}`);
    const result = page.getByRole('region', { name: /^Resultaat/ });
    await expect(result.getByRole('row')).toHaveCount(escalated + 1);
    await expect(result).toContainText(
      `Getoond: status Niet gestart of In uitvoering; escalatieniveau ${LEVEL[level]}.`,
    );
    await expect(
      page.getByRole('group', { name: 'Escalatieniveau' }).getByLabel(LEVEL[level]),
    ).toBeChecked();
    // A reader changes nothing: no links to do so.
    await expect(page.getByRole('link', { name: 'Nieuwe actie' })).toHaveCount(0);
    await expectAccessible(page);

    // The filters by hand.
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(result).toContainText('Getoond: alle acties van het programma.');
    await page.getByRole('group', { name: 'Gezondheid' }).getByLabel('Uit koers').check();
    await page.getByLabel('Te laat').selectOption({ label: 'Alleen te laat' });
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await expect(page).toHaveURL('/acties?health=off_track&overdue=true');
    await expect(result).toContainText('Getoond: gezondheid Uit koers; te laat.');
    await expect(result.getByRole('row')).toHaveCount(overdue.data.length + 1);
    for (const action of overdue.data)
      await expect(result.getByRole('link', { name: action.title })).toBeVisible();

    // The search box in the header: a word's beginning finds it (prefix matching), in actions
    // and in commitments.
    const word = 'opschaling';
    const [foundActions, foundCommitments] = await Promise.all([
      apiGet<{ data: Array<{ title: string }> }>(
        request,
        token,
        `/actions?programme=${programmeId}&q=${word}&limit=20`,
      ),
      apiGet<{ data: Array<{ title: string }> }>(
        request,
        token,
        `/commitments?programme=${programmeId}&q=${word}&limit=20`,
      ),
    ]);
    expect(foundActions.data.map((action) => action.title).join('\n')).toMatch(
      /opschalingskorting/i,
    );
    expect(foundCommitments.data.length).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Zoek acties en toezeggingen' }).fill(word);
    await page.getByRole('searchbox', { name: 'Zoek acties en toezeggingen' }).press('Enter');
    await expect(
      page.getByRole('heading', { level: 1, name: `Zoekresultaten voor “${word}”` }),
    ).toBeFocused();
    const found = page.getByRole('region', { name: /^Acties/ });
    await expect(found.getByRole('heading')).toHaveText(
      `Acties (${foundActions.data.length === 1 ? '1 gevonden' : `${foundActions.data.length} gevonden`})`,
    );
    for (const action of foundActions.data)
      await expect(found.getByRole('link', { name: action.title })).toBeVisible();
    const commitments = page.getByRole('region', { name: /^Toezeggingen/ });
    for (const commitment of foundCommitments.data)
      await expect(commitments.getByRole('link', { name: commitment.title })).toHaveAttribute(
        'href',
        /^\/toezeggingen\/[0-9a-f-]{36}$/,
      );
    await expectAccessible(page);

    // Nothing found, and queries the API refuses (longer than 200 characters).
    await page.goto('/zoeken?q=kwartelkoning');
    await expect(page.getByText('Geen acties gevonden voor “kwartelkoning”.')).toBeVisible();
    await expect(page.getByText('Geen toezeggingen gevonden voor “kwartelkoning”.')).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/zoeken?q=${'lang'.repeat(60)}`);
    await expect(
      page
        .getByRole('region', { name: /^Acties/ })
        .getByText(/Deze zoekvraag kan niet worden uitgevoerd/),
    ).toBeVisible();
    await expectAccessible(page);
    // Nor one without a letter or digit, in either section.
    await page.goto('/zoeken?q=%3F%3F%3F');
    await expect(page.getByText(/Deze zoekvraag kan niet worden uitgevoerd/)).toHaveCount(2);
  });
});
