import { type AuditEventInput, changedFields, createdFields, deletedFields } from '@app/audit';
import type { CommitmentEntity } from './commitment.entity';
import type { CommitmentChildren } from './commitment.response';

/** What of a commitment the audit log keeps: its fields and its own rows, as ids. */
export interface CommitmentSnapshot {
  kind: string;
  title: string;
  description: string;
  dateAgreed: string | null;
  attributes: Record<string, unknown>;
  parties: string[];
  references: {
    document: string;
    kamerstuk: string | null;
    date: string | null;
    url: string | null;
  }[];
  lineage: { relation: string; commitmentId: string }[];
}

const AUDITED = [
  'kind',
  'title',
  'description',
  'dateAgreed',
  'attributes',
  'parties',
  'references',
  'lineage',
] as const satisfies readonly (keyof CommitmentSnapshot)[];

/** Sorted where order carries no meaning, so that only real changes show as changes. */
export function snapshotOf(
  commitment: CommitmentEntity,
  children: CommitmentChildren,
): CommitmentSnapshot {
  return {
    kind: commitment.kind,
    title: commitment.title,
    description: commitment.description,
    dateAgreed: commitment.dateAgreed,
    attributes: commitment.attributes,
    parties: children.parties.map((party) => party.id).sort(),
    references: children.references.map(({ document, kamerstuk, date, url }) => ({
      document,
      kamerstuk,
      date,
      url,
    })),
    lineage: children.lineage
      .map(({ relation, commitmentId }) => ({ relation, commitmentId }))
      .sort((a, b) => a.commitmentId.localeCompare(b.commitmentId)),
  };
}

const event = (
  operation: AuditEventInput['operation'],
  commitment: CommitmentEntity,
  changes: AuditEventInput['changes'],
  version?: number,
): AuditEventInput => ({
  operation,
  entityType: 'commitment',
  entityId: commitment.id,
  programmeId: commitment.programmeId,
  changes,
  ...(version !== undefined && { details: { version } }),
});

/** The audit events of commitments; each carries the programme, for its coordinators. */
export const CommitmentAudit = {
  created: (commitment: CommitmentEntity, after: CommitmentSnapshot): AuditEventInput =>
    event('create', commitment, createdFields(after, AUDITED), commitment.version),

  updated: (
    commitment: CommitmentEntity,
    before: CommitmentSnapshot,
    after: CommitmentSnapshot,
  ): AuditEventInput =>
    event('update', commitment, changedFields(before, after, AUDITED), commitment.version),

  deleted: (commitment: CommitmentEntity, before: CommitmentSnapshot): AuditEventInput =>
    event('delete', commitment, deletedFields(before, AUDITED)),
};
