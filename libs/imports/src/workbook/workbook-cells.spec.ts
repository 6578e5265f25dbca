import { ACTION_COLUMNS } from '../sheet/action-columns';
import type { SheetColumn } from '../sheet/sheet-columns';
import { cellValue, columnStyle, text } from './workbook-cells';

function column(field: string): SheetColumn {
  const found = ACTION_COLUMNS.find((c) => c.field === field);
  if (!found) throw new Error(`no column ${field}`);
  return found;
}

describe('cellValue', () => {
  it('turns a YYYY-MM-DD date into UTC midnight of that day', () => {
    expect(cellValue(column('deadline'), '2027-01-15')).toEqual(new Date('2027-01-15T00:00:00Z'));
  });

  it('keeps a date that is not a calendar day as text, for the import to report', () => {
    expect(cellValue(column('deadline'), '2026-02-30')).toBe('2026-02-30');
    expect(cellValue(column('deadline'), '31-12-2026')).toBe('31-12-2026');
  });

  it('writes numbers in number columns, whole-number text too', () => {
    expect(cellValue(column('percentComplete'), 40)).toBe(40);
    expect(cellValue(column('version'), '12')).toBe(12);
    expect(cellValue(column('percentComplete'), 'veertig')).toBe('veertig');
  });

  it('writes anything in a text column as text, a number too', () => {
    expect(cellValue(column('reference'), 7)).toBe('7');
    expect(cellValue(column('title'), '=1+1')).toBe('=1+1');
  });

  it('leaves a cell empty for null, undefined and the empty string', () => {
    for (const value of [null, undefined, '']) expect(cellValue(column('title'), value)).toBeNull();
  });
});

describe('text', () => {
  it('drops control characters and U+FFFE/U+FFFF, and keeps tabs and line breaks', () => {
    expect(text('a\u0000b\u001Fc\uFFFEd\tE\nF')).toBe('abcd\tE\nF');
  });

  it('writes line ends as \\n and a lone surrogate as U+FFFD, keeping pairs', () => {
    expect(text('a\r\nb\rc')).toBe('a\nb\nc');
    expect(text('x\uD800y 😀')).toBe('x\uFFFDy 😀');
  });

  it('caps text at 32,767 characters without splitting a character', () => {
    expect(text('a'.repeat(40_000))).toHaveLength(32_767);
    const emoji = `${'a'.repeat(32_765)}😀😀`;
    const capped = text(emoji);
    expect(capped.length).toBeLessThanOrEqual(32_767);
    expect(capped.endsWith('a…')).toBe(true);
  });
});

describe('columnStyle', () => {
  it('formats text columns as Text, dates as dd-mm-yyyy, and wraps long text', () => {
    expect(columnStyle(column('title'))).toEqual({ numFmt: '@' });
    expect(columnStyle(column('deadline'))).toEqual({ numFmt: 'dd-mm-yyyy' });
    expect(columnStyle(column('percentComplete'))).toEqual({});
    expect(columnStyle(column('narrative'))).toMatchObject({
      numFmt: '@',
      alignment: { wrapText: true },
    });
  });
});
