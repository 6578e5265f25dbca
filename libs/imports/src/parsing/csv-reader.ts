import Papa from 'papaparse';
import { FileProblem, type RawRow, type ReadLimits } from '../sheet/raw-cells';
import { RowLimiter } from './row-limiter';

/** In order of preference when a header line has as many of one as of another. */
const SEPARATORS = [';', ',', '\t'] as const;
/** Excel's own hint on a first line of its own: `sep=;`. */
const SEPARATOR_HINT = /^sep=(.)\r?\n/i;

/**
 * The rows of a CSV file as sheet `''`, every cell text (an empty one null). The separator
 * (`;`, `,` or tab) is taken from the header line; the text is UTF-8 (with or without BOM),
 * UTF-16 with a BOM (Excel's "Unicode text"), or else Windows-1252 (what Excel-NL writes).
 * Quoted cells may hold separators, quotes and line breaks (RFC 4180). The whole file is checked
 * against the limits before the first row is handed on; a file with NUL bytes is not text.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async to be read like readXlsx
export async function* readCsv(file: Buffer, limits: ReadLimits): AsyncGenerator<RawRow> {
  yield* csvRows(decodeCsv(file), limits);
}

function csvRows(text: string, limits: ReadLimits): RawRow[] {
  const hint = SEPARATOR_HINT.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const limiter = new RowLimiter('', limits);
  const rows: RawRow[] = [];
  let rowNumber = 0;
  Papa.parse<string[]>(body, {
    delimiter: hint ? hint[1] : detectSeparator(body),
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    // A FileProblem thrown here ends the (synchronous) parse and reaches the caller.
    step: (result) => {
      rowNumber += 1;
      const cells = result.data.map((text) =>
        text === '' ? null : { kind: 'text' as const, text },
      );
      const row = limiter.admit(rowNumber, cells);
      if (row) rows.push(row);
    },
  });
  return rows;
}

/** The file's text; Windows-1252 is the fallback, as it decodes any byte. */
export function decodeCsv(file: Buffer): string {
  const text = decode(file);
  if (text.includes('\0')) {
    throw new FileProblem('UNREADABLE_FILE', {}, 'Neither a workbook nor a text (CSV) file.');
  }
  return text;
}

function decode(file: Buffer): string {
  try {
    if (file[0] === 0xff && file[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(file);
    if (file[0] === 0xfe && file[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(file);
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

/**
 * The separator that splits the header (the first line with any text; Excel writes empty rows
 * as `;;;`) into the most fields, counting only outside quotes. A single column: `,`.
 */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  let content = false;
  for (const char of text) {
    if (char === '"') {
      quoted = !quoted;
      content = true;
    } else if (quoted) {
      continue;
    } else if (char === '\n' || char === '\r') {
      if (content) break;
      counts.clear();
    } else if ((SEPARATORS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    } else if (char.trim() !== '') {
      content = true;
    }
  }
  let best = ',';
  let most = 0;
  for (const separator of SEPARATORS) {
    const count = counts.get(separator) ?? 0;
    if (count > most) [best, most] = [separator, count];
  }
  return best;
}
