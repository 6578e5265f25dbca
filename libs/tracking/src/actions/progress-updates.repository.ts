import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { identifier, type KeysetPage, paginateKeyset, type StatementPart } from '@app/core';
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
    const rows = await manager.query<ProgressUpdateEntity[]>(
      `INSERT INTO progress_updates (action_id, kind, author_user_id, author_organisation_id,
         status, health, percent_complete, narrative, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, action_id AS "actionId", kind, author_user_id AS "authorUserId",
         author_organisation_id AS "authorOrganisationId", status, health,
         percent_complete AS "percentComplete", narrative, reason, created_at AS "createdAt"`,
      [
        values.actionId,
        values.kind,
        values.authorUserId,
        values.authorOrganisationId,
        values.status,
        values.health,
        values.percentComplete,
        values.narrative,
        values.reason,
      ],
    );
    return rows[0];
  }

  /**
   * The same as a part of the statement that changes the action (`gate` yields its new row):
   * the entry takes its id from the caller and its time from the change (`updatedAt`).
   */
  appendPart(values: ProgressUpdateInsert & { id: string }): StatementPart {
    return (parameters, gate) =>
      `INSERT INTO progress_updates (id, action_id, kind, author_user_id,
         author_organisation_id, status, health, percent_complete, narrative, reason, created_at)
       SELECT ${[
         parameters.add(values.id, 'uuid'),
         parameters.add(values.actionId, 'uuid'),
         parameters.add(values.kind, 'text'),
         parameters.add(values.authorUserId, 'uuid'),
         parameters.add(values.authorOrganisationId, 'uuid'),
         parameters.add(values.status, 'text'),
         parameters.add(values.health, 'text'),
         parameters.add(values.percentComplete, 'smallint'),
         parameters.add(values.narrative, 'text'),
         parameters.add(values.reason, 'text'),
       ].join(', ')}, g."updatedAt" FROM ${identifier(gate)} g`;
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
