export type { SheetValues, WorkbookContent } from './workbook-content';
export { IMPORT_WORKBOOK_MEDIA_TYPE, writeImportWorkbook } from './import-workbook.writer';
