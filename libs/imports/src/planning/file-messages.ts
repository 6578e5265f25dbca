import type { ImportNotice, ImportRow } from '../imports.repository';
import { SHEET_NAMES, type SheetLanguage } from '../sheet/sheet-columns';

type Where = NonNullable<ImportRow['problemWhere']>;

const at = (where: Where, lang: SheetLanguage) => {
  const parts: string[] = [];
  if (where.sheet) parts.push(lang === 'nl' ? `tabblad ${where.sheet}` : `sheet ${where.sheet}`);
  if (where.rowNumber)
    parts.push(lang === 'nl' ? `rij ${where.rowNumber}` : `row ${where.rowNumber}`);
  if (where.ref) parts.push(where.ref);
  return parts.length ? ` (${parts.join(', ')})` : '';
};

const FILE_PROBLEMS: Record<SheetLanguage, Record<string, string>> = {
  nl: {
    UNREADABLE_FILE: 'Het bestand is geen leesbare Excel-werkmap (.xlsx) of CSV-bestand.',
    ENCRYPTED_FILE:
      'Het bestand is versleuteld of met een wachtwoord beveiligd, of een oud .xls-bestand. Sla het op als .xlsx zonder wachtwoord.',
    TOO_MANY_ROWS: 'Het bestand heeft te veel rijen voor één import. Splits het in delen.',
    TOO_MANY_COLUMNS: 'Een rij heeft te veel kolommen.',
    CELL_TOO_LONG: 'Een cel bevat meer tekst dan toegestaan.',
    ZIP_TOO_LARGE: 'De werkmap pakt uit tot meer dan toegestaan; zo groot is geen gewone werkmap.',
    XML_ENTITIES:
      'De werkmap bevat XML-entiteiten (DTD); die worden om veiligheidsredenen geweigerd.',
    MERGED_CELLS:
      'Een tabblad heeft samengevoegde cellen. Maak de samenvoeging ongedaan en probeer het opnieuw.',
    PLAN_FAILED: 'De proefimport is mislukt. Probeer het later opnieuw.',
    APPLY_FAILED: 'Het doorvoeren is mislukt; wat al was doorgevoerd, blijft staan.',
  },
  en: {
    UNREADABLE_FILE: 'The file is not a readable Excel workbook (.xlsx) or CSV file.',
    ENCRYPTED_FILE:
      'The file is encrypted or password-protected, or an old .xls file. Save it as .xlsx without a password.',
    TOO_MANY_ROWS: 'The file has too many rows for one import. Split it.',
    TOO_MANY_COLUMNS: 'A row has too many columns.',
    CELL_TOO_LONG: 'A cell holds more text than allowed.',
    ZIP_TOO_LARGE:
      'The workbook decompresses to more than allowed; no ordinary workbook is that large.',
    XML_ENTITIES: 'The workbook contains XML entities (a DTD); they are refused for safety.',
    MERGED_CELLS: 'A sheet has merged cells. Unmerge them and try again.',
    PLAN_FAILED: 'The dry run failed. Try again later.',
    APPLY_FAILED: 'The apply failed; what was applied already stays.',
  },
};

/** Why a file was refused (or a run failed), in the import's language. */
export function fileProblemReason(code: string, where: Where | null, lang: SheetLanguage): string {
  return (FILE_PROBLEMS[lang][code] ?? code) + at(where ?? {}, lang);
}

/** What the dry run ignored, in the import's language. */
export function noticeReason(notice: ImportNotice, lang: SheetLanguage): string {
  switch (notice.code) {
    case 'SHEET_IGNORED':
      if (notice.repeatOf) {
        const first = SHEET_NAMES[notice.repeatOf][lang];
        return lang === 'nl'
          ? `Tabblad "${notice.sheet}" is overgeslagen: alleen het eerste tabblad ${first} wordt gelezen.`
          : `Sheet "${notice.sheet}" was skipped: only the first ${first} sheet is read.`;
      }
      return lang === 'nl'
        ? `Tabblad "${notice.sheet}" is overgeslagen: alleen Toezeggingen en Acties worden gelezen.`
        : `Sheet "${notice.sheet}" was skipped: only Commitments and Actions are read.`;
    case 'COLUMN_IGNORED':
      return lang === 'nl'
        ? `Kolom "${notice.column}" op tabblad ${notice.sheet} is onbekend en overgeslagen.`
        : `Column "${notice.column}" on sheet ${notice.sheet} is unknown and was skipped.`;
    case 'NO_DATA_SHEET':
      return lang === 'nl'
        ? 'Het bestand heeft geen tabblad Toezeggingen of Acties (of, als CSV, geen kopregel met bekende kolommen).'
        : 'The file has no Commitments or Actions sheet (or, as CSV, no header row with known columns).';
  }
}
