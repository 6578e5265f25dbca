import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import type { Occasion, ReminderKind, ReminderState } from '../planning/reminder-plan';
import { ReminderEntity } from './reminder.entity';

/** A row as the scheduler sees it. */
export interface ScheduledRow {
  id: string;
  actionId: string;
  kind: ReminderKind;
  basis: string;
  step: string;
  dueAt: Date;
  recipientUserIds: string[];
}

export interface LockedRow extends ScheduledRow {
  state: ReminderState;
  programmeId: string;
  updateRoundId: string | null;
}

export interface PlannedRow extends Occasion {
  programmeId: string;
  actionId: string;
  recipientUserIds: string[];
}

const ROW = `id, action_id AS "actionId", kind, basis, step, due_at AS "dueAt",
  recipient_user_ids AS "recipientUserIds"`;

/** Reminder rows. Every change to them happens under the action's reminder lock. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises everything that plans or sends the reminders of these actions (the scheduler
   * and the dispatcher), always in id order, so two of them never deadlock.
   */
  async lockActions(manager: EntityManager, actionIds: readonly string[]): Promise<void> {
    if (actionIds.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('reminders:' || id::text, 0))
         FROM unnest($1::uuid[]) AS id ORDER BY id`,
      [[...new Set(actionIds)].sort()],
    );
  }

  scheduled(manager: EntityManager, actionIds: readonly string[]): Promise<ScheduledRow[]> {
    return manager.query<ScheduledRow[]>(
      `SELECT ${ROW} FROM reminders WHERE action_id = ANY($1::uuid[]) AND state = 'scheduled'`,
      [actionIds],
    );
  }

  async cancel(manager: EntityManager, ids: readonly string[], reason: string): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE reminders SET state = 'cancelled', state_reason = $2, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND state = 'scheduled'`,
      [ids, reason],
    );
  }

  /** Moves scheduled rows to a new time or new recipients (a policy or owner change). */
  async reschedule(
    manager: EntityManager,
    rows: readonly { id: string; dueAt: Date; recipientUserIds: string[] }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE reminders r SET due_at = x."dueAt", recipient_user_ids = x."recipientUserIds",
              updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "dueAt" timestamptz, "recipientUserIds" uuid[])
        WHERE r.id = x.id AND r.state = 'scheduled'`,
      [
        JSON.stringify(
          rows.map((row) => ({ ...row, recipientUserIds: `{${row.recipientUserIds.join(',')}}` })),
        ),
      ],
    );
  }

  /**
   * Inserts planned occasions that have no row yet, and revives cancelled ones (a deadline
   * moved back). A sent or skipped occasion stays as it is: it is never sent again.
   */
  async upsert(manager: EntityManager, rows: readonly PlannedRow[]): Promise<void> {
    if (rows.length === 0) return;
    for (let start = 0; start < rows.length; start += 5000) {
      const batch = rows.slice(start, start + 5000).map((row) => ({
        programmeId: row.programmeId,
        actionId: row.actionId,
        kind: row.kind,
        basis: row.basis,
        step: row.step,
        dueAt: row.dueAt.toISOString(),
        recipientUserIds: `{${row.recipientUserIds.join(',')}}`,
        roundId: row.roundId ?? null,
      }));
      await manager.query(
        `INSERT INTO reminders AS r (programme_id, action_id, kind, basis, step, due_at,
           recipient_user_ids, update_round_id)
         SELECT "programmeId", "actionId", kind, basis, step, "dueAt", "recipientUserIds", "roundId"
           FROM jsonb_to_recordset($1::jsonb) AS x("programmeId" uuid, "actionId" uuid, kind text,
                basis text, step text, "dueAt" timestamptz, "recipientUserIds" uuid[], "roundId" uuid)
         ON CONFLICT (action_id, kind, basis, step) DO UPDATE
           SET state = 'scheduled', state_reason = NULL, due_at = EXCLUDED.due_at,
               recipient_user_ids = EXCLUDED.recipient_user_ids, updated_at = now()
         WHERE r.state = 'cancelled'`,
        [JSON.stringify(batch)],
      );
    }
  }

  /** The scheduled rows of these actions due before `before`: their jobs must be queued. */
  dueBefore(
    manager: EntityManager,
    actionIds: readonly string[],
    before: Date,
  ): Promise<{ id: string; dueAt: Date }[]> {
    return manager.query(
      `SELECT id, due_at AS "dueAt" FROM reminders
        WHERE action_id = ANY($1::uuid[]) AND state = 'scheduled' AND due_at < $2`,
      [actionIds, before],
    );
  }

  /** Every scheduled row due before `before`, soonest first: for the reconciler. */
  allDueBefore(before: Date, limit: number): Promise<{ id: string; dueAt: Date }[]> {
    return this.dataSource.query(
      `SELECT id, due_at AS "dueAt" FROM reminders
        WHERE state = 'scheduled' AND due_at < $1 ORDER BY due_at LIMIT $2`,
      [before, limit],
    );
  }

  /** The action of a reminder, to take its lock before the row's. */
  async actionOf(id: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ actionId: string }[]>(
      'SELECT action_id AS "actionId" FROM reminders WHERE id = $1',
      [id],
    );
    return rows[0]?.actionId;
  }

  async lock(manager: EntityManager, id: string): Promise<LockedRow | null> {
    const rows = await manager.query<LockedRow[]>(
      `SELECT ${ROW}, state, programme_id AS "programmeId", update_round_id AS "updateRoundId"
         FROM reminders WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async settle(
    manager: EntityManager,
    id: string,
    state: 'sent' | 'skipped',
    detail: { reason?: string; recipientUserIds?: string[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE reminders SET state = $2::text, state_reason = $3,
              recipient_user_ids = COALESCE($4::uuid[], recipient_user_ids),
              sent_at = CASE WHEN $2::text = 'sent' THEN now() END, updated_at = now()
        WHERE id = $1`,
      [id, state, detail.reason ?? null, detail.recipientUserIds ?? null],
    );
  }

  /** Cancels the scheduled rows of an update round (it was cancelled). */
  async cancelRound(manager: EntityManager, roundId: string): Promise<string[]> {
    const [rows] = await manager.query<[{ id: string; dueAt: Date }[], number]>(
      `UPDATE reminders SET state = 'cancelled', state_reason = 'the update round was cancelled',
              updated_at = now()
        WHERE update_round_id = $1 AND state = 'scheduled' RETURNING id`,
      [roundId],
    );
    return rows.map((row) => row.id);
  }

  /** A programme's reminders, soonest first (for its coordinators). */
  page(
    programmeId: string,
    filter: { state?: ReminderState; kind?: ReminderKind; actionId?: string },
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<ReminderEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .where('r.programme_id = :programmeId', { programmeId });
    if (filter.state) query.andWhere('r.state = :state', { state: filter.state });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.actionId) query.andWhere('r.action_id = :actionId', { actionId: filter.actionId });
    return paginateKeyset(query, {
      sort: [{ key: 'dueAt', direction: 'asc' }],
      columns: { dueAt: { expression: 'r.due_at' } },
      tiebreaker: 'r.id',
      limit: page.limit,
      cursor: page.cursor,
    });
  }
}
