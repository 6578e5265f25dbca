import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  entityXlsx,
  formulaWithoutValueXlsx,
  HEADER_ROW,
  mergedCellsXlsx,
  minimalXlsx,
  sheetXml,
  zipBombXlsx,
} from './fixtures/crafted-xlsx';
import { collectRows, problemOf, TEST_LIMITS } from './fixtures/collect-rows';
import { unzipParts, withParts, zipParts } from './fixtures/zip-builder';
import { readXlsx } from './xlsx-reader';

async function actionsWorkbook(rows = 3): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Acties');
  sheet.addRow(['Titel', 'Deadline']);
  for (let i = 1; i < rows; i++) sheet.addRow([`Actie ${i}`, new Date(Date.UTC(2026, 11, i))]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const problem = async (file: Buffer, limits = TEST_LIMITS) => problemOf(readXlsx(file, limits));

describe('readXlsx on hostile archives', () => {
  it('refuses a part that declares it inflates beyond the limit', async () => {
    const result = await problem(zipBombXlsx({ honest: true }));
    expect(result.problem.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses a part that lies about its size once it inflates past what it declared', async () => {
    const started = Date.now();
    const result = await problem(zipBombXlsx());
    expect(result).toMatchObject({ problem: { code: 'ZIP_TOO_LARGE' }, rowsBefore: 0 });
    // Inflating the whole GiB would take seconds; stopping at the declared 4 KiB takes none.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a workbook whose parts together exceed the limit', async () => {
    const file = await actionsWorkbook(2000);
    const result = await problem(file, { ...TEST_LIMITS, maxUnzippedBytes: 100_000 });
    expect(result.problem.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses an archive with absurdly many entries', async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: '' }));
    const result = await problem(zipParts(entries));
    expect(result.problem.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses a ZIP64 archive', async () => {
    const file = await actionsWorkbook();
    file.writeUInt32LE(0xffffffff, file.length - 6);
    expect((await problem(file)).problem.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses an encrypted part', async () => {
    const parts = unzipParts(await actionsWorkbook());
    const encrypted = zipParts(
      parts.map((part) => ({ ...part, encrypted: part.name === 'xl/styles.xml' })),
    );
    expect((await problem(encrypted)).problem.code).toBe('ENCRYPTED_FILE');
  });

  it.each([
    ['truncated', (file: Buffer) => file.subarray(0, Math.floor(file.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['damaged inside a deflated part', (file: Buffer) => damageSheet(file)],
    ['not a workbook', () => zipParts([{ name: 'notes.txt', data: 'hello' }])],
    ['missing its sheet', (file: Buffer) => withParts(file, { 'xl/worksheets/sheet1.xml': null })],
    ['with an empty workbook part', (file: Buffer) => withParts(file, { 'xl/workbook.xml': '' })],
    [
      'with a sheet that is not XML',
      (file: Buffer) => withParts(file, { 'xl/worksheets/sheet1.xml': '<<<' }),
    ],
    ['with a checksum that does not match', (file: Buffer) => withWrongChecksum(file)],
  ])('refuses an archive %s as unreadable', async (_, spoil) => {
    const file = spoil(await actionsWorkbook());
    expect((await problem(file)).problem.code).toBe('UNREADABLE_FILE');
  });
});

describe('readXlsx on DTDs and entities', () => {
  it.each([
    ['billion laughs in the shared strings', entityXlsx()],
    ['billion laughs in the sheet', entityXlsx({ part: 'sheet' })],
    ['an external entity in the shared strings', entityXlsx({ entity: 'external' })],
    ['an external entity in the sheet', entityXlsx({ part: 'sheet', entity: 'external' })],
  ])('refuses %s', async (_, file) => {
    expect(await problem(file)).toMatchObject({ problem: { code: 'XML_ENTITIES' }, rowsBefore: 0 });
  });

  it.each(['xl/workbook.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels'])(
    'refuses a DTD in %s',
    async (name) => {
      const file = await actionsWorkbook();
      const part = unzipParts(file).find((p) => p.name === name)!;
      const text = part.data!.toString().replace('?>', '?><!DOCTYPE x [<!ENTITY a "b">]>');
      expect((await problem(withParts(file, { [name]: text }))).problem.code).toBe('XML_ENTITIES');
    },
  );

  it('reads no file an external entity names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxe-'));
    const secret = path.join(dir, 'geheim.txt');
    fs.writeFileSync(secret, 'GEHEIM');
    const spies = (
      ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream'] as const
    ).map((name) => jest.spyOn(fs, name));
    const promiseSpies = (['open', 'readFile'] as const).map((name) =>
      jest.spyOn(fs.promises, name),
    );
    try {
      for (const part of ['sharedStrings', 'sheet'] as const) {
        const file = entityXlsx({ part, entity: 'external', file: `file://${secret}` });
        expect((await problem(file)).problem.code).toBe('XML_ENTITIES');
      }
      const calls = [...spies, ...promiseSpies].flatMap((spy) => spy.mock.calls as unknown[][]);
      expect(calls.filter((args) => String(args[0]).includes(dir))).toEqual([]);
    } finally {
      for (const spy of [...spies, ...promiseSpies]) spy.mockRestore();
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('refuses a DTD split over two chunks of a part', async () => {
    // Stored parts are read 64 KiB at a time: put "<!DOC" before the boundary, "TYPE" after.
    const head = '<?xml version="1.0"?><!--';
    const padding = 'x'.repeat(64 * 1024 - head.length - '--><!DOC'.length);
    const sheet = `${head}${padding}--><!DOCTYPE worksheet SYSTEM "file:///etc/passwd">${sheetXml(HEADER_ROW).replace(/^<\?xml[^>]*>\n/, '')}`;
    const file = minimalXlsx({ sheet: { name: '', data: sheet, stored: true } });
    expect((await problem(file)).problem.code).toBe('XML_ENTITIES');
  });
});

describe('readXlsx on awkward content', () => {
  it('refuses merged cells before handing on any row, naming the first range', async () => {
    expect(await problem(await mergedCellsXlsx())).toMatchObject({
      problem: { code: 'MERGED_CELLS', where: { sheet: 'Acties', ref: 'A2:B2' } },
      rowsBefore: 0,
    });
  });

  it.each([
    ['a date stored as ISO text', '<c r="B2" t="d"><v>2026-12-31T00:00:00</v></c>'],
    [
      'an inline string in runs',
      '<c r="A2" t="inlineStr"><is><r><t>Een </t></r><r><t>titel</t></r></is></c>',
    ],
  ])('refuses %s, which exceljs would misread', async (_, cell) => {
    const file = minimalXlsx({ sheet: sheetXml(`${HEADER_ROW}<row r="2">${cell}</row>`) });
    expect(await problem(file)).toMatchObject({
      problem: { code: 'UNREADABLE_FILE', where: { sheet: 'Acties' } },
      rowsBefore: 0,
    });
  });

  it('reads a formula without a cached value as a cell error', async () => {
    const rows = await collectRows(readXlsx(await formulaWithoutValueXlsx(), TEST_LIMITS));
    expect(rows[1].cells).toEqual([
      { kind: 'error', code: 'FORMULA_WITHOUT_VALUE' },
      { kind: 'date', date: '2026-12-31' },
    ]);
  });

  it('counts only non-empty rows, the header included, against maxRows', async () => {
    const file = await actionsWorkbook(3);
    const limits = { ...TEST_LIMITS, maxRows: 3 };
    expect(await collectRows(readXlsx(file, limits))).toHaveLength(3);
    expect(await problem(file, { ...limits, maxRows: 2 })).toMatchObject({
      problem: { code: 'TOO_MANY_ROWS', where: { sheet: 'Acties', rowNumber: 3 } },
      rowsBefore: 2,
    });
  });

  it('refuses a workbook whose sheets share one part, before any row', async () => {
    const file = minimalXlsx({ sheet: sheetXml(HEADER_ROW) });
    const workbook = unzipParts(file).find((part) => part.name === 'xl/workbook.xml')!;
    // Three sheets on sheet1.xml: a thousand would have it inflated and planned a thousand times.
    const threeSheets = workbook
      .data!.toString()
      .replace(/<sheet [^>]*\/>/, (sheet) =>
        [1, 2, 3].map((n) => sheet.replace('sheetId="1"', `sheetId="${n}"`)).join(''),
      );

    expect(await problem(withParts(file, { 'xl/workbook.xml': threeSheets }))).toMatchObject({
      problem: { code: 'UNREADABLE_FILE', where: { sheet: 'Acties' } },
      rowsBefore: 0,
    });
  });

  it('refuses two sheets of one name, and a sheet name longer than any program writes', async () => {
    const file = minimalXlsx({ sheet: sheetXml(HEADER_ROW) });
    const workbook = unzipParts(file).find((part) => part.name === 'xl/workbook.xml')!;
    const twice = workbook
      .data!.toString()
      .replace(
        /<sheet [^>]*\/>/,
        (sheet) =>
          sheet + sheet.replace('ties', 'TIES').replace('"1"', '"2"').replace('rId1', 'rId2'),
      );
    const secondPart = unzipParts(file)
      .find((part) => part.name === 'xl/_rels/workbook.xml.rels')!
      .data!.toString()
      .replace(
        '</Relationships>',
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
      );
    const sameName = withParts(file, {
      'xl/workbook.xml': twice,
      'xl/_rels/workbook.xml.rels': secondPart,
      'xl/worksheets/sheet2.xml': sheetXml(HEADER_ROW),
    });
    expect(await problem(sameName)).toMatchObject({
      problem: { code: 'UNREADABLE_FILE', where: { sheet: 'AcTIES' } },
      rowsBefore: 0,
    });

    const long = withParts(file, {
      'xl/workbook.xml': workbook
        .data!.toString()
        .replace('name="Acties"', `name="${'A'.repeat(101)}"`),
    });
    expect(await problem(long)).toMatchObject({
      problem: { code: 'UNREADABLE_FILE' },
      rowsBefore: 0,
    });
  });

  it('counts a shared string against the limit in every cell it fills', async () => {
    // 30,000 characters stored once, in two cells of each of 200 rows: 12 million characters
    // from parts of some 50 kB.
    const rows = Array.from(
      { length: 200 },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>2</v></c><c r="B${i + 2}" t="s"><v>2</v></c></row>`,
    ).join('');
    const file = minimalXlsx({
      sheet: sheetXml(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>${rows}`,
      ),
      sharedStrings:
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<si><t>Titel</t></si><si><t>Deadline</t></si><si><t>${'x'.repeat(30_000)}</t></si></sst>`,
    });
    const limits = { ...TEST_LIMITS, maxUnzippedBytes: 1_000_000 };

    expect(await problem(file, limits)).toMatchObject({
      problem: { code: 'ZIP_TOO_LARGE', where: { sheet: 'Acties', rowNumber: 18 } },
      rowsBefore: 17,
    });
  });

  it('refuses a value beyond the last column allowed, and a cell that is too long', async () => {
    const file = await actionsWorkbook();
    expect((await problem(file, { ...TEST_LIMITS, maxColumns: 1 })).problem).toMatchObject({
      code: 'TOO_MANY_COLUMNS',
      where: { sheet: 'Acties', rowNumber: 1, ref: 'B1' },
    });
    expect((await problem(file, { ...TEST_LIMITS, maxCellChars: 5 })).problem).toMatchObject({
      code: 'CELL_TOO_LONG',
      where: { sheet: 'Acties', rowNumber: 1, ref: 'B1' },
    });
  });
});

function damageSheet(file: Buffer): Buffer {
  const sheet = unzipParts(file).find((part) => part.name === 'xl/worksheets/sheet1.xml')!;
  const rebuilt = withParts(file, { 'xl/worksheets/sheet1.xml': sheet.data!.toString() });
  const at = rebuilt.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
  for (let i = at + 10; i < at + 40; i++) rebuilt[i] ^= 0xff;
  return rebuilt;
}

/** The workbook part changed after its checksum was taken (same length, other bytes). */
function withWrongChecksum(file: Buffer): Buffer {
  const workbook = unzipParts(file).find((part) => part.name === 'xl/workbook.xml')!.data!;
  const changed = Buffer.from(workbook.toString().replace('Acties', 'Actiez'));
  return withParts(file, {
    'xl/workbook.xml': {
      name: '',
      deflated: { bytes: deflateRawSync(changed), size: changed.length, crc32: crc32(workbook) },
    },
  });
}
