import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryPrepared } from '@app/core';
import { CLOSED_STATUSES } from '../actions/action-states';
import { type Rollup, rollupOf, rollupSumsFrom, rollupSumsSql } from './rollup';

const OPEN = 'a.status <> ALL($2::text[])';

/** The roll-ups of commitments and of parent actions, one grouped read per page of them. */
@Injectable()
export class RollupsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Of each commitment, the roll-up of its actions (every commitment has one). */
  async ofCommitments(ids: readonly string[], today: string): Promise<Map<string, Rollup>> {
    const found = await this.grouped('commitment_id', ids, today);
    return new Map(ids.map((id) => [id, found.get(id) ?? rollupOf(rollupSumsFrom({}))]));
  }

  /** Of each action that has sub-actions, the roll-up of its sub-actions (the others: absent). */
  ofParents(ids: readonly string[], today: string): Promise<Map<string, Rollup>> {
    return this.grouped('parent_action_id', ids, today);
  }

  private async grouped(
    column: 'commitment_id' | 'parent_action_id',
    ids: readonly string[],
    today: string,
  ): Promise<Map<string, Rollup>> {
    if (ids.length === 0) return new Map();
    // Each read goes through its own index (ix_actions_commitment, ix_actions_parent).
    const rows = await queryPrepared<Record<string, unknown> & { key: string }>(
      this.dataSource,
      `SELECT a.${column} AS key,
              ${rollupSumsSql(OPEN, `${OPEN} AND a.deadline < $3::date`)}
         FROM actions a WHERE a.${column} = ANY($1::uuid[]) GROUP BY a.${column}`,
      [ids, CLOSED_STATUSES, today],
    );
    return new Map(rows.map((row) => [row.key, rollupOf(rollupSumsFrom(row))]));
  }
}
