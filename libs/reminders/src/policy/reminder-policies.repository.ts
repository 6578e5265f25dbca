import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_REMINDER_POLICY,
  type ReminderPolicy,
  type StoredReminderPolicy,
} from './reminder-policy';

const COLUMNS = `programme_id AS "programmeId", days_before AS "daysBefore",
  on_deadline_day AS "onDeadlineDay", overdue_repeat_days AS "overdueRepeatDays",
  stale_after_days AS "staleAfterDays",
  update_round_reminder_days_before AS "updateRoundReminderDaysBefore", escalation,
  skip_weekends AS "skipWeekends", skip_holidays AS "skipHolidays", send_hour AS "sendHour",
  digest, version, updated_at AS "updatedAt"`;

/** Reminder policies; a programme without a stored one has the defaults (version 1). */
@Injectable()
export class ReminderPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(programmeId: string, manager?: EntityManager): Promise<StoredReminderPolicy> {
    return (await this.forProgrammes([programmeId], manager)).get(programmeId)!;
  }

  async forProgrammes(
    programmeIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, StoredReminderPolicy>> {
    const unique = [...new Set(programmeIds)];
    const rows =
      unique.length === 0
        ? []
        : await (manager ?? this.dataSource.manager).query<
            (StoredReminderPolicy & { programmeId: string })[]
          >(`SELECT ${COLUMNS} FROM reminder_policies WHERE programme_id = ANY($1::uuid[])`, [
            unique,
          ]);
    const found = new Map(rows.map(({ programmeId, ...policy }) => [programmeId, policy]));
    return new Map(unique.map((id) => [id, found.get(id) ?? DEFAULT_REMINDER_POLICY]));
  }

  /**
   * Stores the policy if it is still at `expectedVersion` (undefined: whatever it is), and
   * answers it with its new version; null when someone changed it first. The defaults are
   * version 1 and never stored: the first save makes version 2.
   */
  async save(
    manager: EntityManager,
    programmeId: string,
    policy: ReminderPolicy,
    expectedVersion: number | undefined,
  ): Promise<StoredReminderPolicy | null> {
    const [current] = await manager.query<{ version: number }[]>(
      'SELECT version FROM reminder_policies WHERE programme_id = $1 FOR UPDATE',
      [programmeId],
    );
    const version = current?.version ?? DEFAULT_REMINDER_POLICY.version;
    if (expectedVersion !== undefined && expectedVersion !== version) return null;
    const values = [
      programmeId,
      policy.daysBefore,
      policy.onDeadlineDay,
      policy.overdueRepeatDays,
      policy.staleAfterDays,
      policy.updateRoundReminderDaysBefore,
      JSON.stringify(policy.escalation),
      policy.skipWeekends,
      policy.skipHolidays,
      policy.sendHour,
      policy.digest,
      version + 1,
    ];
    // A first save racing another one for the same programme inserts nothing: a conflict.
    const rows = await manager.query<StoredReminderPolicy[] | [StoredReminderPolicy[], number]>(
      current
        ? `UPDATE reminder_policies SET days_before = $2::smallint[], on_deadline_day = $3,
             overdue_repeat_days = $4, stale_after_days = $5,
             update_round_reminder_days_before = $6, escalation = $7::jsonb,
             skip_weekends = $8, skip_holidays = $9, send_hour = $10, digest = $11,
             version = $12, updated_at = now()
            WHERE programme_id = $1 RETURNING ${COLUMNS}`
        : `INSERT INTO reminder_policies (programme_id, days_before, on_deadline_day,
             overdue_repeat_days, stale_after_days, update_round_reminder_days_before,
             escalation, skip_weekends, skip_holidays, send_hour, digest, version)
           VALUES ($1, $2::smallint[], $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
           ON CONFLICT (programme_id) DO NOTHING RETURNING ${COLUMNS}`,
      values,
    );
    const saved = current ? (rows as [StoredReminderPolicy[], number])[0] : rows;
    return (saved as StoredReminderPolicy[])[0] ?? null;
  }
}
