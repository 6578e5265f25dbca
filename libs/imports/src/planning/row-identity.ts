import { type ProgrammeNames, referenceKey } from '../sheet/programme-names';
import { REFERENCE_MAX_LENGTH } from '../sheet/shared-columns';
import type { SheetKind } from '../sheet/sheet-columns';
import type { RowCells } from './row-cells';

/** Which commitment or action a row is, by its key or its reference (kenmerk). */
export interface Identified {
  /** The matched entity; null: the row creates one. */
  entityId: string | null;
  /** Matched by key (a key that matches nothing is an error, not a new row). */
  byKey: boolean;
  sheetVersion: number | null;
  reference: string | null;
  /** The row gives its entity a reference it does not have yet. */
  referenceChanged: boolean;
}

/** What the file has named so far: the same entity twice is a mistake, said at both rows' second. */
export class RowIdentities {
  private readonly seen = new Map<string, number>();

  constructor(readonly names: ProgrammeNames) {}

  /** The row that named this first, or undefined (and remembers this one). */
  firstRow(kind: SheetKind, what: string, rowNumber: number): number | undefined {
    const key = `${kind}:${what}`;
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, rowNumber);
    return first;
  }
}

export function identify(
  kind: SheetKind,
  cells: RowCells,
  rowNumber: number,
  identities: RowIdentities,
): Identified {
  const { names } = identities;
  const key = cells.value<string>('key') ?? null;
  const reference = cells.value<string>('reference') ?? null;
  const sheetVersion = cells.value<number>('version') ?? null;
  // The compared form can outgrow the text (a Hangul syllable decomposes into two or three
  // letters): one the references table cannot hold would fail the whole apply at its row.
  if (reference !== null && referenceKey(reference).length > REFERENCE_MAX_LENGTH) {
    cells.error('reference', 'TOO_LONG', { max: REFERENCE_MAX_LENGTH });
  }
  let entityId: string | null = null;
  let referenceChanged = false;
  if (key !== null) {
    entityId = key;
    if (kind === 'commitments' && !names.commitmentsById.has(key))
      cells.error('key', 'UNKNOWN_KEY');
    if (reference !== null) {
      const owner = names.byReference(kind, reference);
      if (owner !== undefined && owner !== key) cells.error('reference', 'REFERENCE_TAKEN');
      referenceChanged = names.referenceOf(key) !== reference;
    }
  } else if (reference !== null) {
    const owner = names.byReference(kind, reference);
    // A reference whose commitment has since been deleted names nothing: the row creates.
    const gone = kind === 'commitments' && owner !== undefined && !names.commitmentsById.has(owner);
    entityId = owner !== undefined && !gone ? owner : null;
    referenceChanged = entityId === null;
  }
  if (entityId !== null) {
    const first = identities.firstRow(kind, entityId, rowNumber);
    if (first !== undefined)
      cells.error(key !== null ? 'key' : 'reference', 'DUPLICATE_ROW', { row: first });
  }
  if (reference !== null && entityId === null) {
    const first = identities.firstRow(kind, `ref:${referenceKey(reference)}`, rowNumber);
    if (first !== undefined) cells.error('reference', 'DUPLICATE_ROW', { row: first });
  }
  return { entityId, byKey: key !== null, sheetVersion, reference, referenceChanged };
}
