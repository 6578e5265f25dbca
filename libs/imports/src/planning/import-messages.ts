import type { SheetLanguage } from '../sheet/sheet-columns';

/** Why a cell (or a row) cannot be imported: stable codes, each with its words below. */
export const CELL_ERROR_CODES = [
  'REQUIRED',
  'REQUIRED_COLUMN',
  'INVALID_KEY',
  'UNKNOWN_KEY',
  'INVALID_VERSION',
  'DUPLICATE_ROW',
  'REFERENCE_TAKEN',
  'INVALID_DATE',
  'INVALID_CHOICE',
  'INVALID_NUMBER',
  'INVALID_PERCENT',
  'INVALID_BOOLEAN',
  'INVALID_TAGS',
  'INVALID_KAMERSTUK',
  'INVALID_PARTNERS',
  'PARTNER_IS_OWNER',
  'TOO_LONG',
  'UNKNOWN_ORGANISATION',
  'UNKNOWN_TRACK',
  'UNKNOWN_PERSON',
  'PERSON_OF_OTHER_ORGANISATION',
  'UNKNOWN_COMMITMENT',
  'AMBIGUOUS_COMMITMENT',
  'COMMITMENT_ROW_HAS_ERRORS',
  'KIND_CHANGED',
  'START_AFTER_DEADLINE',
  'REASON_REQUIRED',
  'INVALID_TRANSITION',
  'INVALID_VALUE',
  'FORMULA_WITHOUT_VALUE',
  'ERROR_VALUE',
] as const;
export type CellErrorCode = (typeof CELL_ERROR_CODES)[number];

/** What a message may say about the cell: the value, the other row, the allowed values. */
export interface MessageParams {
  value?: string;
  row?: number;
  allowed?: string;
  max?: number;
  detail?: string;
}

type Words = Record<CellErrorCode, (p: MessageParams) => string>;

const NL: Words = {
  REQUIRED: () => 'Verplicht: vul deze cel in.',
  REQUIRED_COLUMN: () => 'Verplicht voor een nieuwe regel, maar de kolom ontbreekt.',
  INVALID_KEY: () =>
    'Geen geldige sleutel. Laat de sleutel staan zoals gedownload, of maak hem leeg voor een nieuwe regel.',
  UNKNOWN_KEY: () => 'Deze sleutel hoort bij niets in dit programma.',
  INVALID_VERSION: () => 'Geen geldig versienummer. Laat de versie staan zoals gedownload.',
  DUPLICATE_ROW: (p) => `Dezelfde regel staat ook in rij ${p.row}.`,
  REFERENCE_TAKEN: () => 'Dit kenmerk hoort al bij een andere regel in dit programma.',
  INVALID_DATE: () => 'Geen geldige datum. Schrijf bijvoorbeeld 31-12-2026.',
  INVALID_CHOICE: (p) => `Onbekende waarde. Kies uit: ${p.allowed}.`,
  INVALID_NUMBER: () => 'Geen geldig heel getal.',
  INVALID_PERCENT: () => 'Geen heel getal van 0 tot en met 100.',
  INVALID_BOOLEAN: () => 'Schrijf ja of nee.',
  INVALID_TAGS: (p) =>
    `Ongeldig label "${p.value}": kleine letters en koppeltekens, ten hoogste 20 labels.`,
  INVALID_KAMERSTUK: (p) =>
    `Ongeldig Kamerstuknummer "${p.value}". Schrijf bijvoorbeeld 29362-296.`,
  INVALID_PARTNERS: (p) =>
    `Ongeldige partner "${p.value}". Schrijf bijvoorbeeld VNG (mede-eigenaar); IPO (bijdrager).`,
  PARTNER_IS_OWNER: () => 'De eigenaar kan niet ook partner zijn.',
  TOO_LONG: (p) => `Te lang: ten hoogste ${p.max} tekens.`,
  UNKNOWN_ORGANISATION: (p) =>
    `Onbekende organisatie "${p.value}". Gebruik de code of de volledige naam.`,
  UNKNOWN_TRACK: (p) => `Onbekend spoor "${p.value}" in dit programma.`,
  UNKNOWN_PERSON: (p) => `"${p.value}" is geen actief lid van dit programma.`,
  PERSON_OF_OTHER_ORGANISATION: (p) => `"${p.value}" werkt niet bij de eigenaar van de actie.`,
  UNKNOWN_COMMITMENT: (p) => `Geen toezegging met sleutel, kenmerk of Kamerstuk "${p.value}".`,
  AMBIGUOUS_COMMITMENT: (p) =>
    `Meer dan één toezegging heeft Kamerstuk "${p.value}". Gebruik de sleutel of het kenmerk.`,
  COMMITMENT_ROW_HAS_ERRORS: (p) => `De toezegging in rij ${p.row} heeft fouten; los die eerst op.`,
  KIND_CHANGED: () => 'De soort van een bestaande toezegging kan niet veranderen.',
  START_AFTER_DEADLINE: () => 'De startdatum ligt na de deadline.',
  REASON_REQUIRED: (p) => `Vul een reden in: ${p.detail}.`,
  INVALID_TRANSITION: (p) => `Deze wijziging kan niet: ${p.detail}.`,
  INVALID_VALUE: (p) => `Ongeldige waarde (${p.detail}).`,
  FORMULA_WITHOUT_VALUE: () =>
    'Een formule zonder berekende waarde. Sla het bestand op in Excel, of typ de waarde in.',
  ERROR_VALUE: (p) => `De cel bevat een foutwaarde${p.detail ? ` (${p.detail})` : ''}.`,
};

const EN: Words = {
  REQUIRED: () => 'Required: fill in this cell.',
  REQUIRED_COLUMN: () => 'Required for a new row, but the column is missing.',
  INVALID_KEY: () => 'Not a valid key. Leave the key as downloaded, or empty it for a new row.',
  UNKNOWN_KEY: () => 'This key belongs to nothing in this programme.',
  INVALID_VERSION: () => 'Not a valid version number. Leave the version as downloaded.',
  DUPLICATE_ROW: (p) => `The same row is also in row ${p.row}.`,
  REFERENCE_TAKEN: () => 'This reference already belongs to another row in this programme.',
  INVALID_DATE: () => 'Not a valid date. Write e.g. 31-12-2026.',
  INVALID_CHOICE: (p) => `Unknown value. Pick one of: ${p.allowed}.`,
  INVALID_NUMBER: () => 'Not a valid whole number.',
  INVALID_PERCENT: () => 'Not a whole number from 0 to 100.',
  INVALID_BOOLEAN: () => 'Write yes or no.',
  INVALID_TAGS: (p) => `Invalid tag "${p.value}": lower case and hyphens, at most 20 tags.`,
  INVALID_KAMERSTUK: (p) => `Invalid Kamerstuk number "${p.value}". Write e.g. 29362-296.`,
  INVALID_PARTNERS: (p) =>
    `Invalid partner "${p.value}". Write e.g. VNG (co-owner); IPO (contributor).`,
  PARTNER_IS_OWNER: () => 'The owner cannot also be a partner.',
  TOO_LONG: (p) => `Too long: at most ${p.max} characters.`,
  UNKNOWN_ORGANISATION: (p) => `Unknown organisation "${p.value}". Use its code or full name.`,
  UNKNOWN_TRACK: (p) => `Unknown track "${p.value}" in this programme.`,
  UNKNOWN_PERSON: (p) => `"${p.value}" is not an active member of this programme.`,
  PERSON_OF_OTHER_ORGANISATION: (p) => `"${p.value}" does not work at the action's owner.`,
  UNKNOWN_COMMITMENT: (p) => `No commitment with key, reference or Kamerstuk "${p.value}".`,
  AMBIGUOUS_COMMITMENT: (p) =>
    `More than one commitment has Kamerstuk "${p.value}". Use the key or reference.`,
  COMMITMENT_ROW_HAS_ERRORS: (p) =>
    `The commitment in row ${p.row} has errors; resolve those first.`,
  KIND_CHANGED: () => 'The kind of an existing commitment cannot change.',
  START_AFTER_DEADLINE: () => 'The start date is after the deadline.',
  REASON_REQUIRED: (p) => `Fill in a reason: ${p.detail}.`,
  INVALID_TRANSITION: (p) => `This change is not possible: ${p.detail}.`,
  INVALID_VALUE: (p) => `Invalid value (${p.detail}).`,
  FORMULA_WITHOUT_VALUE: () =>
    'A formula without a calculated value. Save the file in Excel, or type the value.',
  ERROR_VALUE: (p) => `The cell holds an error value${p.detail ? ` (${p.detail})` : ''}.`,
};

const WORDS: Record<SheetLanguage, Words> = { nl: NL, en: EN };

export function cellErrorReason(
  code: CellErrorCode,
  lang: SheetLanguage,
  params: MessageParams = {},
): string {
  return WORDS[lang][code](params);
}
