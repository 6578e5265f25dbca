import type ExcelJS from 'exceljs';
import type { SheetColumn } from '../sheet/sheet-columns';
import type { ListsLayout } from './workbook-lists';
import type { WorkbookTexts } from './workbook-texts';

// Room for rows a person adds below the exported ones.
export const EMPTY_ROWS_VALIDATED = 10_000;
const EXCEL_MAX_ROW = 1_048_576;

/**
 * The data validation of a column's cells, or null when Excel has nothing to check. Dates get
 * none: the import also reads dates typed as text (31-12-2026), which a date validation would
 * refuse where Excel's locale does not read them as dates.
 */
export function columnValidation(
  column: SheetColumn,
  lists: ListsLayout,
  texts: WorkbookTexts,
): ExcelJS.DataValidation | null {
  if (column.type === 'percent') {
    return {
      type: 'whole',
      operator: 'between',
      formulae: [0, 100],
      ...refusal(texts.invalid.percent),
    };
  }
  if (column.type === 'version') {
    return {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [1],
      ...refusal(texts.invalid.version),
    };
  }
  const list = lists.forColumn(column);
  // An empty list would refuse every value; the import still checks the column.
  if (!list?.range) return null;
  if (column.type === 'organisation') {
    // The import takes an exact organisation name as well as a code: Excel warns, but lets
    // the person go on.
    return {
      type: 'list',
      formulae: [list.range],
      ...refusal(texts.invalid.organisation),
      errorStyle: 'warning',
    };
  }
  return { type: 'list', formulae: [list.range], ...refusal(texts.invalid.list) };
}

/**
 * The cells a column's validation covers: one range from the first data row down, past the
 * exported rows, so rows a person adds are checked too.
 */
export function validationRange(letter: string, dataRows: number): string {
  const last = Math.min(EXCEL_MAX_ROW, 1 + dataRows + EMPTY_ROWS_VALIDATED);
  return `${letter}2:${letter}${last}`;
}

function refusal(message: { title: string; text: string }): Partial<ExcelJS.DataValidation> {
  return {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: message.title,
    error: message.text,
  };
}
