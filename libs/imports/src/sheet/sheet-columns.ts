/**
 * The workbook's columns: one definition serves the template, the filled export, the reader
 * of an uploaded file and the error messages, so the three cannot drift apart.
 */
export type SheetKind = 'commitments' | 'actions';
export type SheetLanguage = 'nl' | 'en';

/** What a column holds; the planner turns a raw cell into a value by its type. */
export type ColumnType =
  /** The row's stable key: the id of the commitment or action (from an earlier export). */
  | 'key'
  /** The version the row was exported at (conflict detection). */
  | 'version'
  /** The programme's own reference (kenmerk), unique per sheet in the programme. */
  | 'reference'
  | 'text'
  | 'longText'
  | 'date'
  /** One of a vocabulary, by its label (either language) or its code. */
  | 'choice'
  /** An organisation, by its code or exact name. */
  | 'organisation'
  /** Organisations, each by code or name, separated by `;` or line breaks. */
  | 'organisations'
  /** A track of the programme, by name. */
  | 'track'
  /** A person, by e-mail address. */
  | 'email'
  /** A commitment: its key, its reference (kenmerk) or a Kamerstuk number. */
  | 'commitment'
  /** Partners: `CODE (role)` separated by `;`, the role optional (default contributor). */
  | 'partners'
  /** Tags separated by `;` or `,`. */
  | 'tags'
  /** Kamerstuk numbers separated by `;`. */
  | 'kamerstukken'
  /** A whole number 0–100. */
  | 'percent'
  /** A whole number. */
  | 'integer'
  /** ja/nee, yes/no, true/false, 1/0. */
  | 'boolean';

export interface SheetColumn {
  /** The field's name in the API (and in the import's results). */
  field: string;
  header: Record<SheetLanguage, string>;
  type: ColumnType;
  /** Needed on a row that creates. */
  requiredOnCreate?: boolean;
  /** For `choice`: the vocabulary (its codes). */
  choices?: readonly string[];
  /** For text: the most characters. */
  maxLength?: number;
  /** Column width in the workbook (characters). */
  width: number;
  /** Exported for reading but never imported (the row's timeline decides it). */
  readOnly?: boolean;
  /** One line for the instruction sheet. */
  help: Record<SheetLanguage, string>;
}

export const SHEET_NAMES: Record<
  SheetKind | 'instructions' | 'lists',
  Record<SheetLanguage, string>
> = {
  instructions: { nl: 'Instructie', en: 'Instructions' },
  commitments: { nl: 'Toezeggingen', en: 'Commitments' },
  actions: { nl: 'Acties', en: 'Actions' },
  lists: { nl: 'Lijsten', en: 'Lists' },
};

const KEY: SheetColumn = {
  field: 'key',
  header: { nl: 'Sleutel', en: 'Key' },
  type: 'key',
  width: 38,
  help: {
    nl: 'Niet wijzigen. Leeg voor een nieuwe regel; zo herkent de import de regel bij een volgende keer.',
    en: 'Do not change. Empty for a new row; this is how the import recognises the row next time.',
  },
};
const VERSION: SheetColumn = {
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

const REFERENCE: SheetColumn = {
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

export const COMMITMENT_COLUMNS: readonly SheetColumn[] = [
  KEY,
  VERSION,
  REFERENCE,
  {
    field: 'kind',
    header: { nl: 'Soort', en: 'Kind' },
    type: 'choice',
    choices: [
      'udo_trajectory',
      'bofv_agreement',
      'overhedenoverleg_agreement',
      'rob_recommendation',
      'parliamentary_pledge',
      'agenda_item',
    ],
    requiredOnCreate: true,
    width: 26,
    help: { nl: 'Kies uit de lijst.', en: 'Pick from the list.' },
  },
  {
    field: 'title',
    header: { nl: 'Titel', en: 'Title' },
    type: 'text',
    maxLength: 300,
    requiredOnCreate: true,
    width: 50,
    help: { nl: 'Verplicht, ten hoogste 300 tekens.', en: 'Required, at most 300 characters.' },
  },
  {
    field: 'description',
    header: { nl: 'Omschrijving', en: 'Description' },
    type: 'longText',
    maxLength: 20_000,
    width: 60,
    help: { nl: 'Optioneel.', en: 'Optional.' },
  },
  {
    field: 'dateAgreed',
    header: { nl: 'Datum afspraak', en: 'Date agreed' },
    type: 'date',
    width: 14,
    help: { nl: 'Een datum, bijvoorbeeld 31-12-2026.', en: 'A date, e.g. 31-12-2026.' },
  },
  {
    field: 'parties',
    header: { nl: 'Partijen', en: 'Parties' },
    type: 'organisations',
    width: 24,
    help: {
      nl: 'Codes of namen van organisaties, gescheiden door ;',
      en: 'Organisation codes or names, separated by ;',
    },
  },
  {
    field: 'kamerstukken',
    header: { nl: 'Kamerstukken', en: 'Parliamentary papers' },
    type: 'kamerstukken',
    width: 24,
    help: {
      nl: 'Kamerstuknummers, bijvoorbeeld 29362-296; gescheiden door ;',
      en: 'Kamerstuk numbers, e.g. 29362-296; separated by ;',
    },
  },
  {
    field: 'billOrPolicy',
    header: { nl: 'Wetsvoorstel of beleid (UDO)', en: 'Bill or policy (UDO)' },
    type: 'text',
    maxLength: 300,
    width: 30,
    help: { nl: 'Verplicht voor een UDO-traject.', en: 'Required for a UDO trajectory.' },
  },
  {
    field: 'phase',
    header: { nl: 'Fase (UDO)', en: 'Phase (UDO)' },
    type: 'choice',
    choices: ['exploration', 'design', 'decision', 'implementation'],
    width: 16,
    help: { nl: 'Verplicht voor een UDO-traject.', en: 'Required for a UDO trajectory.' },
  },
  {
    field: 'meetingDate',
    header: { nl: 'Vergaderdatum', en: 'Meeting date' },
    type: 'date',
    width: 14,
    help: {
      nl: 'Verplicht voor een BOFv-afspraak en een afspraak uit het Overhedenoverleg.',
      en: 'Required for a BOFv agreement and an Overhedenoverleg agreement.',
    },
  },
  {
    field: 'adviceTitle',
    header: { nl: 'Titel advies (ROB)', en: 'Advice title (ROB)' },
    type: 'text',
    maxLength: 300,
    width: 30,
    help: { nl: 'Verplicht voor een ROB-aanbeveling.', en: 'Required for a ROB recommendation.' },
  },
  {
    field: 'recommendationNumber',
    header: { nl: 'Nummer aanbeveling (ROB)', en: 'Recommendation number (ROB)' },
    type: 'integer',
    width: 12,
    help: { nl: 'Verplicht voor een ROB-aanbeveling.', en: 'Required for a ROB recommendation.' },
  },
  {
    field: 'chamber',
    header: { nl: 'Kamer', en: 'Chamber' },
    type: 'choice',
    choices: ['tweede_kamer', 'eerste_kamer'],
    width: 16,
    help: {
      nl: 'Verplicht voor een toezegging aan de Kamer.',
      en: 'Required for a parliamentary pledge.',
    },
  },
  {
    field: 'pledgeNumber',
    header: { nl: 'Nummer toezegging', en: 'Pledge number' },
    type: 'text',
    maxLength: 20,
    width: 16,
    help: {
      nl: 'Verplicht voor een toezegging aan de Kamer, bijvoorbeeld TZ202401-123.',
      en: 'Required for a parliamentary pledge, e.g. TZ202401-123.',
    },
  },
  {
    field: 'ministerTitle',
    header: { nl: 'Bewindspersoon', en: 'Minister' },
    type: 'text',
    maxLength: 200,
    width: 24,
    help: { nl: 'Optioneel, bij een toezegging aan de Kamer.', en: 'Optional, for a pledge.' },
  },
];

export const ACTION_COLUMNS: readonly SheetColumn[] = [
  KEY,
  VERSION,
  REFERENCE,
  {
    field: 'title',
    header: { nl: 'Titel', en: 'Title' },
    type: 'text',
    maxLength: 300,
    requiredOnCreate: true,
    width: 50,
    help: { nl: 'Verplicht, ten hoogste 300 tekens.', en: 'Required, at most 300 characters.' },
  },
  {
    field: 'description',
    header: { nl: 'Omschrijving', en: 'Description' },
    type: 'longText',
    maxLength: 20_000,
    width: 60,
    help: { nl: 'Optioneel.', en: 'Optional.' },
  },
  {
    field: 'track',
    header: { nl: 'Spoor', en: 'Track' },
    type: 'track',
    requiredOnCreate: true,
    width: 30,
    help: { nl: 'Kies uit de lijst.', en: 'Pick from the list.' },
  },
  {
    field: 'commitment',
    header: { nl: 'Toezegging', en: 'Commitment' },
    type: 'commitment',
    width: 24,
    help: {
      nl: 'De sleutel of het kenmerk van een toezegging (ook van een nieuwe regel op het tabblad Toezeggingen), of een Kamerstuknummer.',
      en: 'The key or reference of a commitment (also of a new row on the Commitments sheet), or a Kamerstuk number.',
    },
  },
  {
    field: 'ownerOrganisation',
    header: { nl: 'Eigenaar (organisatie)', en: 'Owner (organisation)' },
    type: 'organisation',
    requiredOnCreate: true,
    width: 14,
    help: { nl: 'Code of naam, kies uit de lijst.', en: 'Code or name, pick from the list.' },
  },
  {
    field: 'ownerUser',
    header: { nl: 'Eigenaar (trekker, e-mail)', en: 'Owner (person, e-mail)' },
    type: 'email',
    width: 28,
    help: {
      nl: 'Het e-mailadres van een lid van het programma bij de eigenaar; leeg: niemand.',
      en: 'The e-mail address of a programme member at the owner; empty: nobody.',
    },
  },
  {
    field: 'partners',
    header: { nl: 'Partners', en: 'Partners' },
    type: 'partners',
    width: 30,
    help: {
      nl: 'Code (rol), gescheiden door ; — bijvoorbeeld VNG (mede-eigenaar); IPO (bijdrager).',
      en: 'Code (role), separated by ; — e.g. VNG (co-owner); IPO (contributor).',
    },
  },
  {
    field: 'startDate',
    header: { nl: 'Startdatum', en: 'Start date' },
    type: 'date',
    width: 12,
    help: { nl: 'Optioneel.', en: 'Optional.' },
  },
  {
    field: 'deadline',
    header: { nl: 'Deadline', en: 'Deadline' },
    type: 'date',
    requiredOnCreate: true,
    width: 12,
    help: {
      nl: 'Verplicht. Een verschoven deadline vraagt een reden (kolom Reden).',
      en: 'Required. A moved deadline needs a reason (column Reason).',
    },
  },
  {
    field: 'status',
    header: { nl: 'Status', en: 'Status' },
    type: 'choice',
    choices: ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'],
    width: 16,
    help: {
      nl: 'Kies uit de lijst. Deels voldaan en Vervallen vragen een reden.',
      en: 'Pick from the list. Partially met and Lapsed need a reason.',
    },
  },
  {
    field: 'health',
    header: { nl: 'Gezondheid', en: 'Health' },
    type: 'choice',
    choices: ['not_set', 'on_track', 'at_risk', 'off_track'],
    width: 14,
    help: { nl: 'Kies uit de lijst.', en: 'Pick from the list.' },
  },
  {
    field: 'percentComplete',
    header: { nl: 'Voortgang (%)', en: 'Progress (%)' },
    type: 'percent',
    width: 12,
    help: { nl: 'Een heel getal van 0 tot 100.', en: 'A whole number from 0 to 100.' },
  },
  {
    field: 'narrative',
    header: { nl: 'Toelichting voortgang', en: 'Progress note' },
    type: 'longText',
    maxLength: 10_000,
    width: 60,
    help: {
      nl: 'De laatste toelichting. Een nieuwe tekst wordt een voortgangsbericht.',
      en: 'The latest note. A new text becomes a progress update.',
    },
  },
  {
    field: 'reason',
    header: { nl: 'Reden wijziging', en: 'Reason for change' },
    type: 'longText',
    maxLength: 2_000,
    width: 30,
    help: {
      nl: 'Nodig bij een verschoven deadline, Deels voldaan of Vervallen.',
      en: 'Needed for a moved deadline, Partially met or Lapsed.',
    },
  },
  {
    field: 'tags',
    header: { nl: 'Labels', en: 'Tags' },
    type: 'tags',
    width: 20,
    help: {
      nl: 'Kleine letters en koppeltekens, gescheiden door ;',
      en: 'Lower case and hyphens, separated by ;',
    },
  },
  {
    field: 'public',
    header: { nl: 'Openbaar', en: 'Public' },
    type: 'boolean',
    width: 10,
    help: { nl: 'ja of nee.', en: 'yes or no.' },
  },
];

export const SHEET_COLUMNS: Record<SheetKind, readonly SheetColumn[]> = {
  commitments: COMMITMENT_COLUMNS,
  actions: ACTION_COLUMNS,
};
