/**
 * The workbooks `bench:imports` uploads, made with ExcelJS as a person's Excel would leave
 * them: the filled export with one cell changed in every action row (scenario A), and a new
 * workbook of actions without keys (scenario B). Headers are the Dutch ones a user sees.
 */
import ExcelJS from 'exceljs';

/** The one change a row of scenario A makes, as the database must show it after the apply. */
export type ExpectedChange =
  { kind: 'title'; title: string } | { kind: 'deadline'; deadline: string } | { kind: 'status' };

export const DEADLINE_REASON = 'Planning afgestemd met de medeoverheden.';
const TITLE_SUFFIX = ' (herzien)';
const DAY_MS = 86_400_000;

/** A sheet's column numbers by header. */
function columnsOf(sheet: ExcelJS.Worksheet): (header: string) => number {
  const headers = sheet.getRow(1).values as unknown[];
  return (header) => {
    const column = headers.findIndex((value) => value === header);
    if (column < 1) throw new Error(`sheet ${sheet.name} has no column ${header}`);
    return column;
  };
}

/** A date cell as the export writes it (UTC midnight), or a typed dd-mm-yyyy. */
function dateOf(value: ExcelJS.CellValue): Date {
  if (value instanceof Date) return value;
  const match = typeof value === 'string' ? /^(\d{2})-(\d{2})-(\d{4})$/.exec(value) : null;
  if (!match) throw new Error(`not a date: ${JSON.stringify(value)}`);
  return new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])));
}

/**
 * Scenario A: in every action row of the filled workbook one change — a row at Niet gestart
 * moves to In uitvoering; the others alternately get a new title, or a deadline 30 days later
 * with its reason. Answers the file and each action's expected change by its key.
 */
export async function updateWorkbook(
  filled: Buffer,
): Promise<{ file: Buffer; expected: Map<string, ExpectedChange>; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(filled as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Acties');
  if (!sheet) throw new Error('the filled workbook has no sheet Acties');
  const column = columnsOf(sheet);
  const [key, title, deadline, status, reason] = [
    'Sleutel',
    'Titel',
    'Deadline',
    'Status',
    'Reden wijziging',
  ].map(column);
  const expected = new Map<string, ExpectedChange>();
  let other = 0;
  for (let n = 2; n <= sheet.rowCount; n += 1) {
    const row = sheet.getRow(n);
    const id = row.getCell(key).text;
    if (id === '') continue;
    if (row.getCell(status).text === 'Niet gestart') {
      row.getCell(status).value = 'In uitvoering';
      expected.set(id, { kind: 'status' });
    } else if (other++ % 2 === 0) {
      const changed = `${row.getCell(title).text}${TITLE_SUFFIX}`;
      row.getCell(title).value = changed;
      expected.set(id, { kind: 'title', title: changed });
    } else {
      const moved = new Date(dateOf(row.getCell(deadline).value).getTime() + 30 * DAY_MS);
      row.getCell(deadline).value = moved;
      row.getCell(reason).value = DEADLINE_REASON;
      expected.set(id, { kind: 'deadline', deadline: moved.toISOString().slice(0, 10) });
    }
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file, expected, rows: expected.size };
}

export interface CreateRowsSource {
  /** Each row's title is this and its number. */
  prefix: string;
  tracks: readonly string[];
  /** Organisation codes with an editor's e-mail address each (a member of the programme). */
  owners: ReadonlyArray<{ code: string; email: string }>;
  /** Commitment keys, for the Toezegging column of every other row. */
  commitmentKeys: readonly string[];
  tags: readonly string[];
}

export const CREATED_TITLE_PREFIX = 'Nieuwe actie uit de spreadsheet';

/** Scenario B: `rows` new actions (no key), each with the columns a planner fills in. */
export async function createWorkbook(rows: number, source: CreateRowsSource): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Acties');
  sheet.addRow([
    'Titel',
    'Omschrijving',
    'Spoor',
    'Toezegging',
    'Eigenaar (organisatie)',
    'Eigenaar (trekker, e-mail)',
    'Partners',
    'Startdatum',
    'Deadline',
    'Labels',
  ]);
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1);
  for (let i = 0; i < rows; i += 1) {
    const owner = source.owners[i % source.owners.length];
    const partner = source.owners[(i + 1) % source.owners.length];
    const deadline = new Date(today + (120 + (i % 500)) * DAY_MS);
    sheet.addRow([
      `${source.prefix} ${i + 1}`,
      'Opgesteld in de werksessie met de koepels; uitwerking volgt in het najaar.',
      source.tracks[i % source.tracks.length],
      i % 2 === 0 && source.commitmentKeys.length > 0
        ? source.commitmentKeys[i % source.commitmentKeys.length]
        : null,
      owner.code,
      owner.email,
      i % 3 === 0 ? `${partner.code} (bijdrager)` : null,
      i % 4 === 0 ? new Date(today + 30 * DAY_MS) : null,
      deadline,
      source.tags[i % source.tags.length],
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
