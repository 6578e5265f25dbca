import { FileProblem } from '../sheet/raw-cells';
import { readXmlPart } from './xml-part-reader';
import type { ZipEntry } from './zip-directory';

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']/;
/** A cell holding an ISO 8601 date as text (`t="d"`, Strict OOXML). */
const ISO_DATE_CELL = /<(?:[\w.-]+:)?c\s[^>]*?\bt\s*=\s*["']d["']/;
/** An inline string made of runs: `<is><r><t>a</t></r><r><t>b</t></r></is>`. */
const INLINE_RUNS = /<(?:[\w.-]+:)?is>\s*<(?:[\w.-]+:)?r>/;
/** Enough of the previous chunk to catch an element split over two. */
const CARRY = 512;

/**
 * A first pass over a sheet part, before any of its rows is handed on. It refuses merged cells,
 * which exceljs's streaming reader skips (and which come after the rows), and two constructs
 * exceljs 4.4 would misread without a word: a date cell stored as ISO text (it reads `2026` out
 * of `2026-12-31`) and an inline string in runs (it keeps only the last run). Excel and
 * LibreOffice write neither. Reading the whole part also holds it to its size and checksum.
 */
export async function checkSheetPart(file: Buffer, entry: ZipEntry, sheet: string): Promise<void> {
  let previous = '';
  for await (const text of readXmlPart(file, entry)) {
    const window = previous + text;
    const merged = MERGE_CELL.exec(window);
    if (merged) {
      throw new FileProblem(
        'MERGED_CELLS',
        { sheet, ref: merged[1] },
        `The sheet ${sheet} has merged cells (${merged[1]}).`,
      );
    }
    if (ISO_DATE_CELL.test(window) || INLINE_RUNS.test(window)) {
      throw new FileProblem(
        'UNREADABLE_FILE',
        { sheet },
        `The sheet ${sheet} stores cells in a form this reader does not read (ISO date text or ` +
          'inline rich text); save the file again with Excel or LibreOffice.',
      );
    }
    previous = text.slice(-CARRY);
  }
}
