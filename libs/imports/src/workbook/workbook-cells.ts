import type ExcelJS from 'exceljs';
import type { ColumnType, SheetColumn } from '../sheet/sheet-columns';

export const DATE_FORMAT = 'dd-mm-yyyy';
// Excel's limit for the text of one cell.
export const MAX_CELL_TEXT = 32_767;

const NUMBER_TYPES: ReadonlySet<ColumnType> = new Set(['version', 'percent', 'integer']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WHOLE_NUMBER = /^-?\d{1,15}$/;

/**
 * A value of `SheetValues` as the cell of `column` holds it: a date column gets a real date (UTC
 * midnight, which exceljs writes as that calendar day), a number column a number, anything
 * else text. A value that does not fit its column's type is written as text, so the import
 * reads back what was exported and reports it, instead of this writer guessing.
 */
export function cellValue(
  column: SheetColumn,
  value: string | number | null | undefined,
): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'date' && typeof value === 'string') return isoDate(value) ?? text(value);
  if (NUMBER_TYPES.has(column.type)) {
    if (typeof value === 'number') return value;
    if (WHOLE_NUMBER.test(value)) return Number(value);
  }
  return text(String(value));
}

/**
 * Column styles, which Excel also applies to what a person types into a new row: text
 * columns are formatted as Text (`@`), so a typed `=…` stays text and `007` or `3-4` is
 * not turned into a number or a date.
 */
export function columnStyle(column: SheetColumn): Partial<ExcelJS.Style> {
  if (column.type === 'date') return { numFmt: DATE_FORMAT };
  if (NUMBER_TYPES.has(column.type)) return {};
  if (column.type === 'longText') {
    return { numFmt: '@', alignment: { vertical: 'top', wrapText: true } };
  }
  return { numFmt: '@' };
}

function isoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const date = new Date(`${value}T00:00:00Z`);
  // `new Date` rolls 2026-02-30 over to March; such a value is not a date.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

// XML 1.0 allows tab, line feed, carriage return and U+0020 and up, except the surrogate
// halves and U+FFFE/U+FFFF; one other character would make the workbook unreadable. Pairs of
// surrogates are the characters above U+FFFF and stay.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a cell can hold it: characters XML cannot carry dropped (a lone surrogate becomes
 * U+FFFD), line ends as Excel writes them (`\n`), at most Excel's 32,767 characters.
 */
export function text(value: string): string {
  const clean = value
    .replace(NOT_XML, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  // Cut before, not inside, a surrogate pair; the ellipsis shows the text goes on.
  let end = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(clean[end - 1])) end--;
  return `${clean.slice(0, end)}…`;
}
