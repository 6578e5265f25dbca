import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { createPerson } from './support/accounts';
import { closedActionOfTheEditor, newActionOfTheEditor } from './support/actions';
import { dragFile, PDF } from './support/attachments';
import { type Person, people } from './support/people';

/** A Windows program ("MZ…") named as a PDF: its bytes say otherwise. */
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function section(page: Page) {
  const region = page.getByRole('region', { name: 'Bijlagen' });
  return {
    region,
    table: region.getByRole('table', { name: 'Bijlagen' }),
    row: (name: string) => region.getByRole('row').filter({ hasText: name }),
    file: region.getByLabel('Bestand', { exact: true }),
    description: region.getByRole('textbox', { name: 'Omschrijving (optioneel)' }),
    dropZone: region.getByRole('group', { name: /^Sleep een bestand naar dit vak/ }),
    add: region.getByRole('button', { name: 'Bijlage toevoegen' }),
    errors: page.getByRole('alert').filter({ hasText: 'Er is een probleem' }),
  };
}

/** Attaches a PDF through the API, as another person or an integrator would. */
async function attach(
  request: APIRequestContext,
  person: Person,
  path: string,
  name: string,
): Promise<{ id: string }> {
  const response = await request.post(`/v1${path}/attachments`, {
    headers: { Authorization: `Bearer ${await apiToken(request, person)}` },
    multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

test.describe('Evidence attachments', () => {
  test('an editor of the owning organisation adds a PDF with the keyboard and one by dropping it, downloads one, is told in words why a program is refused, and deletes one, which the history keeps with its fingerprint', async ({
    page,
    request,
  }) => {
    const action = await newActionOfTheEditor(request, `Proefactie met bijlagen ${Date.now()}`);
    await openSignedIn(page, people.editorBzk, `/acties/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: action.title })).toBeVisible();
    const s = section(page);
    await expect(s.region).toContainText('Er zijn nog geen bijlagen.');
    await expectAccessible(page);

    // The keyboard's way: the file input has the focus, Enter opens the file chooser.
    // Waiting for the chooser starts before the focus moves: Playwright tells the browser to
    // catch file choosers without waiting for it, and a bare Enter right behind that order
    // overtook it 3 times in 40 on a loaded machine; Chromium then opened its own chooser,
    // which headless cancels at once (the input's `cancel` event), and the wait timed out.
    const chooser = page.waitForEvent('filechooser');
    await s.file.focus();
    await expect(s.file).toBeFocused();
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles({ name: 'Besluitenlijst overleg.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(s.region).toContainText('Gekozen: Besluitenlijst overleg.pdf (15 byte)');
    await s.description.fill('Besluitenlijst van het bestuurlijk overleg van 12 november');
    await s.add.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText(
      'Bijlage Besluitenlijst overleg.pdf toegevoegd',
    );
    const first = s.row('Besluitenlijst overleg.pdf');
    await expect(first).toContainText('PDF');
    await expect(first).toContainText('15 byte');
    await expect(first).toContainText('Besluitenlijst van het bestuurlijk overleg van 12 november');
    await expect(s.description).toHaveValue('');

    // The pointer's way: a file dropped on the marked box.
    await dragFile(page, s.dropZone, { name: 'Verslag overleg.pdf', bytes: PDF }, { drop: false });
    await expect(s.dropZone).toContainText('Laat het bestand los om het te kiezen.');
    await dragFile(page, s.dropZone, { name: 'Verslag overleg.pdf', bytes: PDF });
    await expect(s.region).toContainText('Gekozen: Verslag overleg.pdf (15 byte)');
    await s.add.click();
    await expect(page.getByRole('status')).toHaveText('Bijlage Verslag overleg.pdf toegevoegd');
    await expect(s.table.getByRole('row')).toHaveCount(3);
    await expectAccessible(page);

    // Downloaded with the person's credentials, under its own name, byte for byte.
    const downloading = page.waitForEvent('download');
    await s.table.getByRole('button', { name: 'Download Besluitenlijst overleg.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Besluitenlijst overleg.pdf');
    expect(readFileSync(await download.path())).toEqual(PDF);
    await expect(page.getByRole('status')).toHaveText('Besluitenlijst overleg.pdf is gedownload');

    // A program named .pdf: the API reads the bytes and refuses; the page says so in Dutch.
    await s.file.setInputFiles({
      name: 'programma.pdf',
      mimeType: 'application/pdf',
      buffer: PROGRAM,
    });
    await s.add.click();
    await expect(s.errors).toBeFocused();
    await expect(s.errors).toContainText(
      'Dit soort bestand kan niet als bijlage worden toegevoegd.',
    );
    await expect(s.file).toHaveAccessibleDescription(/Dit soort bestand kan niet/);
    await expect(s.table.getByRole('row')).toHaveCount(3);
    await expectAccessible(page);
    // The link in the summary takes the keyboard to the file input.
    await s.errors.getByRole('link').click();
    await expect(s.file).toBeFocused();

    // Deleting asks first; "no" keeps it, with the focus back on its button.
    const remove = s.table.getByRole('button', { name: 'Verwijderen Besluitenlijst overleg.pdf' });
    await remove.click();
    const question = s.region.getByRole('heading', {
      name: 'Besluitenlijst overleg.pdf verwijderen?',
    });
    await expect(question).toBeFocused();
    await expectAccessible(page);
    await s.region.getByRole('button', { name: 'Nee, bewaren' }).click();
    await expect(remove).toBeFocused();
    await remove.click();
    await s.region.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Bijlage Besluitenlijst overleg.pdf verwijderd',
    );
    await expect(s.row('Besluitenlijst overleg.pdf')).toHaveCount(0);
    await expect(s.table.getByRole('row')).toHaveCount(2);
    await expect(s.region.getByRole('heading', { name: 'Bijlagen' })).toBeFocused();

    // The history keeps both events, each with the file's SHA-256.
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    const removed = history
      .getByRole('listitem')
      .filter({ hasText: 'Bijlage verwijderd: Besluitenlijst overleg.pdf' });
    await expect(removed).toHaveCount(1);
    await expect(history).toContainText('Bijlage toegevoegd: Besluitenlijst overleg.pdf');
    await expect(history).toContainText('Bijlage toegevoegd: Verslag overleg.pdf');
    await removed.getByText('Vingerafdruk (SHA-256)').click();
    await expect(removed.getByText(sha256(PDF))).toBeVisible();
    await expect(removed).toContainText('PDF, 15 byte');
    await expectAccessible(page);
  });

  test('a coordinator verifies a closed action citing an attachment; one deleted meanwhile is said in words and the choice is offered again', async ({
    page,
    request,
  }) => {
    const action = await closedActionOfTheEditor(
      request,
      `Afgesloten actie met bewijsstukken ${Date.now()}`,
    );
    await attach(request, people.editorBzk, `/actions/${action.id}`, 'Eindrapport.pdf');
    const gone = await attach(request, people.editorBzk, `/actions/${action.id}`, 'Concept.pdf');

    await openSignedIn(page, people.coordinator, `/acties/${action.id}`);
    const verify = page.getByRole('region', { name: 'Verifiëren' });
    const evidence = verify.getByRole('group', {
      name: 'Op welke bijlagen rust de verificatie? (optioneel)',
    });
    await expect(evidence.getByRole('checkbox')).toHaveCount(2);
    await evidence.getByRole('checkbox', { name: 'Eindrapport.pdf' }).check();
    await evidence.getByRole('checkbox', { name: 'Concept.pdf' }).check();
    await expectAccessible(page);

    // Someone deletes one of them before the coordinator presses the button.
    const deleted = await request.delete(`/v1/attachments/${gone.id}`, {
      headers: { Authorization: `Bearer ${await apiToken(request, people.editorBzk)}` },
    });
    expect(deleted.status()).toBe(204);
    await verify.getByRole('button', { name: 'Verifiëren' }).click();
    const errors = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(errors).toBeFocused();
    await expect(errors).toContainText('Een van de gekozen bijlagen is intussen verwijderd.');
    await expect(evidence.getByRole('checkbox')).toHaveCount(1);
    await expect(evidence.getByRole('checkbox', { name: 'Eindrapport.pdf' })).not.toBeChecked();
    await expectAccessible(page);

    await evidence.getByRole('checkbox', { name: 'Eindrapport.pdf' }).check();
    await verify.getByRole('button', { name: 'Verifiëren' }).click();
    await expect(page.getByRole('status')).toHaveText('Actie geverifieerd');
    await expect(verify.getByText(/^Verificatie: Geverifieerd\./)).toBeFocused();

    const history = page.getByRole('region', { name: 'Geschiedenis' });
    const verified = history
      .getByRole('listitem')
      .filter({ hasText: 'De verificatie rust op:' })
      .first();
    await expect(verified).toContainText('Eindrapport.pdf');
    await expect(verified).not.toContainText('Concept.pdf');
    await expectAccessible(page);
  });

  test('a viewer sees the attachments and downloads one, but is offered neither adding nor deleting', async ({
    page,
    request,
  }) => {
    const action = await newActionOfTheEditor(request, `Actie met een bijlage ${Date.now()}`);
    await attach(request, people.editorBzk, `/actions/${action.id}`, 'Brief aan de koepels.pdf');
    const viewer = await createPerson(request, 'Meelezer', { role: 'viewer' });

    await openSignedIn(page, viewer, `/acties/${action.id}`);
    const s = section(page);
    await expect(s.row('Brief aan de koepels.pdf')).toContainText('PDF');
    await expect(s.region.getByRole('button', { name: /^Verwijderen/ })).toHaveCount(0);
    await expect(s.region.getByRole('columnheader', { name: 'Verwijderen' })).toHaveCount(0);
    await expect(s.add).toHaveCount(0);
    await expect(s.file).toHaveCount(0);
    await expectAccessible(page);

    const downloading = page.waitForEvent('download');
    await s.table.getByRole('button', { name: 'Download Brief aan de koepels.pdf' }).click();
    expect((await downloading).suggestedFilename()).toBe('Brief aan de koepels.pdf');
  });

  test('an editor adds the signed letter to a commitment', async ({ page, request }) => {
    const coordinator = await apiToken(request, people.coordinator);
    const [template] = (
      await apiGet<{ data: Array<{ programmeId: string }> }>(
        request,
        coordinator,
        '/actions?limit=1',
      )
    ).data;
    const created = await request.post('/v1/commitments', {
      headers: { Authorization: `Bearer ${coordinator}`, 'Idempotency-Key': randomUUID() },
      data: {
        programmeId: template.programmeId,
        kind: 'agenda_item',
        title: `Afspraak met een ondertekende brief ${Date.now()}`,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const commitment = (await created.json()) as { id: string; title: string };

    await openSignedIn(page, people.editorBzk, `/toezeggingen/${commitment.id}`);
    await expect(page.getByRole('heading', { level: 1, name: commitment.title })).toBeVisible();
    const s = section(page);
    await expect(s.region).toContainText('Er zijn nog geen bijlagen.');
    await s.file.setInputFiles({
      name: 'Ondertekende brief.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await s.add.click();
    await expect(page.getByRole('status')).toHaveText('Bijlage Ondertekende brief.pdf toegevoegd');
    await expect(s.row('Ondertekende brief.pdf')).toContainText('PDF');
    await expectAccessible(page);

    const listed = await apiGet<{ items: Array<{ filename: string; sha256: string }> }>(
      request,
      coordinator,
      `/commitments/${commitment.id}/attachments`,
    );
    expect(listed.items).toEqual([
      expect.objectContaining({ filename: 'Ondertekende brief.pdf', sha256: sha256(PDF) }),
    ]);
  });
});
