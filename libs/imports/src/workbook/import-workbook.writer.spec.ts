import { PassThrough, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { ACTION_COLUMNS } from '../sheet/action-columns';
import { COMMITMENT_COLUMNS } from '../sheet/commitment-columns';
import type { SheetLanguage } from '../sheet/sheet-columns';
import { writeImportWorkbook } from './import-workbook.writer';
import type { SheetValues, WorkbookContent } from './workbook-content';
import {
  ACTION_ROWS,
  COMMITMENT_ROWS,
  FORMULA_LOOKING,
  LONG_TEXT,
  workbookFixture,
} from './workbook-fixture';
import { workbookTexts } from './workbook-texts';

type Validations = Record<string, ExcelJS.DataValidation | undefined>;

async function written(content: WorkbookContent) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeImportWorkbook(content, out);
  const ended = out.writableEnded;
  out.end();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { workbook, ended };
}

const filled = (lang: SheetLanguage = 'nl') =>
  written(workbookFixture(lang, { commitments: COMMITMENT_ROWS, actions: ACTION_ROWS }));

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function validationsOf(sheet: ExcelJS.Worksheet): Validations {
  return (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
}

// The heap still in use, garbage aside: what streaming must keep flat.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('writeImportWorkbook', () => {
  it.each([
    ['nl', ['Instructie', 'Toezeggingen', 'Acties', 'Lijsten']],
    ['en', ['Instructions', 'Commitments', 'Actions', 'Lists']],
  ] as const)(
    'names and orders the sheets in %s, and leaves the stream open',
    async (lang, names) => {
      const { workbook, ended } = await written(workbookFixture(lang));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
      expect(ended).toBe(false);
    },
  );

  it.each(['nl', 'en'] as const)(
    'heads the data sheets with the %s column headers, bold, frozen and filterable',
    async (lang) => {
      const { workbook } = await filled(lang);
      const [, commitments, actions] = workbook.worksheets;
      expect(headers(commitments)).toEqual(COMMITMENT_COLUMNS.map((c) => c.header[lang]));
      expect(headers(actions)).toEqual(ACTION_COLUMNS.map((c) => c.header[lang]));
      expect(actions.getRow(1).getCell(4).font).toMatchObject({ bold: true });
      expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(actions.getColumn(4).width).toBe(50);
      expect(actions.autoFilter).toBe(`A1:S${ACTION_ROWS.length + 1}`);
      expect(commitments.autoFilter).toBe(`A1:Q${COMMITMENT_ROWS.length + 1}`);
    },
  );

  it('marks key and version as not to be edited: a grey header with a note, grey cells', async () => {
    const { workbook } = await filled();
    const sheet = sheetOf(workbook, 'Acties');
    const grey = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };
    for (const column of [1, 2]) {
      expect(sheet.getRow(1).getCell(column).fill).toEqual(grey);
      expect(JSON.stringify(sheet.getRow(1).getCell(column).note)).toContain('Niet wijzigen');
      expect(sheet.getRow(2).getCell(column).fill).toMatchObject({ fgColor: { argb: 'FFF2F2F2' } });
    }
    expect(sheet.getRow(1).getCell(3).fill).not.toEqual(grey);
    expect(sheet.getRow(1).getCell(3).note).toBeUndefined();
  });

  it('hides the Lists sheet (unhideable) with a column per list, values from row 2', async () => {
    const { workbook } = await written(workbookFixture('nl'));
    const lists = sheetOf(workbook, 'Lijsten');
    expect(lists.state).toBe('hidden');
    const column = (index: number) =>
      (lists.getColumn(index).values as unknown[]).slice(1).filter((v) => v !== undefined);
    expect(headers(lists)).toEqual([
      'Organisaties',
      'Sporen',
      'Soort',
      'Fase (UDO)',
      'Kamer',
      'Status',
      'Gezondheid',
      'Ja/nee',
    ]);
    expect(column(1)).toEqual(['Organisaties', 'BZK', 'VNG', 'IPO', 'UvW']);
    expect(column(2)).toEqual(['Sporen', 'Sterke basis', 'Digitale overheid']);
    expect(column(6)).toEqual([
      'Status',
      'Niet gestart',
      'Lopend',
      'Voldaan',
      'Deels voldaan',
      'Vervallen',
    ]);
    expect(column(8)).toEqual(['Ja/nee', 'ja', 'nee']);
  });

  it('validates each pick-list column once, over its rows and 10,000 more, against its list', async () => {
    const { workbook } = await filled();
    const actions = validationsOf(sheetOf(workbook, 'Acties'));
    const last = 10_001 + ACTION_ROWS.length;
    const lists = {
      F: "'Lijsten'!$B$2:$B$3", // track
      H: "'Lijsten'!$A$2:$A$5", // owner organisation (codes)
      M: "'Lijsten'!$F$2:$F$6", // status
      N: "'Lijsten'!$G$2:$G$5", // health
      S: "'Lijsten'!$H$2:$H$3", // public (ja/nee)
    };
    for (const [letter, range] of Object.entries(lists)) {
      for (const row of [2, last]) {
        expect(actions[`${letter}${row}`]).toMatchObject({
          type: 'list',
          formulae: [range],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: expect.any(String) as string,
          error: expect.any(String) as string,
        });
      }
      expect(actions[`${letter}1`]).toBeUndefined();
      expect(actions[`${letter}${last + 1}`]).toBeUndefined();
    }
    // A name is allowed too, so a code not in the list only warns.
    expect(actions.H2?.errorStyle).toBe('warning');
    expect(actions.M2?.errorStyle).toBe('stop');

    const commitments = validationsOf(sheetOf(workbook, 'Toezeggingen'));
    expect(commitments.D2?.formulae).toEqual(["'Lijsten'!$C$2:$C$7"]); // kind
    expect(commitments.K2?.formulae).toEqual(["'Lijsten'!$D$2:$D$5"]); // phase
    expect(commitments.O2?.formulae).toEqual(["'Lijsten'!$E$2:$E$3"]); // chamber
  });

  it('validates percentages 0–100 and versions from 1 as whole numbers, free text not at all', async () => {
    const { workbook } = await written(workbookFixture('en'));
    const actions = validationsOf(sheetOf(workbook, 'Actions'));
    expect(actions.O2).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 100] });
    expect(actions.B10001).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [1],
      errorTitle: 'Do not change',
    });
    expect(actions.B10002).toBeUndefined();
    expect(actions.S2?.formulae).toEqual(["'Lists'!$H$2:$H$3"]);
    for (const letter of ['A', 'C', 'D', 'E', 'G', 'I', 'J', 'K', 'L', 'P', 'Q', 'R']) {
      expect(actions[`${letter}2`]).toBeUndefined();
    }
  });

  it('leaves a pick-list column unvalidated when its list is empty', async () => {
    const content = workbookFixture('nl');
    const { workbook } = await written({
      ...content,
      lists: { ...content.lists, organisations: [] },
    });
    const actions = validationsOf(sheetOf(workbook, 'Acties'));
    expect(actions.H2).toBeUndefined();
    expect(actions.F2?.formulae).toEqual(["'Lijsten'!$B$2:$B$3"]);
  });

  it('keeps validation messages within what Excel opens (title 32, text 255 characters)', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const message of Object.values(workbookTexts(lang).invalid)) {
        expect(message.title.length).toBeLessThanOrEqual(32);
        expect(message.text.length).toBeLessThanOrEqual(255);
      }
    }
  });

  it('writes dates as date cells shown as dd-mm-yyyy, numbers as numbers, the rest as text', async () => {
    const { workbook } = await filled();
    const commitment = sheetOf(workbook, 'Toezeggingen').getRow(2);
    const dateAgreed = commitment.getCell(7);
    expect(dateAgreed.type).toBe(ExcelJS.ValueType.Date);
    expect(dateAgreed.value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(dateAgreed.numFmt).toBe('dd-mm-yyyy');
    expect(commitment.getCell(2).value).toBe(3);
    expect(commitment.getCell(14).value).toBe(7);
    expect(commitment.getCell(9).value).toBe('29362-296');
    expect(commitment.getCell(9).numFmt).toBe('@');

    const action = sheetOf(workbook, 'Acties').getRow(2);
    expect(action.getCell(12).value).toEqual(new Date('2027-01-15T00:00:00Z'));
    expect(action.getCell(15).type).toBe(ExcelJS.ValueType.Number);
    expect(action.getCell(15).value).toBe(40);
    expect(action.getCell(13).value).toBe('Lopend');
    expect(action.getCell(16).value).toBe('Regel één\nregel twee');
    expect(action.getCell(16).alignment).toMatchObject({ wrapText: true });
    expect(action.getCell(19).value).toBe('ja');
  });

  it('keeps formula-looking text inert: a string cell, never a formula', async () => {
    const { workbook } = await filled();
    const sheet = sheetOf(workbook, 'Toezeggingen');
    FORMULA_LOOKING.forEach((title, index) => {
      const cell = sheet.getRow(3 + index).getCell(5);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(title);
    });
  });

  it('caps text at 32,767 characters, keeps ë and é and drops what XML cannot hold', async () => {
    const rows: SheetValues[] = [{ title: 'a\u0001b\uFFFFc\u0008', description: LONG_TEXT }];
    const { workbook } = await written(workbookFixture('nl', { commitments: rows }));
    const row = sheetOf(workbook, 'Toezeggingen').getRow(2);
    expect(row.getCell(5).value).toBe('abc');
    const description = row.getCell(6).value as string;
    expect(description).toHaveLength(32_767);
    expect(description.endsWith('…')).toBe(true);

    const { workbook: filledBook } = await filled();
    expect(sheetOf(filledBook, 'Toezeggingen').getRow(2).getCell(5).value).toBe(
      'Eën café voor de Kamer',
    );
  });

  it('explains the round trip on the instruction sheet, with each column and whether a new row needs it', async () => {
    const { workbook } = await written(workbookFixture('nl'));
    const sheet = sheetOf(workbook, 'Instructie');
    const lines: unknown[][] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    const text = lines.map((line) => line.join(' | ')).join('\n');
    expect(lines[0]).toEqual(['Importbestand Actieagenda Sterk Bestuur']);
    expect(lines[1]).toEqual(['Gemaakt op', '20-11-2026 14:05']);
    expect(text).toContain('Beheer › Import');
    expect(text).toContain('Er wordt niets verwijderd');
    expect(text).toContain('31-12-2026 of 2026-12-31');
    expect(text).toContain('Kolom | Uitleg | Verplicht bij een nieuwe regel');
    expect(text).toContain('Soort | Kies uit de lijst. | ja');
    expect(text).toContain('Versie | Niet wijzigen.');
    expect(text).toContain('Spoor | Kies uit de lijst. | ja');
    expect(text).toContain('Openbaar | ja of nee. | nee');

    const { workbook: english } = await written(workbookFixture('en'));
    const first = sheetOf(english, 'Instructions').getRow(1).getCell(1).value;
    expect(first).toBe('Import workbook Actieagenda Sterk Bestuur');
  });

  it('names Sterk Bestuur Tracker as creator, with the title and the generation time', async () => {
    const { workbook } = await written(workbookFixture('nl'));
    expect(workbook.creator).toBe('Sterk Bestuur Tracker');
    expect(workbook.title).toBe('Importbestand Actieagenda Sterk Bestuur');
    expect(workbook.created).toEqual(new Date('2026-11-20T13:05:00Z'));
  });

  it('stops with an error when the output is closed before the end', async () => {
    const out = new PassThrough();
    out.once('data', () => out.destroy());
    const rows = Array.from({ length: 2_000 }, (_, index) => ({ title: `Actie ${index}` }));
    await expect(
      writeImportWorkbook(workbookFixture('nl', { actions: rows }), out),
    ).rejects.toThrow('The output was closed early');
  });

  it('writes 10,000 rows from an async source, holding on to almost no memory', async () => {
    const retained: number[] = [];
    async function* actions(): AsyncGenerator<SheetValues> {
      for (let index = 0; index < 10_000; index++) {
        // A database cursor hands out rows in batches.
        if (index % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (index === 1_000) retained.push(heapAfterGc());
        yield { ...ACTION_ROWS[0], key: `key-${index}`, title: `Actie ${index}` };
      }
      retained.push(heapAfterGc());
    }
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    await writeImportWorkbook(workbookFixture('nl', { actions: actions() }), sink);
    const growth = retained[1] - retained[0];
    console.info(`rows 1,000 to 10,000: heap after GC grew ${(growth / 2 ** 20).toFixed(1)} MiB`);
    expect(bytes).toBeGreaterThan(100_000);
    // Rows kept until the sheet is committed held about 44 MiB here.
    expect(growth).toBeLessThan(8 * 2 ** 20);
  });
});
