import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import { ACTION_HEADERS, lastProgressAtSql, progressSinceSql } from '@app/tracking';
import { type RoundFilter, type RoundState, UpdateRoundEntity } from './update-round.entity';

export interface RoundCompletion {
  total: number;
  updated: number;
}

/** Per action of a round: has it been updated since the round asked? */
export interface RoundActionRow {
  actionId: string;
  title: string;
  deadline: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  lastProgressAt: Date | null;
  updated: boolean;
}

/**
 * "Updated" is an owner's progress update after the round was made: read here from the
 * timeline, for a round's completion across all of its actions at once.
 */
const UPDATED = progressSinceSql('ra.action_id', 'r.created_at');

@Injectable()
export class UpdateRoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    values: Pick<
      UpdateRoundEntity,
      'programmeId' | 'title' | 'message' | 'dueDate' | 'filter' | 'createdByUserId'
    >,
    createdAt: Date,
  ): Promise<UpdateRoundEntity> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO update_rounds (programme_id, title, message, due_date, filter, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
      [
        values.programmeId,
        values.title,
        values.message,
        values.dueDate,
        JSON.stringify(values.filter),
        values.createdByUserId,
        createdAt,
      ],
    );
    return (await manager.findOneBy(UpdateRoundEntity, { id: row.id }))!;
  }

  /**
   * Adds the programme's open actions that match the filter; answers their ids. The actions
   * are share-locked in id order first (their foreign keys would take the same locks in
   * whatever order the scan met them): every transaction that locks several actions does so
   * in id order (README "Lock order"), so this one cannot close a circle with the worker's
   * planning, which holds some of them FOR UPDATE and waits for the next.
   */
  async addActions(
    manager: EntityManager,
    round: UpdateRoundEntity,
    filter: RoundFilter,
    closedStatuses: readonly string[],
  ): Promise<string[]> {
    const rows = await manager.query<{ actionId: string }[]>(
      `INSERT INTO update_round_actions (round_id, action_id)
       SELECT $1, matched.id FROM (
         SELECT a.id FROM ${ACTION_HEADERS} a
          WHERE a.programme_id = $2 AND a.status <> ALL($3::text[])
            AND ($4::uuid[] IS NULL OR a.track_id = ANY($4::uuid[]))
            AND ($5::uuid[] IS NULL OR a.owner_organisation_id = ANY($5::uuid[]))
            AND ($6::uuid[] IS NULL OR a.id = ANY($6::uuid[]))
          ORDER BY a.id FOR KEY SHARE OF a) matched
       RETURNING action_id AS "actionId"`,
      [
        round.id,
        round.programmeId,
        closedStatuses,
        filter.trackIds ?? null,
        filter.ownerOrganisationIds ?? null,
        filter.actionIds ?? null,
      ],
    );
    return rows.map((row) => row.actionId);
  }

  find(
    programmeId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<UpdateRoundEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(UpdateRoundEntity, { id, programmeId });
  }

  async cancel(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE update_rounds SET state = 'cancelled', cancelled_at = $2 WHERE id = $1 AND state = 'open'`,
      [id, at],
    );
    return count === 1;
  }

  page(
    programmeId: string,
    filter: { state?: RoundState },
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<UpdateRoundEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(UpdateRoundEntity, 'r')
      .where('r.programme_id = :programmeId', { programmeId });
    if (filter.state) query.andWhere('r.state = :state', { state: filter.state });
    return paginateKeyset(query, {
      sort: [{ key: 'createdAt', direction: 'desc' }],
      columns: { createdAt: { expression: 'r.created_at' } },
      tiebreaker: 'r.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }

  async completion(roundIds: readonly string[]): Promise<Map<string, RoundCompletion>> {
    if (roundIds.length === 0) return new Map();
    const rows = await this.dataSource.query<(RoundCompletion & { roundId: string })[]>(
      `SELECT r.id AS "roundId", count(ra.action_id)::int AS total,
              count(ra.action_id) FILTER (WHERE ${UPDATED})::int AS updated
         FROM update_rounds r LEFT JOIN update_round_actions ra ON ra.round_id = r.id
        WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
      [roundIds],
    );
    return new Map(rows.map(({ roundId, ...completion }) => [roundId, completion]));
  }

  /** One page of a round's actions in id order, with whether each was updated. */
  async actions(
    roundId: string,
    filter: { updated?: boolean; ownerUserId?: string; ownerOrganisationId?: string },
    page: { limit: number; after?: string },
  ): Promise<RoundActionRow[]> {
    return this.dataSource.query<RoundActionRow[]>(
      `SELECT a.id AS "actionId", a.title, to_char(a.deadline, 'YYYY-MM-DD') AS deadline,
              a.owner_organisation_id AS "ownerOrganisationId", a.owner_user_id AS "ownerUserId",
              ${lastProgressAtSql('a.id')} AS "lastProgressAt",
              ${UPDATED} AS updated
         FROM update_round_actions ra
         JOIN update_rounds r ON r.id = ra.round_id
         JOIN ${ACTION_HEADERS} a ON a.id = ra.action_id
        WHERE ra.round_id = $1 AND ($2::uuid IS NULL OR ra.action_id > $2)
          AND ($3::boolean IS NULL OR ${UPDATED} = $3)
          AND ($5::uuid IS NULL OR a.owner_user_id = $5)
          AND ($6::uuid IS NULL OR a.owner_organisation_id = $6)
        ORDER BY ra.action_id LIMIT $4`,
      [
        roundId,
        page.after ?? null,
        filter.updated ?? null,
        page.limit + 1,
        filter.ownerUserId ?? null,
        filter.ownerOrganisationId ?? null,
      ],
    );
  }

  async actionIds(roundId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ actionId: string }[]>(
      'SELECT action_id AS "actionId" FROM update_round_actions WHERE round_id = $1 ORDER BY action_id',
      [roundId],
    );
    return rows.map((row) => row.actionId);
  }

  /** The open rounds that ask these actions for an update. */
  async openRoundsOf(
    manager: EntityManager,
    actionIds: readonly string[],
  ): Promise<
    Map<string, { id: string; createdAt: Date; dueDate: string; title: string; message: string }[]>
  > {
    const rows = await manager.query<
      {
        actionId: string;
        id: string;
        createdAt: Date;
        dueDate: string;
        title: string;
        message: string;
      }[]
    >(
      `SELECT ra.action_id AS "actionId", r.id, r.created_at AS "createdAt",
              to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate", r.title, r.message
         FROM update_round_actions ra JOIN update_rounds r ON r.id = ra.round_id
        WHERE ra.action_id = ANY($1::uuid[]) AND r.state = 'open'`,
      [actionIds],
    );
    const byAction = new Map<string, (typeof rows)[number][]>();
    for (const row of rows)
      byAction.set(row.actionId, [...(byAction.get(row.actionId) ?? []), row]);
    return byAction;
  }
}
