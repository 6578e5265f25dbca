import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind, ReminderState } from '../planning/reminder-plan.model';

/**
 * A reminder: the source of truth of what is sent when (DESIGN §5). Unique per action, kind
 * and occasion (`basis`, `step`), so an occasion is sent once; the queue only carries its id.
 */
@Entity({ name: 'reminders' })
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reminders' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: ReminderKind;

  @Column({ type: 'varchar', length: 100 })
  basis!: string;

  @Column({ type: 'varchar', length: 30 })
  step!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'recipient_user_ids', type: 'uuid', array: true })
  recipientUserIds!: string[];

  @Column({ name: 'update_round_id', type: 'uuid', nullable: true })
  updateRoundId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  state!: ReminderState;

  @Column({ name: 'state_reason', type: 'varchar', length: 200, nullable: true })
  stateReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
