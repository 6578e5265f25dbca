import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The kinds of agreement a commitment comes from (DESIGN §1); ck_commitments_kind. */
export const COMMITMENT_KINDS = [
  'udo_trajectory',
  'bofv_agreement',
  'overhedenoverleg_agreement',
  'rob_recommendation',
  'parliamentary_pledge',
  'agenda_item',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** How a commitment builds on an earlier one, as the Tweede Kamer register records it. */
export const LINEAGE_RELATIONS = ['repeats', 'supplements', 'amends'] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

/**
 * A commitment: what was agreed, in which programme. Its parties, references and lineage
 * are rows of their own, read and replaced by the repository. `attributes` holds the
 * kind's own fields, validated on the way in (dto/commitment-attributes.ts).
 */
@Entity({ name: 'commitments' })
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_commitments' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: CommitmentKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** A calendar day, as YYYY-MM-DD. */
  @Column({ name: 'date_agreed', type: 'date', nullable: true })
  dateAgreed!: string | null;

  @Column({ type: 'jsonb', default: {} })
  attributes!: Record<string, unknown>;

  /** Moves forward by one with every change; the ETag. Checked by the UPDATE, not by save(). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
