import { ACTION_COLUMNS } from './action-columns';
import { COMMITMENT_COLUMNS } from './commitment-columns';

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

export const SHEET_COLUMNS: Record<SheetKind, readonly SheetColumn[]> = {
  commitments: COMMITMENT_COLUMNS,
  actions: ACTION_COLUMNS,
};
