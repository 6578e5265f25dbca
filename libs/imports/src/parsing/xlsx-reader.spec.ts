import ExcelJS from 'exceljs';
import type { RawRow } from '../sheet/raw-cells';
import { HEADER_ROW, minimalXlsx, sheetXml } from './fixtures/crafted-xlsx';
import { collectRows, TEST_LIMITS } from './fixtures/collect-rows';
import { unzipParts, withParts, zipParts } from './fixtures/zip-builder';
import { readXlsx } from './xlsx-reader';

async function written(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const read = async (file: Buffer): Promise<RawRow[]> => collectRows(readXlsx(file, TEST_LIMITS));

describe('readXlsx', () => {
  it('reads each kind of cell as the workbook shows it', async () => {
    const file = await written((workbook) => {
      const sheet = workbook.addWorksheet('Acties');
      sheet.addRow(['Titel', 'Deadline']);
      sheet.addRow([
        'Gemeentefonds — ë é & <b>',
        new Date(Date.UTC(2026, 11, 31)),
        3.5,
        true,
        { richText: [{ text: 'rijke ' }, { text: 'tekst', font: { bold: true } }] },
        { formula: '1+2', result: 3 },
        { formula: 'A1&""' },
        { error: '#N/A' },
        { text: 'de site', hyperlink: 'https://example.org' },
        { formula: 'A1', result: 'Titel' },
        { formula: 'B2+1', result: new Date(Date.UTC(2027, 0, 1)) },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        false,
        0,
        { formula: '0*1', result: 0 },
        { formula: 'FALSE()', result: false },
        { formula: 'A1&""', result: '' },
        'laatste',
      ]);
      sheet.getCell('K2').numFmt = 'dd-mm-yyyy';
    });

    const rows = await read(file);

    expect(rows).toEqual([
      {
        sheet: 'Acties',
        rowNumber: 1,
        cells: [
          { kind: 'text', text: 'Titel' },
          { kind: 'text', text: 'Deadline' },
        ],
      },
      {
        sheet: 'Acties',
        rowNumber: 2,
        cells: [
          { kind: 'text', text: 'Gemeentefonds — ë é & <b>' },
          { kind: 'date', date: '2026-12-31' },
          { kind: 'number', value: 3.5 },
          { kind: 'boolean', value: true },
          { kind: 'text', text: 'rijke tekst' },
          { kind: 'number', value: 3 },
          { kind: 'error', code: 'FORMULA_WITHOUT_VALUE' },
          { kind: 'error', code: 'ERROR_VALUE', detail: '#N/A' },
          { kind: 'text', text: 'de site' },
          { kind: 'text', text: 'Titel' },
          { kind: 'date', date: '2027-01-01' },
          { kind: 'error', code: 'ERROR_VALUE' },
          { kind: 'boolean', value: false },
          { kind: 'number', value: 0 },
          { kind: 'number', value: 0 },
          // exceljs reads a cached boolean of a formula as 1 or 0; the planner accepts 1/0.
          { kind: 'number', value: 0 },
          null,
          { kind: 'text', text: 'laatste' },
        ],
      },
    ]);
  });

  it('reads a serial number as a date only where its format is a date format', async () => {
    const file = await written((workbook) => {
      const sheet = workbook.addWorksheet('Acties');
      sheet.addRow([46387, 46387, 46387.75, 46387]);
      sheet.getCell('A1').numFmt = 'd-m-yyyy';
      sheet.getCell('C1').numFmt = '[$-413]d mmmm yyyy;@';
      sheet.getCell('D1').numFmt = '0.00 "dagen"';
      sheet.addRow([5, 0.5, new Date(Date.UTC(2026, 0, 1, 23, 59, 59))]);
      sheet.getCell('A2').numFmt = 'd-m-yyyy';
      sheet.getCell('B2').numFmt = 'h:mm';
      // 100 % as Excel stores it, and a % that is text in its format.
      sheet.addRow([1, 0.5, 12]);
      sheet.getCell('A3').numFmt = '0%';
      sheet.getCell('B3').numFmt = '0.0%';
      sheet.getCell('C3').numFmt = '0 "%"';
    });

    const rows = await read(file);

    expect(rows.map((row) => row.cells)).toEqual([
      [
        { kind: 'date', date: '2026-12-31' },
        { kind: 'number', value: 46387 },
        { kind: 'date', date: '2026-12-31' },
        { kind: 'number', value: 46387 },
      ],
      [
        { kind: 'number', value: 5 },
        { kind: 'number', value: 0.5 },
        { kind: 'date', date: '2026-01-01' },
      ],
      [
        { kind: 'number', value: 1, percent: true },
        { kind: 'number', value: 0.5, percent: true },
        { kind: 'number', value: 12 },
      ],
    ]);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const file = await written((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Acties');
      sheet.addRow([new Date(Date.UTC(2026, 11, 31)), { formula: 'A1', result: 44925 }]);
      sheet.getCell('B1').numFmt = 'dd-mm-yyyy';
    });

    const rows = await read(file);

    expect(rows[0].cells).toEqual([
      { kind: 'date', date: '2026-12-31' },
      { kind: 'date', date: '2026-12-31' },
    ]);
  });

  it('skips empty rows without counting them, keeping row numbers as Excel shows them', async () => {
    const file = await written((workbook) => {
      const sheet = workbook.addWorksheet('Acties');
      sheet.addRow(['Titel']);
      sheet.getRow(3).values = ['Tweede'];
      sheet.getRow(4).values = ['  ', null, '\t'];
      for (let row = 5; row < 40; row++)
        sheet.getRow(row).getCell(1).style = { font: { bold: true } };
      sheet.getCell('A40').value = '';
    });

    const rows = await read(file);

    expect(rows.map((row) => [row.rowNumber, row.cells])).toEqual([
      [1, [{ kind: 'text', text: 'Titel' }]],
      [3, [{ kind: 'text', text: 'Tweede' }]],
    ]);
  });

  it('reads every sheet in workbook order, hidden ones too', async () => {
    const file = await written((workbook) => {
      workbook.addWorksheet('Toezeggingen').addRow(['T']);
      workbook.addWorksheet('Lijsten', { state: 'hidden' }).addRow(['L']);
      workbook.addWorksheet('Acties', { state: 'veryHidden' }).addRow(['A']);
    });

    const rows = await read(file);

    expect(rows.map((row) => [row.sheet, row.cells])).toEqual([
      ['Toezeggingen', [{ kind: 'text', text: 'T' }]],
      ['Lijsten', [{ kind: 'text', text: 'L' }]],
      ['Acties', [{ kind: 'text', text: 'A' }]],
    ]);
  });

  it('keeps characters whole where a part is inflated in several chunks', async () => {
    const titles = Array.from({ length: 3000 }, (_, i) => `Gemeentefonds — ë é ✓ ${i}`);
    const file = await written((workbook) => {
      const sheet = workbook.addWorksheet('Acties');
      for (const title of titles) sheet.addRow([title, `${title} (inline)`]);
    });

    const rows = await read(file);

    expect(rows.map((row) => (row.cells[0] as { text: string }).text)).toEqual(titles);
    expect(rows.map((row) => (row.cells[1] as { text: string }).text)).toEqual(
      titles.map((title) => `${title} (inline)`),
    );
  });

  it('reads dates when styles come after the sheets in the archive', async () => {
    const file = await written((workbook) => {
      workbook.addWorksheet('Acties').addRow(['Deadline', new Date(Date.UTC(2026, 11, 31))]);
    });
    const parts = unzipParts(file);
    const sheetsFirst = [
      ...parts.filter((part) => part.name.startsWith('xl/worksheets/')),
      ...parts.filter((part) => !part.name.startsWith('xl/worksheets/')),
    ];

    const rows = await read(zipParts(sheetsFirst));

    expect(rows[0].cells[1]).toEqual({ kind: 'date', date: '2026-12-31' });
  });

  it('reads inline strings, and a stored (uncompressed) part', async () => {
    const file = minimalXlsx({
      sheet: {
        name: '',
        stored: true,
        data: sheetXml(
          `${HEADER_ROW}<row r="2"><c r="B2" t="inlineStr"><is><t>31-12-2026</t></is></c></row>`,
        ),
      },
    });

    const rows = await read(file);

    expect(rows).toEqual([
      {
        sheet: 'Acties',
        rowNumber: 1,
        cells: [
          { kind: 'text', text: 'Titel' },
          { kind: 'text', text: 'Deadline' },
        ],
      },
      { sheet: 'Acties', rowNumber: 2, cells: [null, { kind: 'text', text: '31-12-2026' }] },
    ]);
  });

  it('reads the cached results of shared formulas, a zero too', async () => {
    const file = minimalXlsx({
      sheet: sheetXml(
        '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c></row>' +
          '<row r="2"><c r="A2"><v>0</v></c><c r="B2"><f t="shared" si="0"/><v>0</v></c></row>' +
          '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/></c></row>',
      ),
    });

    const rows = await read(file);

    expect(rows.map((row) => row.cells[1])).toEqual([
      { kind: 'number', value: 4 },
      { kind: 'number', value: 0 },
      { kind: 'error', code: 'FORMULA_WITHOUT_VALUE' },
    ]);
  });

  it('finds a sheet by its relationship, an absolute target too', async () => {
    const file = await written((workbook) => workbook.addWorksheet('Acties').addRow(['Titel']));
    const rels = unzipParts(file).find((part) => part.name === 'xl/_rels/workbook.xml.rels')!;
    const absolute = rels
      .data!.toString()
      .replace('"worksheets/sheet1.xml"', '"/xl/worksheets/sheet1.xml"');

    expect(absolute).toContain('"/xl/worksheets/sheet1.xml"');

    const rows = await read(withParts(file, { 'xl/_rels/workbook.xml.rels': absolute }));

    expect(rows).toEqual([
      { sheet: 'Acties', rowNumber: 1, cells: [{ kind: 'text', text: 'Titel' }] },
    ]);
  });
});
