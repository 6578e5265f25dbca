import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An evidence file of an action or a commitment (letters, decisions, minutes). */
@Entity({ name: 'attachments' })
export class AttachmentEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_attachments' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId!: string | null;

  @Column({ name: 'commitment_id', type: 'uuid', nullable: true })
  commitmentId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  filename!: string;

  /** As its bytes say (detectFileType), never as the upload claimed. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  /** SHA-256 of the bytes, hex: also in the audit event of its upload. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true })
  uploadedByUserId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by_user_id', type: 'uuid', nullable: true })
  deletedByUserId!: string | null;
}
