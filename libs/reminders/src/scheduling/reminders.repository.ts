import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeysetPage, paginateKeyset } from '@app/core';
import type { Occasion, ReminderKind, ReminderState } from '../planning/reminder-plan.model';
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

/** A programme's moment at which rows are due: what one `reminders.due` job sends. */
export interface DueMoment {
  programmeId: string;
  dueAt: Date;
}

/** A row as planning reads it. */
export interface KnownRow extends ScheduledRow {
  state: ReminderState;
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

/** One occasion of one action. */
export const plannedKey = (row: Pick<PlannedRow, 'actionId' | 'kind' | 'basis' | 'step'>): string =>
  `${row.actionId}|${row.kind}|${row.basis}|${row.step}`;

const ROW = `id, action_id AS "actionId", kind, basis, step, due_at AS "dueAt",
  recipient_user_ids AS "recipientUserIds"`;

/** Reminder rows. Every change to them happens under the action's reminder lock. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What planning these actions needs of their rows: the scheduled ones, those due since
   * `since` in any state (a sent one is not planned again), and every update-round request.
   */
  known(manager: EntityManager, actionIds: readonly string[], since: Date): Promise<KnownRow[]> {
    return manager.query<KnownRow[]>(
      `SELECT ${ROW}, state FROM reminders
        WHERE action_id = ANY($1::uuid[])
          AND (state = 'scheduled' OR due_at >= $2 OR (kind = 'update_round' AND step = 'request'))`,
      [actionIds, since],
    );
  }

  async cancel(
    manager: EntityManager,
    rows: readonly { id: string; reason: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE reminders r SET state = 'cancelled', state_reason = x.reason, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS x(id, reason)
        WHERE r.id = x.id AND r.state = 'scheduled'`,
      [rows.map((row) => row.id), rows.map((row) => row.reason)],
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
   * moved back). A sent or skipped occasion stays as it is: it is never sent again. Answers
   * the `plannedKey`s of the rows written; a planned row missing from it found its occasion
   * settled.
   */
  async upsert(manager: EntityManager, rows: readonly PlannedRow[]): Promise<Set<string>> {
    const written = new Set<string>();
    for (let start = 0; start < rows.length; start += 5000) {
      const batch = rows.slice(start, start + 5000);
      // Typed arrays, not JSON: this statement plans every action of a programme at once.
      const result = await manager.query<
        { actionId: string; kind: ReminderKind; basis: string; step: string }[]
      >(
        `INSERT INTO reminders AS r (programme_id, action_id, kind, basis, step, due_at,
           recipient_user_ids, update_round_id)
         SELECT x.programme_id, x.action_id, x.kind, x.basis, x.step, x.due_at,
                x.recipients::uuid[], x.round_id
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],
                       $6::timestamptz[], $7::text[], $8::uuid[])
             AS x(programme_id, action_id, kind, basis, step, due_at, recipients, round_id)
         ON CONFLICT (action_id, kind, basis, step) DO UPDATE
           SET state = 'scheduled', state_reason = NULL, due_at = EXCLUDED.due_at,
               recipient_user_ids = EXCLUDED.recipient_user_ids, updated_at = now()
         WHERE r.state = 'cancelled'
         RETURNING r.action_id AS "actionId", r.kind, r.basis, r.step`,
        [
          batch.map((row) => row.programmeId),
          batch.map((row) => row.actionId),
          batch.map((row) => row.kind),
          batch.map((row) => row.basis),
          batch.map((row) => row.step),
          batch.map((row) => row.dueAt.toISOString()),
          batch.map((row) => `{${row.recipientUserIds.join(',')}}`),
          batch.map((row) => row.roundId ?? null),
        ],
      );
      for (const row of result) written.add(plannedKey(row));
    }
    return written;
  }

  /** The scheduled rows of these actions due before `before`: their jobs must be queued. */
  dueBefore(
    manager: EntityManager,
    actionIds: readonly string[],
    before: Date,
  ): Promise<DueMoment[]> {
    return manager.query(
      `SELECT DISTINCT programme_id AS "programmeId", due_at AS "dueAt" FROM reminders
        WHERE action_id = ANY($1::uuid[]) AND state = 'scheduled' AND due_at < $2`,
      [actionIds, before],
    );
  }

  /**
   * The moments (programme and time) at which scheduled rows are due before `before`,
   * soonest first: what the reconciler queues, a job each.
   */
  dueMomentsBefore(before: Date, limit: number): Promise<DueMoment[]> {
    return this.dataSource.query(
      `SELECT programme_id AS "programmeId", due_at AS "dueAt" FROM reminders
        WHERE state = 'scheduled' AND due_at < $1
        GROUP BY programme_id, due_at ORDER BY due_at LIMIT $2`,
      [before, limit],
    );
  }

  /**
   * One batch of the programme's rows scheduled at `dueAt`, in action order after
   * `afterActionId`, without a lock: the dispatcher then takes the actions' locks first.
   */
  scheduledAt(
    programmeId: string,
    dueAt: Date,
    afterActionId: string | null,
    limit: number,
  ): Promise<{ id: string; actionId: string }[]> {
    return this.dataSource.query(
      `SELECT id, action_id AS "actionId" FROM reminders
        WHERE programme_id = $1 AND due_at = $2 AND state = 'scheduled'
          AND ($3::uuid IS NULL OR action_id > $3)
        ORDER BY action_id, id LIMIT $4`,
      [programmeId, dueAt, afterActionId, limit],
    );
  }

  /** The programme's rows sent at `dueAt`: after a crash, their e-mails may still wait. */
  async sentAt(programmeId: string, dueAt: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM reminders WHERE programme_id = $1 AND due_at = $2 AND state = 'sent'`,
      [programmeId, dueAt],
    );
    return rows.map((row) => row.id);
  }

  lockRows(manager: EntityManager, ids: readonly string[]): Promise<LockedRow[]> {
    return manager.query<LockedRow[]>(
      `SELECT ${ROW}, state, programme_id AS "programmeId", update_round_id AS "updateRoundId"
         FROM reminders WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  /** Marks rows sent (with who got them) and skipped (with why), in two statements. */
  async settleMany(
    manager: EntityManager,
    sent: readonly { id: string; recipientUserIds: string[] }[],
    skipped: readonly { id: string; reason: string }[],
  ): Promise<void> {
    if (sent.length > 0) {
      await manager.query(
        `UPDATE reminders r SET state = 'sent', sent_at = now(), updated_at = now(),
                recipient_user_ids = x."recipientUserIds"
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "recipientUserIds" uuid[])
          WHERE r.id = x.id`,
        [
          JSON.stringify(
            sent.map((row) => ({
              id: row.id,
              recipientUserIds: `{${row.recipientUserIds.join(',')}}`,
            })),
          ),
        ],
      );
    }
    if (skipped.length > 0) {
      await manager.query(
        `UPDATE reminders r SET state = 'skipped', state_reason = x.reason, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reason text)
          WHERE r.id = x.id`,
        [JSON.stringify(skipped)],
      );
    }
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
