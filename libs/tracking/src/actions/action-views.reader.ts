import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  INSTANTS_AS_TEXT,
  type KeysetPage,
  paginateKeysetRaw,
  queryPrepared,
  type SortTerm,
} from '@app/core';
import { ORGANISATION_ROWS } from '@app/identity';
import { ActionEntity } from './action.entity';
import { ACTION_SORT_COLUMNS, type ActionFilter, applyActionFilter } from './action-filter';
import type { ActionDecorations, ActionRow } from './action.mapper';
import { CLOSED_STATUSES } from './action-states';
import { ACTION_COLUMNS } from './action-columns';
import { rollupOf, rollupSumsFrom, rollupSumsSql } from '../rollups/rollup';

/** An action's row with what its response shows beside it, read in one statement. */
export interface ActionView {
  action: ActionRow;
  decorations: ActionDecorations;
}

/** The row as PostgreSQL answers it: the decorations as JSON, null when there are none. */
type RawViewRow = ActionRow & {
  owner: ActionDecorations['owner'] | null;
  partners: ActionDecorations['partners'] | null;
  positions: ActionDecorations['positions'] | null;
  rollup: Record<string, unknown> | null;
};

/**
 * What a response shows beside the action's row, as subqueries of the statement that reads
 * it (over `actions a`; PostgreSQL runs them for the rows of the page only, after the LIMIT):
 * the owning organisation, the partners by code, the latest position per organisation, and
 * of an action with sub-actions their roll-up (`closed`, `today`: the placeholders of the
 * closed statuses and of today in Europe/Amsterdam). The same reads as
 * `ActionDecorationsReader.decorations` and `RollupsReader.ofParents`, for the write paths.
 */
export function decorationsSql(closed: string, today: string): string {
  const open = `s.status <> ALL(${closed}::text[])`;
  return `(SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name)
            FROM ${ORGANISATION_ROWS} o WHERE o.id = a.owner_organisation_id) AS owner,
         (SELECT json_agg(json_build_object('organisationId', o.id, 'code', o.code,
                   'name', o.name, 'role', p.role) ORDER BY o.code)
            FROM action_partners p JOIN ${ORGANISATION_ROWS} o ON o.id = p.organisation_id
           WHERE p.action_id = a.id) AS partners,
         (SELECT json_agg(json_build_object('organisationId', l.author_organisation_id,
                   'position', l.position, 'commentedAt', l.created_at))
            FROM (SELECT DISTINCT ON (c.author_organisation_id)
                         c.author_organisation_id, c.position, c.created_at
                    FROM comments c WHERE c.action_id = a.id AND c.position IS NOT NULL
                   ORDER BY c.author_organisation_id, c.created_at DESC, c.id DESC) l
         ) AS positions,
         (SELECT row_to_json(r)
            FROM (SELECT ${rollupSumsSql(open, `${open} AND s.deadline < ${today}::date`, 's')}
                    FROM actions s WHERE s.parent_action_id = a.id) r
           WHERE r."rollupTotal" > 0) AS rollup`;
}

/**
 * One action, as one JSON value (`row_to_json`): the driver then parses one column with
 * JSON.parse instead of describing, converting and assembling some thirty (`pg` builds its
 * parsers and an empty row for every statement's columns anew): about 5 % of the API's CPU for
 * `GET /v1/actions/{id}` by an A/B (issue 23). The row's keys are ACTION_COLUMNS' aliases, as before;
 * its instants come as ISO 8601 text, which the mapper reads to the same millisecond.
 */
const ONE = `SELECT row_to_json(v) AS view
  FROM (SELECT ${ACTION_COLUMNS}, ${decorationsSql('$2', '$3')} FROM actions a WHERE a.id = $1) v`;

/** The raw row as the mapper takes it (the JSON columns stay on the row, unread). */
function viewOf(row: RawViewRow): ActionView {
  return {
    action: row,
    decorations: {
      owner: row.owner ?? undefined,
      partners: row.partners ?? [],
      positions: row.positions ?? [],
      rollup: row.rollup === null ? null : rollupOf(rollupSumsFrom(row.rollup)),
    },
  };
}

/**
 * The read paths of actions (one action, a page of them): each one prepared statement that
 * answers the rows with their decorations, as raw rows (no entity hydration), for
 * `mapActionWith`. The write paths answer through `ActionDecorationsReader` and `RollupsReader`.
 */
@Injectable()
export class ActionViewsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The action with its decorations, or null. `today`: in Europe/Amsterdam. */
  async one(id: string, today: string): Promise<ActionView | null> {
    const rows = await queryPrepared<{ view: RawViewRow }>(this.dataSource, ONE, [
      id,
      CLOSED_STATUSES,
      today,
    ]);
    return rows.length === 0 ? null : viewOf(rows[0].view);
  }

  /** A page of the actions `filter` selects, with their decorations, in one statement. */
  async page(
    filter: ActionFilter,
    page: { sort: readonly SortTerm[]; limit: number; cursor?: string },
    today: string,
  ): Promise<KeysetPage<ActionView>> {
    const query = this.dataSource
      .createQueryBuilder()
      .select(`${ACTION_COLUMNS}, ${decorationsSql(':closed', ':rollupToday')}`)
      .from(ActionEntity, 'a')
      .setParameters({ closed: CLOSED_STATUSES, rollupToday: today });
    applyActionFilter(query, filter);
    const result = await paginateKeysetRaw(
      query,
      {
        sort: page.sort,
        columns: ACTION_SORT_COLUMNS,
        tiebreaker: 'a.id',
        limit: page.limit,
        cursor: page.cursor,
      },
      // The instants as PostgreSQL's text, which the mapper rewrites without a Date: parsing
      // and printing fifty rows' Dates took about 9 % of the API's CPU for a page (issue 23).
      (sql, parameters) =>
        queryPrepared<RawViewRow>(this.dataSource, sql, parameters, { types: INSTANTS_AS_TEXT }),
    );
    return { ...result, items: result.items.map(viewOf) };
  }
}
