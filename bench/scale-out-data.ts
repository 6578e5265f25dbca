/**
 * The scale-out benchmark's data: the programme seeded as bench/reminders.ts seeds it, a
 * coordinator to open the round and ask for the export, the round's and the hot actions
 * (none of them due), and the reminder plan made with the clock at the planning moment.
 */
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { type AppConfig, Clock } from '@app/core';
import { ReminderScheduler } from '@app/reminders';
import { benchSession, createContext } from './harness';
import { DUE_DATE, PLANNED_AT, schedulingModule, seed } from './reminders-seed';

/** A query's rows, typed by the caller. */
export type Rows = <T>(sql: string, values?: unknown[]) => Promise<T[]>;

export const rowsOf =
  (db: Client): Rows =>
  async <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, values)).rows as T[];

export interface ScaleOutData {
  programmeId: string;
  /** The coordinator's access token, signed anew on each call. */
  token: () => string;
  roundIds: string[];
  hotIds: string[];
  /** The hot actions' versions before any update. */
  versionsBefore: Map<string, number>;
}

export async function seedScaleOut(options: {
  config: AppConfig;
  dataSource: DataSource;
  q: Rows;
  actions: number;
  due: number;
  roundSize: number;
  hotSize: number;
}): Promise<ScaleOutData> {
  const { config, dataSource, q, actions, due, roundSize, hotSize } = options;
  const programmeId = await seed(dataSource, actions, due);
  // The coordinator opens the round and asks for the export; as a platform administrator it
  // may also verify the audit chain.
  const [coordinator] = await q<{ id: string }>(
    `INSERT INTO users (email, display_name, organisation_id, is_platform_admin)
     SELECT 'coordinator@bench.example.nl', 'Coordinator', id, true FROM organisations
      WHERE code = 'BENCH' RETURNING id`,
  );
  await q(`INSERT INTO memberships (programme_id, user_id, role) VALUES ($1, $2, 'coordinator')`, [
    programmeId,
    coordinator.id,
  ]);
  const token = await benchSession(config, dataSource, coordinator.id);
  // Round and hot actions are not due: their e-mails and writes do not touch the burst's.
  const others = (
    await q<{ id: string }>(`SELECT id FROM actions WHERE deadline > $1 ORDER BY id LIMIT $2`, [
      DUE_DATE,
      roundSize + hotSize,
    ])
  ).map((row) => row.id);
  const roundIds = others.slice(0, roundSize);
  const hotIds = others.slice(roundSize);
  const context = await createContext(schedulingModule(config) as never);
  context.get(Clock).travel(Date.parse(PLANNED_AT) - Date.now());
  await context.get(ReminderScheduler).rescheduleProgramme(programmeId);
  await context.close();
  const versionsBefore = new Map(
    (
      await q<{ id: string; version: number }>(
        'SELECT id, version FROM actions WHERE id = ANY($1::uuid[])',
        [hotIds],
      )
    ).map((row) => [row.id, row.version]),
  );
  return { programmeId, token, roundIds, hotIds, versionsBefore };
}
