import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { CommentEntity } from './comment.entity';

@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    values: Omit<CommentEntity, 'id' | 'createdAt'>,
  ): Promise<CommentEntity> {
    const result = await manager.insert(CommentEntity, values);
    const id = (result.identifiers[0] as { id: string }).id;
    return (await manager.findOneBy(CommentEntity, { id }))!;
  }

  /** One page of an action's comments, newest first. */
  page(
    actionId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<CommentEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(CommentEntity, 'c')
      .where('c.action_id = :actionId', { actionId });
    return paginateKeyset(query, {
      sort: [{ key: 'createdAt', direction: 'desc' }],
      columns: { createdAt: { expression: 'c.created_at' } },
      tiebreaker: 'c.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }
}
