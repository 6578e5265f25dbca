import { HEADER_ROW, minimalXlsx, sheetXml } from './fixtures/crafted-xlsx';
import { collectRows, problemOf, TEST_LIMITS } from './fixtures/collect-rows';
import { zipParts } from './fixtures/zip-builder';
import { readSpreadsheet, sniffFormat } from './read-spreadsheet';

const OLE2 = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);

describe('readSpreadsheet', () => {
  it('reads a workbook by its content', async () => {
    const rows = await collectRows(
      readSpreadsheet(minimalXlsx({ sheet: sheetXml(HEADER_ROW) }), TEST_LIMITS),
    );
    expect(rows).toEqual([
      {
        sheet: 'Acties',
        rowNumber: 1,
        cells: [
          { kind: 'text', text: 'Titel' },
          { kind: 'text', text: 'Deadline' },
        ],
      },
    ]);
  });

  it('reads anything else as CSV', async () => {
    const rows = await collectRows(readSpreadsheet(Buffer.from('Titel;Deadline\n'), TEST_LIMITS));
    expect(rows).toEqual([
      {
        sheet: '',
        rowNumber: 1,
        cells: [
          { kind: 'text', text: 'Titel' },
          { kind: 'text', text: 'Deadline' },
        ],
      },
    ]);
  });

  it('refuses an OLE2 file (a password-protected workbook or an old .xls) as encrypted', async () => {
    expect(sniffFormat(OLE2)).toBe('ole2');
    expect((await problemOf(readSpreadsheet(OLE2, TEST_LIMITS))).problem.code).toBe(
      'ENCRYPTED_FILE',
    );
  });

  it.each([
    ['an archive that is not a workbook', zipParts([{ name: 'foto.png', data: 'x' }])],
    ['an empty archive', zipParts([])],
    ['a binary file', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00])],
  ])('refuses %s as unreadable', async (_, file) => {
    expect((await problemOf(readSpreadsheet(file, TEST_LIMITS))).problem.code).toBe(
      'UNREADABLE_FILE',
    );
  });
});
