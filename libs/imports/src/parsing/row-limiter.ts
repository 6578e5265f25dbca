import { FileProblem, type RawCell, type RawRow, type ReadLimits } from '../sheet/raw-cells';

/**
 * The rules both readers apply to the rows of one sheet: empty rows are dropped and not counted
 * (spreadsheets end in styled empty rows, CSV files in blank lines), and the limits on rows,
 * columns and cell length end the read with a FileProblem.
 */
export class RowLimiter {
  private rows = 0;

  constructor(
    private readonly sheet: string,
    private readonly limits: ReadLimits,
  ) {}

  /**
   * The row to hand on, or null for an empty one. `cells[i]` is column i; a blank text cell
   * beyond the last column allowed is dropped rather than refused (a stray space far to the
   * right is no reason to refuse a file).
   */
  admit(rowNumber: number, cells: readonly (RawCell | null | undefined)[]): RawRow | null {
    let last = -1;
    let filled = false;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (!cell) continue;
      const blank = cell.kind === 'text' && cell.text.trim() === '';
      if (column >= this.limits.maxColumns) {
        if (blank) continue;
        throw new FileProblem(
          'TOO_MANY_COLUMNS',
          { sheet: this.sheet, rowNumber, ref: cellRef(column, rowNumber) },
          `Row ${rowNumber} has a value beyond column ${columnLetters(this.limits.maxColumns - 1)}.`,
        );
      }
      if (cell.kind === 'text' && cell.text.length > this.limits.maxCellChars) {
        throw new FileProblem(
          'CELL_TOO_LONG',
          { sheet: this.sheet, rowNumber, ref: cellRef(column, rowNumber) },
          `Cell ${cellRef(column, rowNumber)} is longer than ${this.limits.maxCellChars} characters.`,
        );
      }
      last = column;
      filled ||= !blank;
    }
    if (!filled) return null;
    this.rows += 1;
    if (this.rows > this.limits.maxRows) {
      throw new FileProblem(
        'TOO_MANY_ROWS',
        { sheet: this.sheet, rowNumber },
        `The sheet has more than ${this.limits.maxRows} rows.`,
      );
    }
    const kept: (RawCell | null)[] = [];
    for (let column = 0; column <= last; column++) kept.push(cells[column] ?? null);
    return { sheet: this.sheet, rowNumber, cells: kept };
  }
}

/** `A`, …, `Z`, `AA`, … for a 0-based column. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function cellRef(column: number, rowNumber: number): string {
  return `${columnLetters(column)}${rowNumber}`;
}
