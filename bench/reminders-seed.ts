/**
 * What the reminder benchmarks share (bench/reminders.ts, bench/scale-out.ts): a programme
 * whose first actions fall due on one Monday under the default policy, the in-process
 * scheduling module (the real worker is started by worker-child.ts).
 */
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditModule } from '@app/audit';
import { type AppConfig, CoreModule } from '@app/core';
import { RemindersModule } from '@app/reminders';
export const OWNERS = 1000;
/** The deadline of the due actions: a Monday; the clock is moved to 09:00 that day. */
export const DUE_DATE = '2031-12-08';
export const DUE_MOMENT = '2031-12-08T08:00:05Z';
/**
 * "Now" while scheduling: the Friday before, after its 09:00 reminders. Under the default
 * policy the due actions' next reminder is then the one of their deadline day, and every
 * other action's lies after it.
 */
export const PLANNED_AT = '2031-12-05T10:00:00Z';
/** When the actions were made (their last progress): the stale reminder comes 30 days on. */
export const CREATED_AT = '2031-12-04T10:00:00Z';

export function schedulingModule(config: AppConfig) {
  @Module({ imports: [CoreModule.forRoot(config), AuditModule, RemindersModule] })
  class SchedulingBench {}
  return SchedulingBench;
}

/** One programme, OWNERS editors, `actions` actions: `due` of them due on DUE_DATE. */
export async function seed(dataSource: DataSource, actions: number, due: number): Promise<string> {
  const [organisation] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO organisations (code, name, kind) VALUES ('BENCH', 'Bench', 'ministry') RETURNING id`,
  );
  const [programme] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO programmes (name, slug) VALUES ('Bench', 'bench') RETURNING id`,
  );
  const [track] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO tracks (programme_id, name, position) VALUES ($1, 'Bench', 0) RETURNING id`,
    [programme.id],
  );
  await dataSource.query(
    `INSERT INTO users (email, display_name, organisation_id)
     SELECT 'owner-' || i || '@bench.example.nl', 'Owner ' || i, $1 FROM generate_series(1, $2) i`,
    [organisation.id, OWNERS],
  );
  await dataSource.query(
    `INSERT INTO memberships (programme_id, user_id, role)
     SELECT $1, id, 'editor' FROM users WHERE organisation_id = $2`,
    [programme.id, organisation.id],
  );
  // The first `due` actions fall due on DUE_DATE; the others spread over the year after it.
  // The programme keeps the default reminder policy (14 and 3 days before, the day itself,
  // overdue weekly, stale after 30 days, three escalation levels).
  await dataSource.query(
    `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, owner_user_id,
       deadline, created_at, updated_at)
     SELECT $1, $2, 'Bench action ' || i, $3,
            (SELECT id FROM users WHERE email = 'owner-' || (1 + i % $6) || '@bench.example.nl'),
            CASE WHEN i <= $5 THEN $7::date ELSE $7::date + 30 + (i % 365) END, $8, $8
       FROM generate_series(1, $4) i`,
    [programme.id, track.id, organisation.id, actions, due, OWNERS, DUE_DATE, CREATED_AT],
  );
  return programme.id;
}
