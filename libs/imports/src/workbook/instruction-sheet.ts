import type ExcelJS from 'exceljs';
import { amsterdamDateTimeText } from '@app/core';
import { SHEET_COLUMNS, SHEET_NAMES, type SheetKind } from '../sheet/sheet-columns';
import { text } from './workbook-cells';
import type { WorkbookContent } from './workbook-content';
import type { WorkbookTexts } from './workbook-texts';

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const TABLE_HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9D9D9' },
};
const SHEETS: readonly SheetKind[] = ['commitments', 'actions'];

/**
 * The first sheet: what the workbook is for, how the round trip goes, the rules of the import,
 * and per data sheet its columns with their help and whether a new row needs them.
 */
export function writeInstructionSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  content: WorkbookContent,
  texts: WorkbookTexts,
): void {
  const { lang } = content;
  const sheet = workbook.addWorksheet(SHEET_NAMES.instructions[lang]);
  sheet.columns = [
    { width: 30, style: { alignment: { vertical: 'top', wrapText: true } } },
    { width: 90, style: { alignment: { vertical: 'top', wrapText: true } } },
    { width: 16, style: { alignment: { vertical: 'top' } } },
  ];
  const line = (values: (string | null)[], font?: Partial<ExcelJS.Font>): ExcelJS.Row => {
    const row = sheet.addRow(values.map((value) => (value === null ? null : text(value))));
    if (font) row.font = font;
    return row;
  };

  line([texts.title(content.programmeName)], { bold: true, size: 16 });
  // People read the generation time on the clock of the Dutch programmes: `31-12-2026 14:05`.
  line([texts.generatedAt, amsterdamDateTimeText(content.generatedAt)]).getCell(1).font = BOLD;
  line([]);
  line([texts.howToHeading], { bold: true, size: 12 });
  for (const step of texts.howTo) line([null, step]);
  line([]);
  line([texts.rulesHeading], { bold: true, size: 12 });
  for (const rule of texts.rules) line([null, rule]);

  for (const kind of SHEETS) {
    line([]);
    line([texts.columnsHeading(SHEET_NAMES[kind][lang])], { bold: true, size: 12 });
    const header = line([...texts.tableHeaders], BOLD);
    header.eachCell((cell) => {
      cell.fill = TABLE_HEADER_FILL;
    });
    for (const column of SHEET_COLUMNS[kind]) {
      const help = column.readOnly ? `${texts.readOnly} ${column.help[lang]}` : column.help[lang];
      line([column.header[lang], help, column.requiredOnCreate ? texts.yes : texts.no]);
    }
  }
  sheet.commit();
}
