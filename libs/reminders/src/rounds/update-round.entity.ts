import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROUND_STATES = ['open', 'cancelled'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** Which open actions an update round asks of: any combination, all of them when empty. */
export interface RoundFilter {
  trackIds?: string[];
  ownerOrganisationIds?: string[];
  actionIds?: string[];
}

/** A coordinator's request to the owners of open actions for a progress update by a date. */
@Entity({ name: 'update_rounds' })
export class UpdateRoundEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_update_rounds' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'jsonb' })
  filter!: RoundFilter;

  @Column({ type: 'varchar', length: 20 })
  state!: RoundState;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
