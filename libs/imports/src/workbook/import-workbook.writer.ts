import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { keepPace } from '@app/core';
import {
  SHEET_COLUMNS,
  SHEET_NAMES,
  type SheetColumn,
  type SheetKind,
  type SheetLanguage,
} from '../sheet/sheet-columns';
import { writeInstructionSheet } from './instruction-sheet';
import { cellValue, columnStyle } from './workbook-cells';
import type { WorkbookContent } from './workbook-content';
import { columnLetter, listsLayout, writeListsSheet, type ListsLayout } from './workbook-lists';
import { workbookTexts, type WorkbookTexts } from './workbook-texts';
import { columnValidation, validationRange } from './workbook-validations';

const CREATOR = 'Sterk Bestuur Tracker';
// How often a long sheet lets the zip stream and a slow reader catch up.
const YIELD_EVERY = 250;

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const DO_NOT_EDIT_HEADER: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFBFBFBF' },
};
const DO_NOT_EDIT_CELLS: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};

/**
 * The streaming sheet keeps data validations (worksheet-writer.js writes them when the sheet is
 * committed), but exceljs's typings leave them out.
 */
interface ValidatedSheet {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * Writes the import workbook to `out` (not ended: the caller ends it): an instruction sheet,
 * the Commitments and Actions sheets with `content.rows` (none for the empty template) and a
 * hidden Lists sheet the data validations pick from. Rows are committed as they are written
 * and strings are not shared, so memory stays flat however many rows there are.
 */
export async function writeImportWorkbook(content: WorkbookContent, out: Writable): Promise<void> {
  const texts = workbookTexts(content.lang);
  const lists = listsLayout(content, texts);
  // The workbook writer ends the stream it writes to; the caller owns `out`.
  const zip = new PassThrough();
  const zipped = new Promise<void>((resolve, reject) => {
    zip.once('end', resolve);
    zip.once('error', reject);
  });
  // Awaited below; until then a failure must not count as an unhandled rejection.
  zipped.catch(() => undefined);
  zip.pipe(out, { end: false });
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: zip,
      useStyles: true,
      // Shared strings would hold every distinct text in memory until the end.
      useSharedStrings: false,
    });
    workbook.creator = CREATOR;
    workbook.lastModifiedBy = CREATOR;
    workbook.title = texts.title(content.programmeName);
    workbook.created = content.generatedAt;
    workbook.modified = content.generatedAt;

    // The streaming writer writes one sheet after another, in the order they are added.
    writeInstructionSheet(workbook, content, texts);
    for (const kind of ['commitments', 'actions'] as const) {
      await writeDataSheet(workbook, kind, content, lists, texts, out);
    }
    writeListsSheet(workbook, lists);
    await workbook.commit();
    await zipped;
  } catch (error) {
    // Nothing of a broken workbook goes on into the caller's stream.
    zip.unpipe(out);
    throw error;
  }
}

async function writeDataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  kind: SheetKind,
  content: WorkbookContent,
  lists: ListsLayout,
  texts: WorkbookTexts,
  out: Writable,
): Promise<void> {
  const columns = SHEET_COLUMNS[kind];
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind][content.lang], {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  });
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: doNotEdit(column)
      ? { ...columnStyle(column), fill: DO_NOT_EDIT_CELLS }
      : columnStyle(column),
  }));
  writeHeader(sheet, columns, content.lang);

  let rows = 0;
  for await (const values of content.rows[kind]) {
    sheet.addRow(columns.map((column) => cellValue(column, values[column.field]))).commit();
    rows++;
    if (rows % YIELD_EVERY === 0) await keepPace(out);
  }

  // Validations and the autofilter are written when the sheet is committed, so they can
  // cover every row; each validation is one range, not one entry per cell.
  const validations = (sheet as unknown as ValidatedSheet).dataValidations;
  columns.forEach((column, index) => {
    const validation = columnValidation(column, lists, texts);
    if (validation) validations.add(validationRange(columnLetter(index + 1), rows), validation);
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows + 1, column: columns.length },
  };
  sheet.commit();
}

function writeHeader(
  sheet: ExcelJS.Worksheet,
  columns: readonly SheetColumn[],
  lang: SheetLanguage,
): void {
  const header = sheet.addRow(columns.map((column) => column.header[lang]));
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    // The header has its own look, not its column's (a Text format, a grey cell fill).
    cell.style = { font: HEADER_FONT, alignment: { vertical: 'top', wrapText: true } };
    if (doNotEdit(column)) {
      cell.fill = DO_NOT_EDIT_HEADER;
      cell.note = column.help[lang];
    }
  });
  header.commit();
}

/** Key and version tell the import which row and which version a line is; never typed. */
function doNotEdit(column: SheetColumn): boolean {
  return column.type === 'key' || column.type === 'version' || column.readOnly === true;
}
