import { type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

// A demo commitment (seeds/actieagenda) that the new one supplements: stories only add to its
// lineage, so the commitment itself stays as other stories know it.
const EARLIER = 'Samen werken aan de balans tussen ambities, taken, middelen en uitvoeringskracht';
// Already supplemented by a BOFv agreement in the demo data: the tree shows both.
const ALSO_LATER =
  'Beheersbaarheid van de uitgaven voor de wettelijke zorgtaken van de Wmo 2015 borgen';

function form(page: Page) {
  return {
    kind: (name: string) =>
      page
        .getByRole('group', { name: 'Soort toezegging (verplicht)' })
        .getByRole('radio', { name }),
    title: page.getByRole('textbox', { name: 'Titel (verplicht)' }),
    save: page.getByRole('button', { name: 'Toezegging opslaan' }),
    errors: page.getByRole('alert').filter({ hasText: 'Er is een probleem' }),
  };
}

interface ListedAction {
  status: string;
  health: string;
  percentComplete: number;
  rollupWeight: number | null;
}

/**
 * A commitment's progress, computed here from its list of actions by the rules in the README
 * ("Roll-ups"), not by the API: the weighted mean with met as 100 and lapsed left out, the
 * worst health among the open actions with its count; and the words the page says for it.
 */
function rollupInWords(actions: ListedAction[]): { sentence: string; percent: number } {
  const open = actions.filter((a) => !['met', 'partially_met', 'lapsed'].includes(a.status));
  const counted = actions.filter((a) => a.status !== 'lapsed');
  const weight = counted.reduce((sum, a) => sum + (a.rollupWeight ?? 1), 0);
  const weighted = counted.reduce(
    (sum, a) => sum + (a.rollupWeight ?? 1) * (a.status === 'met' ? 100 : a.percentComplete),
    0,
  );
  const percent = Math.round((weighted / weight) * 10) / 10;
  const worst = ['off_track', 'at_risk', 'on_track', 'not_set'].find((h) =>
    open.some((a) => a.health === h),
  )!;
  const words: Record<string, string> = {
    off_track: 'uit koers',
    at_risk: 'risico',
    on_track: 'op koers',
    not_set: 'niet beoordeeld',
  };
  const count = open.filter((a) => a.health === worst).length;
  return {
    percent,
    sentence:
      `Gemiddeld ${String(percent).replace('.', ',')}% gereed over ${actions.length} acties ` +
      `(${actions.length - open.length} gesloten); slechtste gezondheid: ${words[worst]} ` +
      `(${count === 1 ? '1 actie' : `${count} acties`}).`,
  };
}

test.describe('Commitments', () => {
  test('a coordinator records a ROB recommendation with a Kamerstuk source that supplements an earlier commitment, follows the lineage both ways, edits it and finds it by kind', async ({
    page,
  }) => {
    const title = `Gelijkwaardig partnerschap vastleggen in een procesontwerp ${Date.now()}`;
    await openSignedIn(page, people.coordinator, '/toezeggingen');
    await expect(page.getByRole('heading', { level: 1, name: 'Toezeggingen' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Gevonden toezeggingen' }).getByRole('row'),
    ).not.toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Toezegging vastleggen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Toezegging vastleggen' }),
    ).toBeFocused();
    const f = form(page);
    await expectAccessible(page);

    // An empty form: every problem at once, in the summary and at its field.
    await f.save.click();
    await expect(f.errors).toBeFocused();
    await expect(f.errors.getByRole('link', { name: 'Kies de soort toezegging.' })).toBeVisible();
    await expect(f.errors.getByRole('link', { name: /Vul een titel in/ })).toBeVisible();
    await expect(f.title).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await f.errors.getByRole('link', { name: 'Kies de soort toezegging.' }).click();
    await expect(f.kind('UDO-traject')).toBeFocused();

    // The kind first; then its own fields, required ones marked.
    await f.kind('ROB-advies').check();
    const kindFields = page.getByRole('group', { name: 'Gegevens van de soort ‘ROB-advies’' });
    await expect(kindFields.getByRole('textbox', { name: 'Advies (verplicht)' })).toBeVisible();
    await f.title.fill(title);
    await page.getByLabel('Afgesproken op', { exact: true }).fill('2021-07-06');
    await kindFields
      .getByRole('textbox', { name: 'Advies (verplicht)' })
      .fill('Rol nemen, Ruimte geven');
    await kindFields
      .getByRole('textbox', { name: 'Nummer van de aanbeveling (verplicht)' })
      .fill('4');
    await kindFields.getByRole('radio', { name: 'Deels overgenomen' }).check();

    await page.getByRole('button', { name: 'Partij toevoegen' }).click();
    const party = page.getByRole('combobox', { name: 'Partij 1' });
    await expect(party).toBeFocused();
    await party.selectOption({ label: 'Vereniging van Nederlandse Gemeenten' });

    await page.getByRole('button', { name: 'Bron toevoegen' }).click();
    const source = page.getByRole('group', { name: 'Bron 1' });
    await expect(source.getByRole('textbox', { name: 'Document (verplicht)' })).toBeFocused();
    await source
      .getByRole('textbox', { name: 'Document (verplicht)' })
      .fill('Kabinetsreactie op het ROB-advies');
    const kamerstuk = source.getByRole('textbox', { name: 'Kamerstuknummer' });
    await kamerstuk.fill('29362 nr. 296');

    await page.getByRole('button', { name: 'Eerdere toezegging toevoegen' }).click();
    const earlier = page.getByRole('group', { name: 'Eerdere toezegging 1' });
    await earlier.getByRole('combobox', { name: 'Verband' }).selectOption({ label: 'vult aan' });
    await earlier.getByRole('combobox', { name: 'Toezegging' }).selectOption({ label: EARLIER });

    // A Kamerstuk number in the wrong form is named at its field; what was typed stays.
    await f.save.click();
    const kamerstukError =
      'Vul bij bron 1 een Kamerstuknummer in zoals 29362-296, of laat het leeg.';
    await expect(f.errors.getByRole('link', { name: kamerstukError })).toBeVisible();
    await expect(kamerstuk).toHaveAccessibleDescription(new RegExp(kamerstukError));
    await expect(f.title).toHaveValue(title);
    await expectAccessible(page);
    await kamerstuk.fill('29362-296');
    await f.save.click();

    // The commitment's page: its kind's fields in words, the source, the lineage.
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Toezegging opgeslagen');
    const details = page.getByRole('region', { name: 'Gegevens' });
    await expect(details).toContainText('Soort afspraakROB-advies');
    await expect(details).toContainText('Afgesproken op6 juli 2021');
    await expect(details).toContainText('Nummer van de aanbeveling4');
    await expect(details).toContainText('KabinetsreactieDeels overgenomen');
    await expect(details).toContainText('PartijenVereniging van Nederlandse Gemeenten');
    await expect(
      page
        .getByRole('region', { name: 'Bronnen' })
        .getByRole('link', { name: 'Kamerstuk 29362-296' }),
    ).toHaveAttribute('href', 'https://zoek.officielebekendmakingen.nl/kst-29362-296.html');
    const lineage = page.getByRole('region', { name: 'Samenhang met andere toezeggingen' });
    const builtOn = lineage.getByRole('list', { name: 'Bouwt voort op' });
    await expect(builtOn.getByRole('listitem').first()).toHaveText(`vult aan: ${EARLIER}`);
    await expect(page.getByRole('region', { name: 'Acties' })).toContainText(
      'Er zijn nog geen acties bij deze toezegging.',
    );
    await expect(page.getByRole('link', { name: 'Actie toevoegen' })).toHaveAttribute(
      'href',
      /\/acties\/nieuw\?commitment=[0-9a-f-]+$/,
    );
    await expectAccessible(page);

    // Following the lineage: the earlier commitment names the new one back, beside the one
    // the demo data already had.
    await builtOn.getByRole('link', { name: EARLIER }).click();
    await expect(page.getByRole('heading', { level: 1, name: EARLIER })).toBeFocused();
    const later = page
      .getByRole('region', { name: 'Samenhang met andere toezeggingen' })
      .getByRole('list', { name: 'Later voortgebouwd in' });
    await expect(later.getByRole('listitem').filter({ hasText: title })).toHaveText(
      `aangevuld door: ${title}`,
    );
    await expect(later.getByRole('listitem').filter({ hasText: ALSO_LATER })).toHaveText(
      `aangevuld door: ${ALSO_LATER}`,
    );
    await expectAccessible(page);
    await later.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Editing: the form opens with what is stored; the kind stays.
    await page.getByRole('link', { name: 'Toezegging wijzigen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Toezegging wijzigen' }),
    ).toBeVisible();
    await expect(
      page.getByText('Soort: ROB-advies. De soort kan niet meer veranderen.'),
    ).toBeVisible();
    const number = page.getByRole('textbox', { name: 'Nummer van de aanbeveling (verplicht)' });
    await expect(number).toHaveValue('4');
    await expect(page.getByRole('combobox', { name: 'Partij 1' })).toHaveValue(/[0-9a-f-]{36}/);
    await expectAccessible(page);
    await number.fill('5');
    await form(page).save.click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText(
      'Nummer van de aanbeveling5',
    );
    await expect(
      page.getByRole('list', { name: 'Bouwt voort op' }).getByRole('link', { name: EARLIER }),
    ).toBeVisible();

    // Browsing by kind finds it, newest first.
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Toezeggingen' })
      .click();
    await page.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'ROB-advies' });
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page).toHaveURL(/soort=rob_recommendation/);
    const results = page.getByRole('table', { name: 'Gevonden toezeggingen' });
    const row = results.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('ROB-advies');
    await expect(row).toContainText('6 juli 2021');
    await expect(row).toContainText('VNG');
    await expect(results.getByRole('row').filter({ hasText: 'BOFv-afspraak' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('from an action to its commitment: its progress computed from its actions and moved when one is met, the actions with status and health, and a change someone else made meanwhile is shown before saving again', async ({
    page,
    request,
  }) => {
    const coordinator = await apiToken(request, people.coordinator);
    const auth = { Authorization: `Bearer ${coordinator}` };
    const [template] = (
      await apiGet<{
        data: Array<{ programmeId: string; trackId: string; ownerOrganisation: { id: string } }>;
      }>(request, coordinator, '/actions?limit=1')
    ).data;
    const created = await request.post('/v1/commitments', {
      headers: auth,
      data: {
        programmeId: template.programmeId,
        kind: 'agenda_item',
        title: `Afspraak over de ondersteuning van raadsleden ${Date.now()}`,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const commitment = (await created.json()) as { id: string; title: string };
    const actionTitle = `Handreiking ondersteuning raadsleden ${Date.now()}`;
    const action = await request.post('/v1/actions', {
      headers: auth,
      data: {
        programmeId: template.programmeId,
        trackId: template.trackId,
        commitmentId: commitment.id,
        title: actionTitle,
        ownerOrganisationId: template.ownerOrganisation.id,
        deadline: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(action.status(), await action.text()).toBe(201);
    const actionId = ((await action.json()) as { id: string }).id;
    // Three more actions of the commitment for its progress: two at risk, one lapsed.
    const more: string[] = [];
    for (const [n, change] of [
      [1, { status: 'in_progress', percentComplete: 60, health: 'at_risk' }],
      [2, { status: 'in_progress', percentComplete: 25, health: 'at_risk' }],
      [3, { status: 'lapsed' }],
    ] as const) {
      const extra = await request.post('/v1/actions', {
        headers: auth,
        data: {
          programmeId: template.programmeId,
          trackId: template.trackId,
          commitmentId: commitment.id,
          title: `Raadsledenondersteuning, deel ${n} ${Date.now()}`,
          ownerOrganisationId: template.ownerOrganisation.id,
          deadline: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
        },
      });
      expect(extra.status(), await extra.text()).toBe(201);
      more.push(((await extra.json()) as { id: string }).id);
      await progress(more[n - 1], change);
    }
    async function progress(id: string, change: Record<string, unknown>) {
      const current = await request.get(`/v1/actions/${id}`, { headers: auth });
      const posted = await request.post(`/v1/actions/${id}/progress-updates`, {
        headers: { ...auth, 'If-Match': current.headers()['etag'] },
        data: { narrative: 'Stand van zaken voor de toezegging.', reason: 'Getest', ...change },
      });
      expect(posted.status(), await posted.text()).toBe(201);
    }
    const expected = async () =>
      rollupInWords(
        (
          await apiGet<{ data: ListedAction[] }>(
            request,
            coordinator,
            `/actions?commitment=${commitment.id}&limit=50`,
          )
        ).data,
      );

    await openSignedIn(page, people.coordinator, `/acties/${actionId}`);
    await expect(page.getByRole('heading', { level: 1, name: actionTitle })).toBeVisible();
    await page
      .getByRole('region', { name: 'Afspraak' })
      .getByRole('link', { name: 'Bekijk de toezegging' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: commitment.title })).toBeFocused();
    const actions = page.getByRole('region', { name: 'Acties' });
    const row = actions.getByRole('row').filter({ hasText: actionTitle });
    await expect(row).toContainText('Niet gestart');
    await expect(row).toContainText('Niet beoordeeld');
    await expect(row).toContainText('0%');
    await expect(
      page.getByRole('region', { name: 'Samenhang met andere toezeggingen' }),
    ).toContainText('Deze toezegging bouwt niet voort op een andere');

    // Its progress: the figures the test computes from the actions, in words and as a bar,
    // and every count a link to exactly those actions.
    const progressRegion = page.getByRole('region', { name: 'Voortgang' });
    const checkProgress = async () => {
      const { sentence, percent } = await expected();
      await expect(progressRegion.getByText(sentence)).toBeVisible();
      await expect(progressRegion.getByRole('progressbar', { name: 'Voortgang' })).toHaveAttribute(
        'value',
        String(percent),
      );
      const figures = progressRegion.getByRole('table', {
        name: 'De acties van deze toezegging in cijfers',
      });
      for (const link of await figures.getByRole('link').all()) {
        const href = (await link.getAttribute('href'))!;
        const listed = await apiGet<{ data: unknown[] }>(
          request,
          coordinator,
          `/actions?${href.split('?')[1]}&limit=50`,
        );
        await expect(link).toHaveText(
          new RegExp(`^${listed.data.length} acties? in de actielijst`),
        );
      }
    };
    await checkProgress();
    await expect(progressRegion).toContainText(
      'gerealiseerd telt als 100%, vervallen telt niet mee',
    );
    const atRisk = progressRegion.getByRole('row', { name: /Open, gezondheid Risico/ });
    await expect(atRisk.getByRole('link')).toHaveText(
      '2 acties in de actielijst: open, gezondheid risico',
    );
    await expect(atRisk.getByRole('link')).toHaveAttribute(
      'href',
      `/acties?commitment=${commitment.id}&status=not_started,in_progress&health=at_risk`,
    );
    await expectAccessible(page);

    // One of its actions is met: the page, opened again, shows the figures moved.
    await progress(more[0], { status: 'met' });
    await page.reload();
    await expect(
      progressRegion.getByText(/^Gemiddeld 41,7% gereed over 4 acties \(2 gesloten\)/),
    ).toBeVisible();
    await checkProgress();
    await expect(atRisk.getByRole('link')).toHaveText(
      '1 actie in de actielijst: open, gezondheid risico',
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Toezegging wijzigen' }).click();
    const description = page.getByRole('textbox', { name: 'Omschrijving' });
    await expect(description).toBeVisible();
    await expect(
      page.getByRole('group', { name: 'Gegevens van de soort ‘Actiepunt van de agenda’' }),
    ).toContainText('Een actiepunt van de agenda heeft geen eigen gegevens.');

    // Someone else renames it while the form is open.
    const renamed = `${commitment.title} (herzien)`;
    const current = await request.get(`/v1/commitments/${commitment.id}`, { headers: auth });
    const changed = await request.patch(`/v1/commitments/${commitment.id}`, {
      headers: { ...auth, 'If-Match': current.headers()['etag'] },
      data: { title: renamed },
    });
    expect(changed.status(), await changed.text()).toBe(200);

    const text = 'Gemeenten krijgen een handreiking voor de ondersteuning van hun raadsleden.';
    await description.fill(text);
    await form(page).save.click();
    const conflict = page.getByRole('alert').filter({ hasText: 'intussen gewijzigd' });
    await expect(conflict).toBeFocused();
    await expect(conflict.getByRole('listitem')).toHaveText(['Gewijzigd: de titel']);
    // The title the person left alone follows the newer version; what they typed stays.
    await expect(form(page).title).toHaveValue(renamed);
    await expect(description).toHaveValue(text);
    await expectAccessible(page);
    await conflict.getByRole('button', { name: 'Opnieuw opslaan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();

    // The list shows each commitment's progress and worst health beside it.
    await page.goto(`/toezeggingen?zoek=${encodeURIComponent(renamed)}`);
    const listed = page
      .getByRole('table', { name: 'Gevonden toezeggingen' })
      .getByRole('row')
      .filter({ hasText: renamed });
    await expect(listed).toContainText('41,7% gereed');
    await expect(listed).toContainText('Slechtste gezondheid: Risico');
    await expectAccessible(page);
  });
});
