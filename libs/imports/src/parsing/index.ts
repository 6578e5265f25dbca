// Readers of uploaded spreadsheets: XLSX and CSV bytes to raw rows (see ../sheet/raw-cells.ts).
export { excelSerialToDate, parseDateText } from './cell-dates';
export { readCsv } from './csv-reader';
export { readSpreadsheet, sniffFormat, type SpreadsheetFormat } from './read-spreadsheet';
