import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { REPORT_COLUMNS, reportLabels } from '../progress/report-labels';
import { FIXTURE_ACTIONS, FIXTURE_NARRATIVE, reportFixture } from './report-fixture';
import { renderXlsx } from './xlsx-renderer';

async function renderToWorkbook(lang: 'nl' | 'en' = 'nl') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: number[] = [];
  await renderXlsx(reportFixture(lang), out, (done) => progress.push(done));
  const ended = out.writableEnded;
  out.end();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { workbook, progress, ended };
}

describe('renderXlsx', () => {
  it('writes a summary sheet and an actions sheet, and leaves the stream open for the caller', async () => {
    const { workbook, progress, ended } = await renderToWorkbook();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Samenvatting', 'Acties']);
    expect(progress.at(-1)).toBe(FIXTURE_ACTIONS.length);
    expect(ended).toBe(false);
  });

  it('heads the actions sheet with the column labels, frozen and filterable', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Acties')!;
    const labels = reportLabels('nl');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      REPORT_COLUMNS.map((c) => labels.columns[c]),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:V${FIXTURE_ACTIONS.length + 1}`);
    expect(sheet.actualRowCount).toBe(FIXTURE_ACTIONS.length + 1);
  });

  it('writes one row per action with real dates and numbers', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Acties')!;
    const column = (key: (typeof REPORT_COLUMNS)[number]) => REPORT_COLUMNS.indexOf(key) + 1;
    const first = sheet.getRow(2);
    expect(first.getCell(column('id')).value).toBe('a1');
    expect(first.getCell(column('deadline')).value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(first.getCell(column('deadline')).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(column('percentComplete')).value).toBe(40);
    expect(first.getCell(column('latestNarrative')).value).toBe(FIXTURE_NARRATIVE);
    expect(first.getCell(column('health')).value).toBe('Vertraagd');
    // Closed on 2026-10-12 09:15 UTC: 11:15 in Amsterdam (summer time).
    const closed = sheet.getRow(4);
    expect(closed.getCell(column('closedAt')).value).toEqual(new Date('2026-10-12T11:15:00Z'));
    expect(closed.getCell(column('closedAt')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(closed.getCell(column('status')).value).toBe('Afgerond');
    expect(sheet.getRow(6).getCell(column('track')).value).toBe('Zonder spoor');
  });

  it('shows the summary figures of the report', async () => {
    const { workbook } = await renderToWorkbook();
    const sheet = workbook.getWorksheet('Samenvatting')!;
    const rows = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const [, label, value] = row.values as unknown[];
      if (typeof label === 'string' && !rows.has(label)) rows.set(label, value);
    });
    const { summary } = reportFixture();
    expect(rows.get('Programma')).toBe('Actieagenda Sterk Bestuur');
    expect(rows.get('Acties')).toBe(summary.total);
    expect(rows.get('Open')).toBe(summary.open);
    expect(rows.get('Over de deadline')).toBe(summary.overdue);
    expect(rows.get('Afgerond in de periode')).toBe(summary.completedInPeriod);
    expect(rows.get('Eigen opgave')).toBe(summary.byVerification.self_reported);
  });

  it('labels the workbook in English on request', async () => {
    const { workbook } = await renderToWorkbook('en');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Actions']);
    expect(workbook.getWorksheet('Actions')!.getRow(1).getCell(3).value).toBe('Action');
  });
});
