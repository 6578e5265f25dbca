import { parse } from 'csv-parse/sync';
import { REPORT_COLUMNS } from '../progress/report-labels';
import { excelNlCell, excelNlMoment } from '../progress/report-style';
import { FIXTURE_ACTIONS, reportFixture } from './report-fixture';
import { renderCsv } from './csv-renderer';

async function csvOf(...args: Parameters<typeof renderCsv>): Promise<string> {
  let text = '';
  for await (const chunk of renderCsv(...args)) text += chunk;
  return text;
}

const at = (column: (typeof REPORT_COLUMNS)[number]) => REPORT_COLUMNS.indexOf(column);

describe('renderCsv', () => {
  it('writes days and instants for machines by default: YYYY-MM-DD and ISO 8601 UTC', async () => {
    const rows: string[][] = parse(await csvOf(reportFixture()), { bom: true });
    expect(rows).toHaveLength(FIXTURE_ACTIONS.length + 1);
    expect(rows[0][at('deadline')]).toBe('Deadline');
    expect(rows[1][at('deadline')]).toBe('2026-11-01');
    expect(rows[1][at('latestNarrativeAt')]).toBe('2026-11-15T14:30:00.000Z');
    expect(rows[3][at('closedAt')]).toBe('2026-10-12T09:15:00.000Z');
    expect(rows[1][at('percentComplete')]).toBe('40');
  });

  it('writes them for Excel with Dutch settings with semicolons: d-m-yyyy, in Dutch time', async () => {
    const text = await csvOf(reportFixture(), 'semicolon');
    expect(text.startsWith('\uFEFFId;Spoor;Actie;')).toBe(true);
    const rows: string[][] = parse(text, { bom: true, delimiter: ';' });
    expect(rows).toHaveLength(FIXTURE_ACTIONS.length + 1);
    expect(rows[1][at('id')]).toBe('a1');
    expect(rows[1][at('deadline')]).toBe('01-11-2026');
    // 2026-11-15 14:30 UTC is 15:30 in Amsterdam (winter time, UTC+1) ...
    expect(rows[1][at('latestNarrativeAt')]).toBe('15-11-2026 15:30');
    // ... and 2026-10-12 09:15 UTC is 11:15 (summer time, UTC+2).
    expect(rows[3][at('closedAt')]).toBe('12-10-2026 11:15');
    expect(rows[3][at('deadline')]).toBe('30-06-2026');
    expect(rows[1][at('percentComplete')]).toBe('40');
    expect(rows[2][at('closedAt')]).toBe('');
    // Text is left as it is.
    expect(rows[1][at('title')]).toBe(FIXTURE_ACTIONS[0].title);
    expect(rows[1][at('status')]).toBe('In uitvoering');
  });

  it('writes Excel-NL moments across the changes of the clock and fractions with a comma', () => {
    // The last Sunday of March 2026: 01:00 UTC is 03:00 summer time; of October: 01:00 UTC is 02:00 winter time.
    expect(excelNlMoment('2026-03-29T00:59:00Z')).toBe('29-03-2026 01:59');
    expect(excelNlMoment('2026-03-29T01:00:00Z')).toBe('29-03-2026 03:00');
    expect(excelNlMoment('2026-10-25T00:59:00Z')).toBe('25-10-2026 02:59');
    expect(excelNlMoment('2026-10-25T01:00:00Z')).toBe('25-10-2026 02:00');
    // Late in the evening UTC is the next day in Amsterdam.
    expect(excelNlMoment(new Date('2026-12-31T23:30:00Z'))).toBe('01-01-2027 00:30');
    expect(excelNlCell(12.5, 'number')).toBe('12,5');
    expect(excelNlCell(40, 'number')).toBe(40);
    expect(excelNlCell('2026-02-03', 'date')).toBe('03-02-2026');
    expect(excelNlCell('2026-02-03', 'text')).toBe('2026-02-03');
    expect(excelNlCell(null, 'datetime')).toBeNull();
  });
});
