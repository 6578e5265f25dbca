import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type ProgressReport } from '../progress/progress-report.model';
import { reportLabels, type ReportColumn } from '../progress/report-labels';
import { HEALTH_SWATCH, STATUS_SWATCH } from '../progress/report-style';
import { FIXTURE_ACTIONS, FIXTURE_NARRATIVE, reportFixture } from './report-fixture';
import { rowHeight, wrappedLines } from './xlsx-print';
import { renderXlsx, xlsxColumns } from './xlsx-renderer';

async function renderToWorkbook(report: ProgressReport = reportFixture()) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: number[] = [];
  await renderXlsx(report, out, (done) => progress.push(done));
  const ended = out.writableEnded;
  out.end();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { workbook, progress, ended };
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

describe('renderXlsx', () => {
  const columns = xlsxColumns(reportFixture());
  const column = (key: ReportColumn) => columns.indexOf(key) + 1;

  it('writes the summary sheet first, then the actions sheet, and leaves the stream open for the caller', async () => {
    const { workbook, progress, ended } = await renderToWorkbook();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Samenvatting', 'Acties']);
    expect(progress.at(-1)).toBe(FIXTURE_ACTIONS.length);
    expect(ended).toBe(false);
  });

  it('starts the actions sheet with the action, ends it with the id, and prints the columns a reader needs', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Acties')!;
    const labels = reportLabels('nl');
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(columns.map((c) => labels.columns[c]));
    expect(headings[0]).toBe('Actie');
    expect(headings.at(-1)).toBe('Id');
    expect(headings).toHaveLength(22);
    expect(sheet.getRow(2).getCell(1).value).toBe(FIXTURE_ACTIONS[0].title);
    expect(sheet.getRow(2).getCell(columns.length).value).toBe('a1');
    // The print area holds the ten columns a reader of the paper needs (A-J), which come first;
    // the heading row repeats on every page.
    expect(headings.slice(0, 10)).toEqual([
      'Actie',
      'Spoor',
      'Trekker',
      'Deadline',
      'Status',
      'Status (Kamer)',
      'Voortgang',
      'Gereed (%)',
      'Over de deadline',
      'Laatste toelichting',
    ]);
    expect(sheet.pageSetup.printArea).toBe(`A1:J${FIXTURE_ACTIONS.length + 1}`);
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    // Frozen below the headings and right of the action, filterable.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:V${FIXTURE_ACTIONS.length + 1}`);
    expect(sheet.actualRowCount).toBe(FIXTURE_ACTIONS.length + 1);
  });

  it('prints both sheets landscape on A4, one page wide, with title and page numbers', async () => {
    const { workbook } = await renderToWorkbook();
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.pageSetup.margins).toMatchObject({ left: 0.4, right: 0.4 });
      expect(sheet.headerFooter.oddHeader).toBe(
        '&L&BVoortgangsrapportage Actieagenda Sterk Bestuur&B' +
          '&RPeildatum: 20 november 2026 om 10:00',
      );
      expect(sheet.headerFooter.oddFooter).toBe(
        '&LGemaakt op: 20 november 2026 om 10:00&RPagina &P van &N',
      );
    }
  });

  it('sets every column a width and wraps the long texts', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Acties')!;
    const widths = columns.map((_, index) => sheet.getColumn(index + 1).width);
    expect(widths.every((width) => typeof width === 'number' && width > 0)).toBe(true);
    expect(sheet.getColumn(column('title')).width).toBe(34);
    expect(sheet.getColumn(column('latestNarrative')).width).toBe(44);
    // What is printed fits a landscape page at a scale that can still be read.
    const printed = widths.slice(0, -1).reduce((sum, width) => sum! + width!, 0)!;
    expect(printed).toBeLessThanOrEqual(330);
    const narrative = sheet.getRow(2).getCell(column('latestNarrative'));
    expect(narrative.value).toBe(FIXTURE_NARRATIVE);
    expect(narrative.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(2).getCell(column('deadline')).alignment.wrapText).toBeFalsy();
    // Rows are as high as their longest wrapped text (LibreOffice does not fit them itself).
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(30);
    expect(sheet.getRow(2).height).toBe(15 * 3);
    expect(sheet.getRow(6).height).toBeUndefined();
  });

  it('counts the lines of a wrapped text as a spreadsheet wraps it', () => {
    expect(wrappedLines('kort', 10)).toBe(1);
    // 12 characters a line in a column 10 wide.
    expect(wrappedLines('twaalf teken twaalf teken', 10)).toBe(2);
    expect(wrappedLines('twaalf tekens twaalf tekens', 10)).toBe(4);
    expect(wrappedLines('een\ntwee\n\nvier', 10)).toBe(4);
    expect(wrappedLines('x'.repeat(30), 10)).toBe(3);
    // Bold takes more room: 14 characters a line in a column 14 wide, against 16.
    expect(wrappedLines('Over de deadline', 14)).toBe(1);
    expect(wrappedLines('Over de deadline', 14, 'bold')).toBe(2);
    expect(rowHeight(['kort', null, 'ook kort'], [10, 10, 10])).toBeUndefined();
    expect(rowHeight([null, 'een\ntwee'], [10, 10])).toBe(30);
    // Never higher than Excel's highest row.
    expect(rowHeight(['regel\n'.repeat(100)], [10])).toBe(405);
  });

  it('colours the status and health cells from the report style, with their words', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Acties')!;
    FIXTURE_ACTIONS.forEach((action, index) => {
      const row = sheet.getRow(index + 2);
      const status = row.getCell(column('status'));
      const health = row.getCell(column('health'));
      expect(status.value).toBe(reportLabels('nl').status[action.status]);
      expect(health.value).toBe(reportLabels('nl').health[action.health]);
      expect(status.fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: argb(STATUS_SWATCH[action.status].fill) },
      });
      expect(status.font.color).toEqual({ argb: argb(STATUS_SWATCH[action.status].text) });
      expect(health.fill).toMatchObject({
        fgColor: { argb: argb(HEALTH_SWATCH[action.health].fill) },
      });
      expect(health.font.color).toEqual({ argb: argb(HEALTH_SWATCH[action.health].text) });
    });
    // Off track: white on red.
    expect(sheet.getRow(2).getCell(column('health'))).toMatchObject({
      value: 'Uit koers',
      fill: { fgColor: { argb: 'FFD52B1E' } },
      font: { color: { argb: 'FFFFFFFF' } },
    });
    // Other cells are not coloured.
    expect(sheet.getRow(2).getCell(column('title')).fill).toEqual({
      type: 'pattern',
      pattern: 'none',
    });
  });

  it('writes one row per action with real dates, in the Dutch way, and numbers', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Acties')!;
    const first = sheet.getRow(2);
    expect(first.getCell(column('deadline')).value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(first.getCell(column('deadline')).numFmt).toBe('dd-mm-yyyy');
    expect(first.getCell(column('percentComplete')).value).toBe(40);
    // Narrated on 2026-11-15 14:30 UTC: 15:30 in Amsterdam (winter time).
    expect(first.getCell(column('latestNarrativeAt')).value).toEqual(
      new Date('2026-11-15T15:30:00Z'),
    );
    // Closed on 2026-10-12 09:15 UTC: 11:15 in Amsterdam (summer time).
    const closed = sheet.getRow(4);
    expect(closed.getCell(column('closedAt')).value).toEqual(new Date('2026-10-12T11:15:00Z'));
    expect(closed.getCell(column('closedAt')).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(closed.getCell(column('status')).value).toBe('Gerealiseerd');
    expect(sheet.getRow(6).getCell(column('track')).value).toBe('Zonder spoor');
  });

  it('leaves out "changed since" when the report has no since', async () => {
    const report = reportFixture();
    const { workbook } = await renderToWorkbook({
      ...report,
      header: { ...report.header, since: null },
    });
    const headings = (workbook.getWorksheet('Acties')!.getRow(1).values as unknown[]).slice(1);
    expect(headings).not.toContain('Gewijzigd sinds');
    expect(headings).toHaveLength(21);
    expect(workbook.getWorksheet('Acties')!.pageSetup.printArea).toBe(
      `A1:J${FIXTURE_ACTIONS.length + 1}`,
    );
  });

  it('shows the summary figures of the report, status and health coloured', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Samenvatting')!;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string' && !rows.has(label)) rows.set(label, row);
    });
    const value = (label: string) => rows.get(label)?.getCell(2).value;
    const { summary } = reportFixture();
    expect(value('Programma')).toBe('Actieagenda Sterk Bestuur');
    expect(value('Acties')).toBe(summary.total);
    expect(value('Open')).toBe(summary.open);
    expect(value('Over de deadline')).toBe(summary.overdue);
    expect(value('Afgerond in de periode')).toBe(summary.completedInPeriod);
    expect(value('Zelf gemeld')).toBe(summary.byVerification.self_reported);
    expect(rows.get('In uitvoering')!.getCell(1).fill).toMatchObject({
      fgColor: { argb: argb(STATUS_SWATCH.in_progress.fill) },
    });
    const headings = rows.get('Status')!;
    expect(headings.getCell(4)).toMatchObject({
      value: 'Risico',
      fill: { fgColor: { argb: argb(HEALTH_SWATCH.at_risk.fill) } },
    });
  });

  it('labels the workbook in English on request', async () => {
    const { workbook } = await renderToWorkbook(reportFixture('en'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Actions']);
    const sheet = workbook.getWorksheet('Actions')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Action');
    expect(sheet.getRow(2).getCell(column('deadline')).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.headerFooter.oddFooter).toContain('&RPage &P of &N');
  });
});
