import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvHeader, csvLines, openCsvDownload } from './csv';

describe('csvLines', () => {
  it('writes nothing for no records', () => {
    expect(csvLines([])).toBe('');
  });

  it('ends every record with CRLF and writes null as an empty cell', () => {
    expect(
      csvLines([
        ['a', null, 3],
        ['b', 'c', null],
      ]),
    ).toBe('a,,3\r\nb,c,\r\n');
  });

  it('quotes cells with the separator, quotes, line breaks or edge spaces only', () => {
    const text = csvLines([['x,y', 'say "hi"', 'two\nlines', ' padded', 'plain; text']]);
    expect(text).toBe('"x,y","say ""hi""","two\nlines"," padded",plain; text\r\n');
  });

  it('separates with semicolons for Dutch Excel, quoting cells that hold one', () => {
    expect(csvLines([['1,5', 'a;b', 'c']], 'semicolon')).toBe('1,5;"a;b";c\r\n');
  });

  it.each([
    '=HYPERLINK("http://evil")',
    '+31 6',
    '-1',
    '@SUM(A1)',
    '\tx',
    '\rx',
    '=1+1\n=2',
    '\uFF1DHYPERLINK("http://evil")',
    '\uFF0B1',
    '\uFF0D1',
    '\uFF20SUM(A1)',
  ])('neutralises a cell that starts like a formula, also over several lines: %p', (cell) => {
    const [[read]]: string[][] = parse(csvLines([[cell]]));
    expect(read).toBe(`'${cell}`);
  });

  it('leaves numbers alone, negative ones too', () => {
    expect(csvLines([[-5, 0, 12.5]])).toBe('-5,0,12.5\r\n');
  });

  it('reads back to the same cells, accents and all', () => {
    const records = [
      ['Één "dossier"', 'Gemeenten, provincies; waterschappen', 'regel 1\r\nregel 2', ''],
    ];
    const text = CSV_BOM + csvLines(records, 'semicolon');
    expect(parse(text, { bom: true, delimiter: ';' })).toEqual(records);
  });
});

describe('openCsvDownload', () => {
  it('names the file after the UTC second and streams the lines as text', async () => {
    const lines = [csvHeader(['a', 'b']), csvLines([[1, 2]])];
    const download = openCsvDownload('audit-events', new Date('2026-12-06T14:05:09.123Z'), lines);
    expect(download.filename).toBe('audit-events-20261206T140509Z.csv');
    let text = '';
    for await (const chunk of download.stream) text += String(chunk);
    expect(text).toBe(`${CSV_BOM}a,b\r\n1,2\r\n`);
  });
});
