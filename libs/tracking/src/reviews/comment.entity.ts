import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const POSITIONS = ['supports', 'concerns', 'objects'] as const;
export type Position = (typeof POSITIONS)[number];

/** A review comment on an action; append-only. `position` is the author organisation's stance. */
@Entity({ name: 'comments' })
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_comments' })
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @Column({ name: 'author_organisation_id', type: 'uuid' })
  authorOrganisationId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  position!: Position | null;

  /** Members of the programme the comment mentions: they are notified. */
  @Column({ name: 'mentioned_user_ids', type: 'uuid', array: true })
  mentionedUserIds!: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
