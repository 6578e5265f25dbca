import type { RawRow } from '../sheet/raw-cells';
import {
  SHEET_COLUMNS,
  SHEET_NAMES,
  type SheetColumn,
  type SheetKind,
} from '../sheet/sheet-columns';

/** Which column of the file holds which field, as its header row says. */
export interface SheetLayout {
  kind: SheetKind;
  sheetName: string;
  /** By the file's column index (0 = A). */
  columns: Map<number, SheetColumn>;
  /** The field's column index. */
  indexOf: Map<string, number>;
  /** Headers the file has that are none of ours: ignored, and said so. */
  unknownHeaders: string[];
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The data sheet a sheet name is (either language), or undefined for any other sheet. */
export function sheetKindOf(name: string): SheetKind | undefined {
  const wanted = fold(name);
  return (['commitments', 'actions'] as const).find(
    (kind) => fold(SHEET_NAMES[kind].nl) === wanted || fold(SHEET_NAMES[kind].en) === wanted,
  );
}

/** Headers only the actions sheet has: a CSV file with one of them holds actions. */
const ACTION_ONLY = ['deadline', 'track', 'ownerOrganisation', 'status'];

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Reads a header row: each header is matched to a column by its Dutch or English name (case,
 * accents and spacing aside). A CSV file (no sheet names) is the actions sheet when it has a
 * header only actions have, and the commitments sheet otherwise. Undefined: not a data sheet.
 */
export function layoutOf(header: RawRow): SheetLayout | undefined {
  const texts = header.cells.map((cell) => (cell && cell.kind === 'text' ? fold(cell.text) : ''));
  const match = (columns: readonly SheetColumn[]) => {
    const found = new Map<number, SheetColumn>();
    texts.forEach((text, index) => {
      const column = columns.find(
        (c) => text !== '' && (fold(c.header.nl) === text || fold(c.header.en) === text),
      );
      if (column && ![...found.values()].includes(column)) found.set(index, column);
    });
    return found;
  };
  let kind = sheetKindOf(header.sheet);
  if (kind === undefined && header.sheet === '') {
    const asActions = match(SHEET_COLUMNS.actions);
    kind = [...asActions.values()].some((column) => ACTION_ONLY.includes(column.field))
      ? 'actions'
      : 'commitments';
  }
  if (kind === undefined) return undefined;
  const columns = match(SHEET_COLUMNS[kind]);
  const indexOf = new Map([...columns].map(([index, column]) => [column.field, index]));
  const unknownHeaders = header.cells
    .map((cell, index) =>
      cell && cell.kind === 'text' && cell.text.trim() !== '' && !columns.has(index)
        ? cell.text.trim()
        : undefined,
    )
    .filter((text): text is string => text !== undefined);
  return { kind, sheetName: header.sheet, columns, indexOf, unknownHeaders };
}
