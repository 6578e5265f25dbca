import type { SheetKind } from '../sheet/sheet-columns';
import type { CellErrorCode } from './import-messages';

export const ROW_OUTCOMES = ['create', 'update', 'unchanged', 'conflict', 'error'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** A cell (or row) the import cannot take, where it is, and why in the import's language. */
export interface RowError {
  /** The column's header (as the file has it, or as the template names a missing one). */
  column: string;
  /** A, B, … ; null when the column is missing from the file. */
  columnLetter: string | null;
  field: string;
  code: CellErrorCode;
  reason: string;
}

/** A field the row changes (`from` the app's value `to` the sheet's), in the sheet's words. */
export interface FieldChange {
  field: string;
  column: string;
  from: string | number | null;
  to: string | number | null;
}

/** The steps the apply takes for a row, in the API's terms; each goes through the services. */
export interface RowPlan {
  /** The body of a creating request (programmeId included). */
  create?: Record<string, unknown>;
  /** The body of a change, If-Match the row's base version. */
  update?: Record<string, unknown>;
  /** An action's progress update after the create or change. */
  progress?: {
    status?: string;
    health?: string;
    percentComplete?: number;
    narrative: string;
    reason?: string;
  };
  /** The reference (kenmerk) to record for the row's entity. */
  reference?: string;
}

export interface PlannedRow {
  position: number;
  sheet: SheetKind;
  sheetName: string;
  rowNumber: number;
  outcome: RowOutcome;
  entityId: string | null;
  baseVersion: number | null;
  title: string | null;
  changes: FieldChange[] | null;
  /** For a conflict: each field the sheet would change, `from` the app's value now. */
  conflicts: FieldChange[] | null;
  errors: RowError[] | null;
  plan: RowPlan | null;
}

/** A planned row apart from where it is in the file. */
export type RowPlanning = Omit<PlannedRow, 'position' | 'sheet' | 'sheetName' | 'rowNumber'>;

/**
 * A row's outcome from what its planning found: its errors, else nothing to do, else a
 * conflict (the entity moved past the version the row carries), an update or a create.
 */
export function settleRow(found: {
  existing: { id: string; version: number } | undefined;
  sheetVersion: number | null;
  newId: string;
  title: string | null;
  errors: RowError[];
  changes: FieldChange[];
  plan: RowPlan;
}): RowPlanning {
  const { existing } = found;
  const base = {
    entityId: existing?.id ?? found.newId,
    baseVersion: existing?.version ?? null,
    title: found.title,
    changes: null,
    conflicts: null,
    errors: null,
    plan: null,
  };
  if (found.errors.length > 0) return { ...base, outcome: 'error', errors: found.errors };
  if (found.changes.length === 0) return { ...base, outcome: 'unchanged' };
  if (!existing) return { ...base, outcome: 'create', changes: found.changes, plan: found.plan };
  const conflict = found.sheetVersion !== null && found.sheetVersion !== existing.version;
  return conflict
    ? { ...base, outcome: 'conflict', conflicts: found.changes, plan: found.plan }
    : { ...base, outcome: 'update', changes: found.changes, plan: found.plan };
}
