import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { apiGet, apiToken, expectAccessible, openSignedIn } from './support/app';
import { people } from './support/people';

const inWords = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
/** A day as a person types it in Excel: 15-09-2027. */
const typed = (iso: string) => iso.split('-').reverse().join('-');
const daysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A sheet's cell by the header of its column, as a person finds it in Excel. */
function cellOf(sheet: ExcelJS.Worksheet, rowNumber: number, header: string): ExcelJS.Cell {
  const headers = sheet.getRow(1).values as unknown[];
  const column = headers.findIndex((value) => value === header);
  if (column < 1) throw new Error(`no column ${header}`);
  return sheet.getRow(rowNumber).getCell(column);
}

function rowWithKey(sheet: ExcelJS.Worksheet, key: string): number {
  for (let row = 2; row <= sheet.rowCount; row++) {
    if (cellOf(sheet, row, 'Sleutel').text === key) return row;
  }
  throw new Error(`no row with key ${key}`);
}

/**
 * Actions of the story's own in the coordinator's programme, owned by their organisation
 * (other stories' actions stay as they were), made with one token: each sign-in costs time.
 */
async function newActions(
  request: APIRequestContext,
  token: string,
  titles: string[],
): Promise<Array<{ id: string; title: string; deadline: string }>> {
  const me = await apiGet<{
    organisation: { id: string };
    memberships: Array<{ programmeId: string }>;
  }>(request, token, '/me');
  const programmeId = me.memberships[0].programmeId;
  const [template] = (
    await apiGet<{ data: Array<{ trackId: string }> }>(
      request,
      token,
      `/actions?programme=${programmeId}&limit=1`,
    )
  ).data;
  const actions = [];
  for (const title of titles) {
    const created = await request.post('/v1/actions', {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        programmeId,
        trackId: template.trackId,
        title,
        ownerOrganisationId: me.organisation.id,
        deadline: daysFromNow(30),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    actions.push((await created.json()) as { id: string; title: string; deadline: string });
  }
  return actions;
}

test.describe('Import', () => {
  test('a coordinator edits the filled workbook, keeps the sheet’s value in a conflict, applies it and finds the change', async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, people.coordinator);
    const unique = randomUUID().slice(0, 8);
    const [titled, moved, started] = await newActions(request, token, [
      `Importproef titel ${unique}`,
      `Importproef deadline ${unique}`,
      `Importproef status ${unique}`,
    ]);
    const newDeadline = daysFromNow(120);

    await openSignedIn(page, people.coordinator, '/beheer');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeFocused();
    await expect(page).toHaveTitle('Import – Sterk Bestuur Tracker');
    await expectAccessible(page);

    // Uploading without a file: the error summary takes the focus and leads to the field.
    const upload = page.getByRole('button', { name: 'Uploaden en controleren' });
    await upload.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    const fileField = page.getByLabel('Spreadsheet', { exact: true });
    await expect(fileField).toHaveAccessibleDescription(/ten hoogste 10 MB.*Kies een bestand/);
    await summary.getByRole('link', { name: 'Kies een bestand om te uploaden.' }).click();
    await expect(fileField).toBeFocused();
    await expectAccessible(page);
    // Nor any other kind of file than a workbook or CSV.
    await fileField.setInputFiles({
      name: 'notities.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Geen spreadsheet'),
    });
    await upload.click();
    await expect(summary).toContainText('Het bestand moet een Excel-bestand (.xlsx)');

    // The workbook with the programme's data, in the app's language (a ZIP container: "PK").
    const downloading = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Importbestand met de gegevens van dit programma' })
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^import-gevuld-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(page.getByRole('status')).toHaveText(
      `Gedownload: ${download.suggestedFilename()}`,
    );

    // In Excel: a title, a deadline with its reason, a status, and one new action.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Acties')!;
    const titledRow = rowWithKey(sheet, titled.id);
    cellOf(sheet, titledRow, 'Titel').value = `${titled.title} (uit de spreadsheet)`;
    const movedRow = rowWithKey(sheet, moved.id);
    cellOf(sheet, movedRow, 'Deadline').value = typed(newDeadline);
    cellOf(sheet, movedRow, 'Reden wijziging').value = 'De partners vragen meer tijd';
    cellOf(sheet, rowWithKey(sheet, started.id), 'Status').value = 'In uitvoering';
    const added = sheet.addRow([]).number;
    const newTitle = `Importproef nieuw ${unique}`;
    cellOf(sheet, added, 'Titel').value = newTitle;
    cellOf(sheet, added, 'Spoor').value = cellOf(sheet, titledRow, 'Spoor').text;
    cellOf(sheet, added, 'Eigenaar (organisatie)').value = cellOf(
      sheet,
      titledRow,
      'Eigenaar (organisatie)',
    ).text;
    cellOf(sheet, added, 'Deadline').value = typed(daysFromNow(200));
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());

    // Meanwhile someone renames the first action in the app.
    const current = await request.get(`/v1/actions/${titled.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const renamed = await request.patch(`/v1/actions/${titled.id}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-Match': current.headers().etag },
      data: { title: `${titled.title} (in de app)` },
    });
    expect(renamed.status(), await renamed.text()).toBe(200);

    await fileField.setInputFiles({
      name: 'acties-bewerkt.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: edited,
    });
    await upload.click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Import van acties-bewerkt.xlsx' }),
    ).toBeFocused();

    // The dry run: the figures in words, nothing changed yet.
    const dryRun = page.getByRole('region', { name: 'Wat er zou veranderen' });
    await expect(dryRun).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status')).toHaveText(
      'De controle is klaar. Er is nog niets veranderd.',
    );
    await expect(dryRun.getByRole('listitem')).toContainText([
      '1 nieuw',
      '2 gewijzigd',
      /^\d+ ongewijzigd$/,
      '1 conflict: in de app gewijzigd sinds het downloaden',
    ]);
    await expect(dryRun.getByText(/met fouten/)).toHaveCount(0);
    await expectAccessible(page);

    // The three changes, filtered; the filter is in the address.
    const filters = page.getByRole('navigation', { name: 'Welke rijen tonen' });
    await filters.getByRole('link', { name: 'Wijzigingen (3)' }).click();
    await expect(page).toHaveURL(/\?outcome=create,update$/);
    const changes = page.getByRole('table', { name: 'Rijen van het bestand: Wijzigingen (3)' });
    await expect(changes.getByRole('row')).toHaveCount(4);
    await expect(changes.getByRole('row', { name: new RegExp(moved.title) })).toContainText(
      `Deadline: “${inWords(moved.deadline)}” → “${inWords(newDeadline)}”`,
    );
    await expect(changes.getByRole('row', { name: new RegExp(started.title) })).toContainText(
      'Status: “Niet gestart” → “In uitvoering”',
    );
    const newRow = changes.getByRole('row', { name: new RegExp(newTitle) });
    await expect(newRow).toContainText('Nieuw');
    await expect(newRow).toContainText(`Titel: “${newTitle}”`);
    await expect(newRow).not.toContainText('(leeg)');
    await expectAccessible(page);

    // The conflict, with both values; applying waits for a choice.
    await filters.getByRole('link', { name: 'Conflicten (1)' }).click();
    const conflicts = page.getByRole('table', { name: 'Rijen van het bestand: Conflicten (1)' });
    await expect(conflicts).toContainText(
      `Titel: in de app “${titled.title} (in de app)”, in de spreadsheet “${titled.title} (uit de spreadsheet)”`,
    );
    const apply = page.getByRole('button', { name: 'Wijzigingen doorvoeren' });
    await apply.click();
    const unresolved = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(unresolved).toBeFocused();
    await expect(unresolved).toContainText('Kies eerst bij het conflict welke waarde blijft.');
    await expectAccessible(page);
    await unresolved
      .getByRole('link', { name: 'Kies eerst bij het conflict welke waarde blijft.' })
      .click();
    const useSheet = conflicts.getByRole('radio', { name: 'Spreadsheet gebruiken' });
    await expect(useSheet).toBeFocused();
    await page.keyboard.press('Space');
    await expect(useSheet).toBeChecked();
    await expect(page.getByRole('status')).toHaveText(/Spreadsheet gebruiken\. Opgeslagen\.$/);
    await expect(page.getByText('Bij elk conflict is gekozen.')).toBeVisible();

    // The confirmation names the numbers.
    await apply.click();
    const confirm = page.getByRole('region', { name: 'Wijzigingen doorvoeren?' });
    await expect(confirm.getByRole('heading')).toBeFocused();
    await expect(confirm).toContainText('1 nieuw, 2 gewijzigd, 1 conflict volgens uw keuze.');
    await expectAccessible(page);

    // The progress, held on screen while axe looks at it: the import's answers wait.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const importUrl = /\/v1\/programmes\/[0-9a-f-]{36}\/imports\/[0-9a-f-]{36}$/;
    await page.route(importUrl, async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    await confirm.getByRole('button', { name: 'Ja, doorvoeren' }).click();
    const progress = page.getByRole('region', { name: 'Bezig met doorvoeren' });
    await expect(progress.getByRole('heading')).toBeFocused();
    await expect(progress.getByRole('progressbar', { name: 'Voortgang' })).toBeVisible();
    await expect(progress.getByText(/^\d+ procent$/)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('De wijzigingen worden doorgevoerd.');
    await expectAccessible(page);
    release();
    await page.unrouteAll({ behavior: 'wait' });

    // What it did, with links to what changed.
    const result = page.getByRole('region', { name: 'Resultaat' });
    await expect(result.getByRole('heading')).toBeFocused({ timeout: 30_000 });
    await expect(result.getByRole('listitem').first()).toHaveText('4 rijen doorgevoerd');
    await expect(page.getByRole('status')).toHaveText('De import is doorgevoerd.');
    const changed = page.getByRole('table', { name: 'Wat er is veranderd' });
    await expect(changed.getByRole('row')).toHaveCount(5);
    await expectAccessible(page);
    const newName = `${titled.title} (uit de spreadsheet)`;
    await expect(changed.getByRole('row').filter({ hasText: newName })).toContainText(
      'Gewijzigd, na een conflict',
    );

    // The import is among the programme's recent ones.
    await page.getByRole('link', { name: 'Terug naar Import' }).click();
    const recent = page.getByRole('table', { name: 'Recente imports' });
    await expect(recent.getByRole('row', { name: /acties-bewerkt\.xlsx/ }).first()).toContainText(
      'Doorgevoerd',
    );
    await page.goBack();

    await changed.getByRole('link', { name: newName }).click();
    await expect(page.getByRole('heading', { level: 1, name: newName })).toBeFocused();
  });

  test('an editor reads that only coordinators import', async ({ page }) => {
    await openSignedIn(page, people.editorBzk, '/beheer/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await expect(page.getByText(/^Alleen de coördinatoren van het programma kunnen/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Uploaden en controleren' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
