import ExcelJS from 'exceljs';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { FileProblem, type RawRow, type ReadLimits } from '../sheet/raw-cells';
import { RowLimiter } from './row-limiter';
import { checkSheetPart } from './xlsx-sheet-check';
import { rawCellsOf } from './xlsx-cells';
import { readXmlPart } from './xml-part-reader';
import { readZipDirectory, type ZipEntry } from './zip-directory';

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

type ExcelJsWorksheetReader = AsyncIterable<ExcelJS.Row>;

/**
 * The steps of exceljs 4.4's streaming WorkbookReader that this reader drives itself, part by
 * part, instead of letting `WorkbookReader.parse()` unzip the upload with `unzipper`. That way:
 * no byte is inflated that our ZIP guards did not admit (unzipper trusts the local headers and
 * inflates without a bound); every part reaches exceljs's XML parser as text decoded across
 * chunk boundaries (exceljs decodes each 16 KiB chunk on its own and garbles a character split
 * over two: exceljs/exceljs#2063, #2316); and styles and shared strings are read before the
 * sheets whatever the order in the archive (exceljs parks a sheet that comes first in a
 * temporary file, and reads dates as numbers when styles come after it).
 */
interface ExcelJsWorkbookSteps {
  workbookRels?: Relationship[];
  model?: { sheets?: { name: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    chunks: AsyncIterable<string>,
    sheetNo: string,
  ): Iterable<{ value: ExcelJsWorksheetReader }>;
}

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

interface SheetPart {
  name: string;
  entry: ZipEntry;
}

/**
 * The rows of every worksheet (hidden ones too) of an XLSX workbook, in workbook order, read as
 * they are consumed. Before the first row the whole archive is vetted: ZIP bombs
 * (`ZIP_TOO_LARGE`), encryption, DTDs and entities in any part exceljs reads, and merged cells.
 * Every failure is a FileProblem; anything unexpected is `UNREADABLE_FILE`.
 */
export async function* readXlsx(file: Buffer, limits: ReadLimits): AsyncGenerator<RawRow> {
  try {
    yield* xlsxRows(file, limits);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw Object.assign(new FileProblem('UNREADABLE_FILE', {}, 'The workbook cannot be read.'), {
      cause: error,
    });
  }
}

async function* xlsxRows(file: Buffer, limits: ReadLimits): AsyncGenerator<RawRow> {
  const zip = readZipDirectory(file, limits.maxUnzippedBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([]),
    READER_OPTIONS,
  ) as unknown as ExcelJsWorkbookSteps;
  await parsePart(file, requiredPart(zip, WORKBOOK_RELS), (s) => reader._parseRels(s));
  await parsePart(file, requiredPart(zip, WORKBOOK), (s) => reader._parseWorkbook(s));
  if (!reader.model) {
    throw new FileProblem('UNREADABLE_FILE', {}, `Not an XLSX workbook: ${WORKBOOK} is empty.`);
  }
  const relationships = reader.workbookRels ?? [];
  const sheets = (reader.model.sheets ?? []).flatMap((sheet): SheetPart[] => {
    const rel = relationships.find((r) => r.Id === sheet.rId);
    // Chart sheets and macro sheets have no rows.
    if (!rel || !rel.Type.endsWith('/worksheet')) return [];
    return [{ name: sheet.name, entry: requiredPart(zip, partName(rel.Target)) }];
  });

  checkSheetNames(sheets);
  for (const sheet of sheets) await checkSheetPart(file, sheet.entry, sheet.name);
  const styles = relatedPart(zip, relationships, 'styles');
  if (styles) await parsePart(file, styles, (s) => reader._parseStyles(s));
  const sharedStrings = relatedPart(zip, relationships, 'sharedStrings');
  if (sharedStrings) {
    // With `sharedStrings: 'cache'` the step yields nothing: it fills `reader.sharedStrings`.
    await parsePart(file, sharedStrings, (s) => drain(reader._parseSharedStrings(s)));
  }

  const date1904 = reader.properties?.model?.date1904 === true;
  // A shared string is stored once and may fill any number of cells: what the cells hold
  // counts against the limit too, or a small workbook expands to gigabytes of rows.
  let text = 0;
  for (const [index, sheet] of sheets.entries()) {
    const [worksheet] = reader._parseWorksheet(readXmlPart(file, sheet.entry), String(index + 1));
    const limiter = new RowLimiter(sheet.name, limits);
    for await (const row of worksheet.value) {
      // `r` is optional in the standard but written by every spreadsheet program we know of.
      if (!Number.isSafeInteger(row.number)) {
        throw new FileProblem('UNREADABLE_FILE', { sheet: sheet.name }, 'A row has no number.');
      }
      const raw = limiter.admit(row.number, rawCellsOf(row, date1904));
      if (!raw) continue;
      for (const cell of raw.cells) if (cell?.kind === 'text') text += cell.text.length;
      if (text > limits.maxUnzippedBytes) {
        throw new FileProblem(
          'ZIP_TOO_LARGE',
          { sheet: sheet.name, rowNumber: row.number },
          `The text of the cells exceeds ${limits.maxUnzippedBytes} characters.`,
        );
      }
      yield raw;
    }
  }
}

/** Longer than any spreadsheet program writes (Excel: 31): stored with each row and problem. */
const MAX_SHEET_NAME = 100;

/**
 * Each sheet on its own part, under its own name. The ZIP guards count each part once: a part
 * read for many sheets would be inflated and parsed again and again (a workbook of thousands of
 * sheets on one part), beyond every limit; and rows are told apart by their sheet's name.
 */
function checkSheetNames(sheets: readonly SheetPart[]): void {
  const parts = new Set<string>();
  const names = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.name.length > MAX_SHEET_NAME) {
      throw new FileProblem(
        'UNREADABLE_FILE',
        { sheet: `${sheet.name.slice(0, 30)}…` },
        `A sheet name is longer than ${MAX_SHEET_NAME} characters.`,
      );
    }
    if (parts.has(sheet.entry.name) || names.has(sheet.name.toLowerCase())) {
      throw new FileProblem(
        'UNREADABLE_FILE',
        { sheet: sheet.name },
        `The sheet ${sheet.name} shares its name or its part (${sheet.entry.name}) with another.`,
      );
    }
    parts.add(sheet.entry.name);
    names.add(sheet.name.toLowerCase());
  }
}

async function drain(steps: AsyncIterable<unknown>): Promise<void> {
  const iterator = steps[Symbol.asyncIterator]();
  while (!(await iterator.next()).done);
}

/** Closing the stream also closes the part's inflater when exceljs stops early on an error. */
async function parsePart(
  file: Buffer,
  entry: ZipEntry,
  parse: (stream: Readable) => Promise<void>,
): Promise<void> {
  const stream = Readable.from(readXmlPart(file, entry));
  try {
    await parse(stream);
  } finally {
    stream.destroy();
  }
}

function relatedPart(
  zip: Map<string, ZipEntry>,
  relationships: readonly Relationship[],
  type: string,
): ZipEntry | undefined {
  const rel = relationships.find((r) => r.Type.endsWith(`/${type}`));
  return rel ? requiredPart(zip, partName(rel.Target)) : undefined;
}

/** Relationship targets of the workbook are relative to `xl/`, or absolute from the root. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

function requiredPart(zip: Map<string, ZipEntry>, name: string): ZipEntry {
  const entry = zip.get(name);
  if (!entry) {
    throw new FileProblem('UNREADABLE_FILE', {}, `Not an XLSX workbook: ${name} is missing.`);
  }
  return entry;
}
