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

  test('from an action to its commitment: the actions with status and health, and a change someone else made meanwhile is shown before saving again', async ({
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
  });
});
