/**
 * What the file readers (XLSX, CSV) hand the planner: the cells of each row as the file holds
 * them, before any column gives them a meaning. The readers know files; the column
 * definitions (`sheet-columns.ts`) know what a cell in a column must be.
 */
export type RawCell =
  /** Text as written (not trimmed); CSV cells are always text. */
  | { kind: 'text'; text: string }
  /**
   * A number that is not formatted as a date (an Excel serial date in a text column, too).
   * `percent`: formatted as a percentage, so Excel shows it times 100 (1 is 100 %).
   */
  | { kind: 'number'; value: number; percent?: true }
  /** A cell formatted as a date in the workbook: its calendar date, YYYY-MM-DD. */
  | { kind: 'date'; date: string }
  | { kind: 'boolean'; value: boolean }
  /**
   * A cell that cannot be read as a value: a formula without a cached result (formulas are
   * never evaluated), or an error value such as #N/A or #REF!.
   */
  | { kind: 'error'; code: RawCellErrorCode; detail?: string };

export type RawCellErrorCode = 'FORMULA_WITHOUT_VALUE' | 'ERROR_VALUE';

/** One row of a sheet. `cells[i]` is column i (0 = A); null or absent: an empty cell. */
export interface RawRow {
  /** The sheet's name as in the workbook; '' for a CSV file. */
  sheet: string;
  /** 1-based, as the spreadsheet shows it (the header is usually row 1). */
  rowNumber: number;
  cells: (RawCell | null)[];
}

/** Limits the readers enforce (IMPORT_* configuration). */
export interface ReadLimits {
  /** Rows per sheet, the header included; trailing empty rows do not count. */
  maxRows: number;
  /**
   * Bytes after decompression, all parts of an XLSX together (zip-bomb guard); also the most
   * characters its cells may hold together, shared strings counted in every cell they fill.
   */
  maxUnzippedBytes: number;
  /** Columns per row. */
  maxColumns: number;
  /** Characters per cell. */
  maxCellChars: number;
}

/** Why a whole file cannot be read; the import fails with this code (and no rows). */
export const FILE_PROBLEMS = [
  /** Neither an XLSX workbook nor a readable CSV file. */
  'UNREADABLE_FILE',
  /** An XLSX part is encrypted, or the workbook is password-protected. */
  'ENCRYPTED_FILE',
  /** More than maxRows rows in a sheet. */
  'TOO_MANY_ROWS',
  /** More than maxColumns columns in a row. */
  'TOO_MANY_COLUMNS',
  /** A cell longer than maxCellChars. */
  'CELL_TOO_LONG',
  /** Decompresses to more than maxUnzippedBytes (or claims a ratio no workbook has). */
  'ZIP_TOO_LARGE',
  /** The XML declares a DTD or entities (XXE, billion laughs): refused, not expanded. */
  'XML_ENTITIES',
  /** A sheet has merged cells: a merged cell has no value per row and column. */
  'MERGED_CELLS',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEMS)[number];

/** A file-level problem: `sheet` (and `rowNumber`) when it belongs to one place. */
export class FileProblem extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly where: { sheet?: string; rowNumber?: number; ref?: string } = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'FileProblem';
  }
}
