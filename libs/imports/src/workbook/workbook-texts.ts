import type { SheetLanguage } from '../sheet/sheet-columns';

/**
 * Every word the import workbook shows besides the column headers and help lines (those live
 * with the columns in `sheet/commitment-columns.ts` and `sheet/action-columns.ts`), in Dutch
 * (the default) and English.
 */
export interface WorkbookTexts {
  title: (programme: string) => string;
  generatedAt: string;
  howToHeading: string;
  howTo: readonly string[];
  rulesHeading: string;
  rules: readonly string[];
  columnsHeading: (sheet: string) => string;
  tableHeaders: readonly [column: string, help: string, requiredOnCreate: string];
  yes: string;
  no: string;
  /** Before the help line of a column that is exported but never imported. */
  readOnly: string;
  /** Headings on the Lists sheet for the lists that are not a column's vocabulary. */
  listHeadings: { organisations: string; tracks: string; booleans: string };
  /** The message Excel shows when a cell breaks its data validation. */
  invalid: {
    list: { title: string; text: string };
    organisation: { title: string; text: string };
    percent: { title: string; text: string };
    version: { title: string; text: string };
  };
}

const NL: WorkbookTexts = {
  title: (programme) => `Importbestand ${programme}`,
  generatedAt: 'Gemaakt op',
  howToHeading: 'Zo werkt het',
  howTo: [
    '1. Download dit bestand (leeg of gevuld met de huidige gegevens van het programma).',
    '2. Vul of wijzig de regels op de tabbladen Toezeggingen en Acties.',
    '3. Upload het bestand in Beheer › Import.',
    '4. Controleer de proefimport: per cel ziet u wat er verandert en wat niet klopt.',
    '5. Los conflicten op: is een regel sinds het downloaden in de app gewijzigd, kies dan welke waarde blijft.',
    '6. Voer de import uit.',
  ],
  rulesHeading: 'Regels',
  rules: [
    'Een regel zonder sleutel maakt een nieuwe toezegging of actie; een regel met een sleutel wijzigt die toezegging of actie.',
    'Er wordt niets verwijderd: een regel weglaten verandert niets.',
    'Wijzig de kolommen Sleutel en Versie niet (grijs gemarkeerd).',
    'Datums: als datumcel of als tekst in de vorm 31-12-2026 of 2026-12-31.',
    'Meerdere waarden in één cel (partijen, partners, labels, Kamerstukken) scheidt u met ;',
    'De keuzelijsten staan op het verborgen tabblad Lijsten.',
  ],
  columnsHeading: (sheet) => `Kolommen van het tabblad ${sheet}`,
  tableHeaders: ['Kolom', 'Uitleg', 'Verplicht bij een nieuwe regel'],
  yes: 'ja',
  no: 'nee',
  readOnly: 'Alleen ter informatie, wordt niet geïmporteerd.',
  listHeadings: { organisations: 'Organisaties', tracks: 'Sporen', booleans: 'Ja/nee' },
  invalid: {
    list: { title: 'Kies uit de lijst', text: 'Kies een waarde uit de lijst.' },
    organisation: {
      title: 'Onbekende code',
      text: 'Dit is geen code uit de lijst. Een exacte organisatienaam mag ook; doorgaan?',
    },
    percent: { title: 'Geen percentage', text: 'Vul een heel getal van 0 tot 100 in.' },
    version: {
      title: 'Niet wijzigen',
      text: 'De versie komt uit de download en is een heel getal vanaf 1. Laat deze ongewijzigd.',
    },
  },
};

const EN: WorkbookTexts = {
  title: (programme) => `Import workbook ${programme}`,
  generatedAt: 'Generated on',
  howToHeading: 'How it works',
  howTo: [
    "1. Download this workbook (empty or filled with the programme's current data).",
    '2. Fill in or change the rows on the Commitments and Actions sheets.',
    '3. Upload the workbook in Administration › Import.',
    '4. Check the dry run: it shows per cell what changes and what is wrong.',
    '5. Resolve conflicts: where a row changed in the app since the download, choose which value stays.',
    '6. Apply the import.',
  ],
  rulesHeading: 'Rules',
  rules: [
    'A row without a key creates a new commitment or action; a row with a key updates that commitment or action.',
    'Nothing is deleted: leaving a row out changes nothing.',
    'Do not change the Key and Version columns (marked grey).',
    'Dates: as a date cell or as text in the form 31-12-2026 or 2026-12-31.',
    'Separate several values in one cell (parties, partners, tags, parliamentary papers) with ;',
    'The pick lists are on the hidden Lists sheet.',
  ],
  columnsHeading: (sheet) => `Columns of the ${sheet} sheet`,
  tableHeaders: ['Column', 'Help', 'Required for a new row'],
  yes: 'yes',
  no: 'no',
  readOnly: 'For information only, never imported.',
  listHeadings: { organisations: 'Organisations', tracks: 'Tracks', booleans: 'Yes/no' },
  invalid: {
    list: { title: 'Pick from the list', text: 'Pick a value from the list.' },
    organisation: {
      title: 'Unknown code',
      text: 'This is not a code from the list. An exact organisation name is accepted too; continue?',
    },
    percent: { title: 'Not a percentage', text: 'Enter a whole number from 0 to 100.' },
    version: {
      title: 'Do not change',
      text: 'The version comes from the download and is a whole number from 1. Leave it as it is.',
    },
  },
};

export function workbookTexts(lang: SheetLanguage): WorkbookTexts {
  return lang === 'en' ? EN : NL;
}
