import { KAMERSTUK_PATTERN } from '@app/tracking';
import { type ProgrammeNames, referenceKey } from '../sheet/programme-names';
import { normaliseKamerstuk } from './cell-reader';
import type { CellErrorCode, MessageParams } from './import-messages';

interface FileCommitment {
  id: string;
  rowNumber: number;
  failed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The commitments of the file's own commitments sheet, so that an action row can name one the
 * same import creates (by its reference or Kamerstuk), and the programme's, by key, reference
 * or Kamerstuk number.
 */
export class CommitmentFinder {
  private readonly byReference = new Map<string, FileCommitment>();
  private readonly byKamerstuk = new Map<string, FileCommitment[]>();

  constructor(private readonly names: ProgrammeNames) {}

  /** A commitment row of the file: its id (given or to be), its reference and Kamerstukken. */
  add(row: FileCommitment & { reference: string | null; kamerstukken: readonly string[] }): void {
    const entry = { id: row.id, rowNumber: row.rowNumber, failed: row.failed };
    if (row.reference) this.byReference.set(referenceKey(row.reference), entry);
    for (const kamerstuk of row.kamerstukken) {
      this.byKamerstuk.set(kamerstuk, [...(this.byKamerstuk.get(kamerstuk) ?? []), entry]);
    }
  }

  find(text: string): { id: string } | { error: CellErrorCode; params: MessageParams } {
    const trimmed = text.trim();
    if (UUID.test(trimmed)) {
      const id = trimmed.toLowerCase();
      return this.names.commitmentsById.has(id)
        ? { id }
        : { error: 'UNKNOWN_COMMITMENT', params: { value: trimmed } };
    }
    const own = this.byReference.get(referenceKey(trimmed));
    if (own) return this.usable(own);
    const known = this.names.byReference('commitments', trimmed);
    if (known && this.names.commitmentsById.has(known)) return { id: known };
    const kamerstuk = normaliseKamerstuk(trimmed);
    if (KAMERSTUK_PATTERN.test(kamerstuk)) {
      const ids = new Set(this.names.commitmentsWithKamerstuk(kamerstuk));
      const rows = this.byKamerstuk.get(kamerstuk) ?? [];
      for (const row of rows) ids.add(row.id);
      if (ids.size > 1) return { error: 'AMBIGUOUS_COMMITMENT', params: { value: trimmed } };
      const [id] = [...ids];
      const row = rows.find((r) => r.id === id);
      if (row) return this.usable(row);
      if (id) return { id };
    }
    return { error: 'UNKNOWN_COMMITMENT', params: { value: trimmed } };
  }

  private usable(
    row: FileCommitment,
  ): { id: string } | { error: CellErrorCode; params: MessageParams } {
    return row.failed
      ? { error: 'COMMITMENT_ROW_HAS_ERRORS', params: { row: row.rowNumber } }
      : { id: row.id };
  }
}
