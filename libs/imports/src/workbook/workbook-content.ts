import type { SheetKind, SheetLanguage } from '../sheet/sheet-columns';

/**
 * A row's cells by field name (`SheetColumn.field`), already in the words of the workbook's
 * language: a choice as its label, an organisation as its code, partners as
 * `VNG (mede-eigenaar); IPO (bijdrager)`, a boolean as ja/nee. Dates are `YYYY-MM-DD` and
 * written as date cells; `key` is the id, `version` a number. Absent or null: an empty cell.
 */
export type SheetValues = Readonly<Record<string, string | number | null | undefined>>;

/** Everything the import workbook (template or filled) shows. */
export interface WorkbookContent {
  lang: SheetLanguage;
  programmeName: string;
  generatedAt: Date;
  /** The values a cell may take, for the data validation lists, in the workbook's language. */
  lists: {
    /** Organisation codes. */
    organisations: readonly string[];
    /** Track names. */
    tracks: readonly string[];
    /** Per `choice` field of either sheet (`kind`, `status`, `health`, `phase`…): its labels. */
    choices: Readonly<Record<string, readonly string[]>>;
    /** Labels of yes and no (`ja`, `nee`). */
    booleans: readonly [string, string];
  };
  /** The rows of each sheet (none for the empty template), read as they are written. */
  rows: Record<SheetKind, AsyncIterable<SheetValues> | Iterable<SheetValues>>;
}
