import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionHealth, ActionStatus } from './action-states';

/**
 * What kind of timeline entry: an owner's update, or a change the timeline must show (a moved
 * deadline, an escalation up or down the ladder).
 */
export const PROGRESS_KINDS = ['progress', 'deadline_change', 'escalation'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

/** One entry of an action's append-only timeline: the values it set and the narrative. */
@Entity({ name: 'progress_updates' })
export class ProgressUpdateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_progress_updates' })
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: ProgressKind;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @Column({ name: 'author_organisation_id', type: 'uuid', nullable: true })
  authorOrganisationId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status!: ActionStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  health!: ActionHealth | null;

  @Column({ name: 'percent_complete', type: 'smallint', nullable: true })
  percentComplete!: number | null;

  @Column({ type: 'text', nullable: true })
  narrative!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
