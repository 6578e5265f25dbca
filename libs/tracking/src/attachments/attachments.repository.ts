import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';

export type AttachmentSubject = { kind: 'action' | 'commitment'; id: string };

const column = (subject: AttachmentSubject) =>
  subject.kind === 'action' ? 'action_id' : 'commitment_id';

/** The attachments table (tracking owns it). */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string, manager?: EntityManager): Promise<AttachmentEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(AttachmentEntity, { id });
  }

  async ofSubject(
    subject: AttachmentSubject,
    includeDeleted: boolean,
  ): Promise<AttachmentEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(AttachmentEntity, 'f')
      .where(`f.${column(subject)} = :id`, { id: subject.id })
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC');
    if (!includeDeleted) query.andWhere('f.deleted_at IS NULL');
    return query.getMany();
  }

  async countActive(manager: EntityManager, subject: AttachmentSubject): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM attachments WHERE ${column(subject)} = $1 AND deleted_at IS NULL`,
      [subject.id],
    );
    return count;
  }

  async insert(
    manager: EntityManager,
    row: Omit<AttachmentEntity, 'createdAt' | 'deletedAt' | 'deletedByUserId'>,
  ): Promise<AttachmentEntity> {
    await manager.insert(AttachmentEntity, row);
    return manager.findOneByOrFail(AttachmentEntity, { id: row.id });
  }

  /** Marks it deleted; false when it was already. */
  async softDelete(manager: EntityManager, id: string, userId: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE attachments SET deleted_at = now(), deleted_by_user_id = $2
        WHERE id = $1 AND deleted_at IS NULL`,
      [id, userId],
    );
    return affected > 0;
  }

  /** The action's attachments among `ids` that are not deleted. */
  citable(
    manager: EntityManager,
    actionId: string,
    ids: readonly string[],
  ): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(AttachmentEntity, 'f')
      .where('f.action_id = :actionId AND f.id IN (:...ids) AND f.deleted_at IS NULL', {
        actionId,
        ids: [...ids],
      })
      .getMany();
  }
}
