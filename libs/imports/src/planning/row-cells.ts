import type { RawRow } from '../sheet/raw-cells';
import { SHEET_COLUMNS, type SheetLanguage } from '../sheet/sheet-columns';
import { type CellReading, type CellValue, readCell } from './cell-reader';
import { type CellErrorCode, cellErrorReason, type MessageParams } from './import-messages';
import type { RowError } from './planned-row';
import { columnLetter, type SheetLayout } from './sheet-layout';

/**
 * The most characters of a cell's value (and of a detail) a message quotes: a row's errors are
 * stored and listed with it, and a cell may hold 32,767 characters.
 */
const MAX_QUOTED = 100;
const MAX_DETAIL = 300;

const cut = (text: string | undefined, max: number) =>
  text !== undefined && text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * One row's cells read by their columns, and the row's errors, each at its cell: every
 * problem of a row is collected, never only the first.
 */
export class RowCells {
  readonly errors: RowError[] = [];
  private readonly readings = new Map<string, CellReading>();

  constructor(
    private readonly layout: SheetLayout,
    raw: RawRow,
    readonly lang: SheetLanguage,
  ) {
    for (const [index, column] of layout.columns) {
      const reading = readCell(column, raw.cells[index], lang);
      this.readings.set(column.field, reading);
      if (!reading.empty && 'error' in reading) {
        this.error(column.field, reading.error, reading.params);
      }
    }
  }

  /** Whether the file has the column at all (a missing column changes nothing). */
  has(field: string): boolean {
    return this.layout.indexOf.has(field);
  }

  /** undefined: no such column, or a cell in error; null: an empty cell. */
  value<T extends CellValue>(field: string): T | null | undefined {
    const reading = this.readings.get(field);
    if (reading === undefined) return undefined;
    if (reading.empty) return null;
    return 'value' in reading ? (reading.value as T) : undefined;
  }

  /** Whether the cell could not be read (its error is recorded already). */
  failed(field: string): boolean {
    const reading = this.readings.get(field);
    return reading !== undefined && !reading.empty && 'error' in reading;
  }

  /** Whether the row has an error at this field already. */
  hasError(field: string): boolean {
    return this.errors.some((error) => error.field === field);
  }

  /**
   * The API's own verdict on a field, unless the cell has an error already: a cell that could
   * not be read (or is missing) must not be reported twice.
   */
  invalid(field: string, detail: string): void {
    if (!this.hasError(field)) this.error(field, 'INVALID_VALUE', { detail });
  }

  error(field: string, code: CellErrorCode, params?: MessageParams): void {
    const index = this.layout.indexOf.get(field);
    const column = SHEET_COLUMNS[this.layout.kind].find((c) => c.field === field);
    this.errors.push({
      column: column?.header[this.lang] ?? field,
      columnLetter: index === undefined ? null : columnLetter(index),
      field,
      code,
      reason: cellErrorReason(
        code,
        this.lang,
        params && {
          ...params,
          value: cut(params.value, MAX_QUOTED),
          detail: cut(params.detail, MAX_DETAIL),
        },
      ),
    });
  }

  /** The header of a field's column, for a change's description. */
  header(field: string): string {
    return (
      SHEET_COLUMNS[this.layout.kind].find((c) => c.field === field)?.header[this.lang] ?? field
    );
  }

  /** The fields the file has a column for. */
  fields(): string[] {
    return [...this.layout.indexOf.keys()];
  }
}
