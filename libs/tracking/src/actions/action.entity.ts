import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionHealth, ActionStatus, EscalationLevel, Verification } from './action-states';

/** An action: who does what by when (DESIGN §2). Dates are ISO strings (`date` columns). */
@Entity({ name: 'actions' })
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_actions' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId!: string | null;

  @Column({ name: 'commitment_id', type: 'uuid', nullable: true })
  commitmentId!: string | null;

  @Column({ name: 'parent_action_id', type: 'uuid', nullable: true })
  parentActionId!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId!: string;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ActionStatus;

  @Column({ type: 'varchar', length: 20 })
  health!: ActionHealth;

  @Column({ type: 'varchar', length: 20 })
  verification!: Verification;

  @Column({ name: 'percent_complete', type: 'smallint' })
  percentComplete!: number;

  /** The action's weight in roll-ups (coordinators set it); null: 1. */
  @Column({ name: 'rollup_weight', type: 'smallint', nullable: true })
  rollupWeight!: number | null;

  @Column({ name: 'escalation_level', type: 'varchar', length: 20, nullable: true })
  escalationLevel!: EscalationLevel | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', array: true })
  tags!: string[];

  /** Published as open data (GET /v1/programmes/{id}/open-data). */
  @Column({ type: 'boolean', default: false })
  public!: boolean;

  @Column({ name: 'latest_narrative', type: 'text', nullable: true })
  latestNarrative!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
