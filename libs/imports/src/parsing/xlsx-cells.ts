import { ValueType, type Row } from 'exceljs';
import { FileProblem, type RawCell } from '../sheet/raw-cells';
import { excelSerialToDate, instantToExcelSerial } from './cell-dates';

/**
 * A row as exceljs's streaming reader built it, cell by cell; `cells[i]` is column i and a hole
 * is an empty cell.
 */
export function rawCellsOf(row: Row, date1904: boolean): (RawCell | null)[] {
  const cells: (RawCell | null)[] = [];
  row.eachCell((cell, column) => {
    // `cell.value` of a formula drops a falsy result (0, false, ''); `cell.result` keeps it.
    cells[column - 1] =
      cell.type === ValueType.Formula
        ? formulaResult(cell.result, cell.numFmt, date1904)
        : rawCellOf(cell.value, cell.numFmt, date1904);
  });
  return cells;
}

/**
 * One cell's value as exceljs's streaming reader leaves it. It has already turned a number
 * formatted as a date into a Date, and shared strings into their text; a formula keeps the
 * result Excel cached (it is never evaluated here).
 */
export function rawCellOf(
  value: unknown,
  numFmt: string | undefined,
  date1904: boolean,
): RawCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : { kind: 'text', text: value };
  if (typeof value === 'number') return numberCell(value, isPercentFormat(numFmt));
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return dateCell(value, date1904);
  if (typeof value !== 'object') return unknownValue();
  // A cell sharing another's formula (`<f t="shared"/>`, empty text) keeps this shape.
  if ('formula' in value || 'sharedFormula' in value) {
    return formulaResult((value as { result?: unknown }).result, numFmt, date1904);
  }
  if ('richText' in value) return textCell(richText(value.richText));
  if ('error' in value) return errorValue(value.error);
  // A hyperlink cell, should exceljs be asked to resolve hyperlinks: its text counts.
  if ('text' in value) {
    const text = value.text;
    return textCell(
      typeof text === 'string' ? text : richText((text as { richText?: unknown })?.richText),
    );
  }
  return unknownValue();
}

/**
 * exceljs reads a formula's cached result as text when the cell says `t="str"` and as a number
 * otherwise: a cached boolean arrives as 1 or 0, a cached error (#DIV/0!) as NaN.
 */
function formulaResult(
  result: unknown,
  numFmt: string | undefined,
  date1904: boolean,
): RawCell | null {
  if (result === undefined || result === null) {
    return { kind: 'error', code: 'FORMULA_WITHOUT_VALUE' };
  }
  if (typeof result === 'number' && isDateFormat(numFmt) && Number.isFinite(result)) {
    const date = excelSerialToDate(result, date1904);
    return date ? { kind: 'date', date } : numberCell(result);
  }
  return rawCellOf(result, numFmt, date1904);
}

/** exceljs's own test for a date format (`utils.isDateFmt`), so formulas and values agree. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A format that shows its number times 100 with a `%` (not one quoted or escaped as text). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

/**
 * exceljs computed the Date from the serial in UTC, with the 1904 system already applied; its
 * UTC calendar date is the date Excel shows. Outside the sane range (Excel's phantom 29 February
 * 1900, a time without a date) the serial is handed on as a number.
 */
function dateCell(instant: Date, date1904: boolean): RawCell {
  const serial = instantToExcelSerial(instant);
  const date = excelSerialToDate(serial);
  return date ? { kind: 'date', date } : numberCell(serial - (date1904 ? 1462 : 0));
}

function numberCell(value: number, percent = false): RawCell {
  if (!Number.isFinite(value)) return errorValue(undefined);
  return percent ? { kind: 'number', value, percent } : { kind: 'number', value };
}

function textCell(text: string): RawCell | null {
  return text === '' ? null : { kind: 'text', text };
}

function richText(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  return runs
    .map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : ''))
    .join('');
}

function errorValue(code: unknown): RawCell {
  return typeof code === 'string'
    ? { kind: 'error', code: 'ERROR_VALUE', detail: code }
    : { kind: 'error', code: 'ERROR_VALUE' };
}

/** A shared string without a shared-strings part, or anything else no workbook holds. */
function unknownValue(): never {
  throw new FileProblem('UNREADABLE_FILE', {}, 'A cell holds a value that cannot be read.');
}
