import type { RawRow } from '../sheet/raw-cells';
import { collectRows, problemOf, TEST_LIMITS } from './fixtures/collect-rows';
import { detectSeparator, readCsv } from './csv-reader';

const read = async (file: Buffer | string): Promise<RawRow[]> =>
  collectRows(readCsv(Buffer.from(file), TEST_LIMITS));
const texts = (rows: RawRow[]) =>
  rows.map((row) => [
    row.rowNumber,
    row.cells.map((cell) => (cell?.kind === 'text' ? cell.text : cell)),
  ]);

/** "Gemeentefonds — ë é" as Excel-NL saves it: Windows-1252, the dash as 0x97. */
const WINDOWS_1252 = Buffer.concat([
  Buffer.from('Titel;Deadline\r\nGemeentefonds ', 'latin1'),
  Buffer.from([0x97]),
  Buffer.from(' ë é;31-12-2026\r\n', 'latin1'),
]);

describe('readCsv', () => {
  it('reads a comma-separated file as text cells of sheet ""', async () => {
    expect(await read('Titel,Deadline\nEerste,31-12-2026\n')).toEqual([
      {
        sheet: '',
        rowNumber: 1,
        cells: [
          { kind: 'text', text: 'Titel' },
          { kind: 'text', text: 'Deadline' },
        ],
      },
      {
        sheet: '',
        rowNumber: 2,
        cells: [
          { kind: 'text', text: 'Eerste' },
          { kind: 'text', text: '31-12-2026' },
        ],
      },
    ]);
  });

  it('reads a semicolon-separated file, keeping commas in cells', async () => {
    expect(texts(await read('Titel;Deadline\r\nEen, twee;1,5\r\n'))).toEqual([
      [1, ['Titel', 'Deadline']],
      [2, ['Een, twee', '1,5']],
    ]);
  });

  it('reads quoted cells with separators, quotes and line breaks', async () => {
    const csv = 'Titel;Omschrijving\r\n"Een; twee";"Regel 1\r\nRegel ""2"""\r\nDerde;\r\n';
    expect(texts(await read(csv))).toEqual([
      [1, ['Titel', 'Omschrijving']],
      [2, ['Een; twee', 'Regel 1\r\nRegel "2"']],
      [3, ['Derde']],
    ]);
  });

  it('keeps cells as written, an empty cell null', async () => {
    expect(texts(await read('a,b,c\n  x ,,z\n'))).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['  x ', null, 'z']],
    ]);
  });

  it.each([
    ['UTF-8 without BOM', Buffer.from('Titel;Deadline\nGemeentefonds — ë é;x\n')],
    ['UTF-8 with BOM', Buffer.from('\uFEFFTitel;Deadline\nGemeentefonds — ë é;x\n')],
    ['UTF-16 with BOM', Buffer.from('\uFEFFTitel;Deadline\nGemeentefonds — ë é;x\n', 'utf16le')],
    ['Windows-1252', WINDOWS_1252],
  ])('reads %s', async (_, file) => {
    const rows = await read(file);
    expect(rows[0].cells[0]).toEqual({ kind: 'text', text: 'Titel' });
    expect(rows[1].cells[0]).toEqual({ kind: 'text', text: 'Gemeentefonds — ë é' });
  });

  it('skips empty lines and rows of empty cells without counting them', async () => {
    const csv = 'Titel;Deadline\r\n\r\nEerste;x\r\n;;\r\n  ;\r\n\r\n\r\n';
    expect(
      texts(await collectRows(readCsv(Buffer.from(csv), { ...TEST_LIMITS, maxRows: 2 }))),
    ).toEqual([
      [1, ['Titel', 'Deadline']],
      [3, ['Eerste', 'x']],
    ]);
  });

  it('follows Excel\'s "sep=" line', async () => {
    expect(texts(await read('sep=|\nTitel|Deadline;x\n'))).toEqual([[1, ['Titel', 'Deadline;x']]]);
  });

  it('refuses more rows than allowed before handing on any', async () => {
    const csv = 'Titel\nA\nB\nC\n';
    expect(
      await problemOf(readCsv(Buffer.from(csv), { ...TEST_LIMITS, maxRows: 3 })),
    ).toMatchObject({
      problem: { code: 'TOO_MANY_ROWS', where: { sheet: '', rowNumber: 4 } },
      rowsBefore: 0,
    });
  });

  it('refuses too many columns and a cell that is too long', async () => {
    const csv = Buffer.from('a;b;c\nx;y;zzzzzz\n');
    expect(
      (await problemOf(readCsv(csv, { ...TEST_LIMITS, maxColumns: 2 }))).problem,
    ).toMatchObject({
      code: 'TOO_MANY_COLUMNS',
      where: { rowNumber: 1, ref: 'C1' },
    });
    expect(
      (await problemOf(readCsv(csv, { ...TEST_LIMITS, maxCellChars: 5 }))).problem,
    ).toMatchObject({
      code: 'CELL_TOO_LONG',
      where: { rowNumber: 2, ref: 'C2' },
    });
  });

  it('refuses a binary file', async () => {
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    ]);
    expect((await problemOf(readCsv(binary, TEST_LIMITS))).problem.code).toBe('UNREADABLE_FILE');
  });

  it('reads an empty file as no rows', async () => {
    expect(await read('')).toEqual([]);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['Titel,Deadline,Eigenaar', ','],
    ['Titel;Deadline;Eigenaar', ';'],
    ['Titel\tDeadline', '\t'],
    ['"Titel; lang",Deadline,Eigenaar', ','],
    ['"Titel, lang";Deadline', ';'],
    [';;\r\n\r\nTitel,Deadline', ','],
    ['Titel', ','],
    ['Titel;Deadline, uiterlijk', ';'],
  ])('finds the separator of %j', (header, separator) => {
    expect(detectSeparator(`${header}\r\nx;y,z\r\n`)).toBe(separator);
  });
});
