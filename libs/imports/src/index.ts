// The imports context: spreadsheets in (dry run, conflicts, apply) and the workbook out.
export * from './applying/import-applier';
export * from './dto/import.params';
export * from './dto/import.response';
export * from './dto/import-row.response';
export * from './imports.errors';
export * from './imports.module';
export * from './imports.service';
export * from './planning/import-planner';
export type { UploadedFile } from './uploaded-file';
export * from './workbook';
