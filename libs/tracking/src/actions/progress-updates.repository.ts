import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { ProgressUpdateEntity } from './progress-update.entity';

export type ProgressUpdateInsert = Omit<ProgressUpdateEntity, 'id' | 'createdAt'>;

/** The append-only timeline of actions (the table refuses UPDATE and DELETE). */
@Injectable()
export class ProgressUpdatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(
    manager: EntityManager,
    values: ProgressUpdateInsert,
  ): Promise<ProgressUpdateEntity> {
    const result = await manager.insert(ProgressUpdateEntity, values);
    const id = (result.identifiers[0] as { id: string }).id;
    return (await manager.findOneBy(ProgressUpdateEntity, { id }))!;
  }

  /** One page of an action's timeline, newest first. */
  page(
    actionId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<ProgressUpdateEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(ProgressUpdateEntity, 'u')
      .where('u.action_id = :actionId', { actionId });
    return paginateKeyset(query, {
      sort: [{ key: 'createdAt', direction: 'desc' }],
      columns: { createdAt: { expression: 'u.created_at' } },
      tiebreaker: 'u.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }
}
