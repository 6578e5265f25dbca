import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  NotificationKind,
  NotificationPayload,
  NotificationReason,
} from './notification-kinds';

/** An in-app notification: one per person and cause (`sourceKey`). */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ name: 'source_key', type: 'varchar', length: 200 })
  sourceKey!: string;

  @Column({ type: 'varchar', length: 30 })
  reason!: NotificationReason;

  @Column({ type: 'jsonb' })
  payload!: NotificationPayload;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
