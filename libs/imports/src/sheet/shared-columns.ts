import type { SheetColumn } from './sheet-columns';

/**
 * The columns both sheets have. First, those that tie a row to what it changes: its key, the
 * version it was exported at and the programme's own reference; then its title and description.
 */
export const KEY: SheetColumn = {
  field: 'key',
  header: { nl: 'Sleutel', en: 'Key' },
  type: 'key',
  width: 38,
  help: {
    nl: 'Niet wijzigen. Leeg voor een nieuwe regel; zo herkent de import de regel bij een volgende keer.',
    en: 'Do not change. Empty for a new row; this is how the import recognises the row next time.',
  },
};
export const VERSION: SheetColumn = {
  field: 'version',
  header: { nl: 'Versie', en: 'Version' },
  type: 'version',
  width: 8,
  help: {
    nl: 'Niet wijzigen. De versie bij het downloaden: is de regel sindsdien in de app gewijzigd, dan toont de import beide waarden.',
    en: 'Do not change. The version when downloaded: if the row changed in the app since, the import shows both values.',
  },
};
/** A reference's characters, and those of the form it is compared in (import_references). */
export const REFERENCE_MAX_LENGTH = 100;

export const REFERENCE: SheetColumn = {
  field: 'reference',
  header: { nl: 'Kenmerk', en: 'Reference' },
  type: 'reference',
  maxLength: REFERENCE_MAX_LENGTH,
  width: 14,
  help: {
    nl: 'Uw eigen kenmerk (optioneel, uniek per tabblad). Een regel zonder sleutel met een bekend kenmerk wijzigt die regel.',
    en: 'Your own reference (optional, unique per sheet). A row without a key but with a known reference changes that row.',
  },
};

export const TITLE: SheetColumn = {
  field: 'title',
  header: { nl: 'Titel', en: 'Title' },
  type: 'text',
  maxLength: 300,
  requiredOnCreate: true,
  width: 50,
  help: { nl: 'Verplicht, ten hoogste 300 tekens.', en: 'Required, at most 300 characters.' },
};

export const DESCRIPTION: SheetColumn = {
  field: 'description',
  header: { nl: 'Omschrijving', en: 'Description' },
  type: 'longText',
  maxLength: 20_000,
  width: 60,
  help: { nl: 'Optioneel.', en: 'Optional.' },
};
