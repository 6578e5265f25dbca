import type ExcelJS from 'exceljs';
import { SHEET_COLUMNS, SHEET_NAMES, type SheetColumn } from '../sheet/sheet-columns';
import { text } from './workbook-cells';
import type { WorkbookContent } from './workbook-content';
import type { WorkbookTexts } from './workbook-texts';

/** One column of the Lists sheet: the values a data validation offers. */
export interface PickList {
  heading: string;
  values: readonly string[];
  /** Where the values are, for a validation formula (`'Lijsten'!$A$2:$A$5`); null when empty. */
  range: string | null;
}

/**
 * The Lists sheet, laid out before any sheet is written: the streaming writer writes the sheets
 * in order and the Lists sheet comes last, but the data sheets' validations must already
 * name its ranges.
 */
export interface ListsLayout {
  sheetName: string;
  lists: readonly PickList[];
  /** The list a column's cells are picked from, if any. */
  forColumn(column: SheetColumn): PickList | undefined;
}

export function listsLayout(content: WorkbookContent, texts: WorkbookTexts): ListsLayout {
  const sheetName = SHEET_NAMES.lists[content.lang];
  const byKey = new Map<string, PickList>();
  const add = (key: string, heading: string, values: readonly string[]): void => {
    if (byKey.has(key)) return;
    const clean = values.map(text).filter((value) => value !== '');
    const letter = columnLetter(byKey.size + 1);
    const range =
      clean.length === 0
        ? null
        : `${quoteSheetName(sheetName)}!$${letter}$2:$${letter}$${clean.length + 1}`;
    byKey.set(key, { heading, values: clean, range });
  };

  add('organisations', texts.listHeadings.organisations, content.lists.organisations);
  add('tracks', texts.listHeadings.tracks, content.lists.tracks);
  for (const column of [...SHEET_COLUMNS.commitments, ...SHEET_COLUMNS.actions]) {
    if (column.type !== 'choice') continue;
    // The import accepts a choice's code as well as its label, so the codes are a valid list
    // should the caller not have given labels for a field.
    const values = content.lists.choices[column.field] ?? column.choices ?? [];
    add(choiceKey(column), column.header[content.lang], values);
  }
  add('booleans', texts.listHeadings.booleans, content.lists.booleans);

  return {
    sheetName,
    lists: [...byKey.values()],
    forColumn: (column) => {
      const key = listKey(column);
      return key === null ? undefined : byKey.get(key);
    },
  };
}

/** Writes the Lists sheet, hidden (not very hidden: a person may unhide it to look). */
export function writeListsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  layout: ListsLayout,
): void {
  const sheet = workbook.addWorksheet(layout.sheetName, { state: 'hidden' });
  sheet.columns = layout.lists.map((list) => ({
    width: list.values.reduce(
      (width, value) => Math.max(width, Math.min(60, value.length + 2)),
      14,
    ),
    style: { numFmt: '@' },
  }));
  const header = sheet.addRow(layout.lists.map((list) => list.heading));
  header.font = { bold: true };
  header.commit();
  const length = layout.lists.reduce((most, list) => Math.max(most, list.values.length), 0);
  for (let index = 0; index < length; index++) {
    sheet.addRow(layout.lists.map((list) => list.values[index] ?? null)).commit();
  }
  sheet.commit();
}

function listKey(column: SheetColumn): string | null {
  switch (column.type) {
    case 'organisation':
      return 'organisations';
    case 'track':
      return 'tracks';
    case 'choice':
      return choiceKey(column);
    case 'boolean':
      return 'booleans';
    default:
      return null;
  }
}

function choiceKey(column: SheetColumn): string {
  return `choice:${column.field}`;
}

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A sheet name as a formula names it: in quotes, a quote in it doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
