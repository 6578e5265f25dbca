import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AuditIntegrityService } from '@app/audit';
import { amsterdamDate } from '@app/core';
import { ReminderScheduler } from '@app/reminders';
import { eventually, startApi, startWorker, testConfig } from '../../../test/support/e2e';
import { staleTimelineHeads } from '../../../test/support/report-counts';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/** A small deterministic generator (mulberry32), so that a failing mix can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind =
  | 'round.create'
  | 'round.cancel'
  | 'action.create'
  | 'action.patch'
  | 'progress'
  | 'comment'
  | 'confirm';

/** Each kind of request, with how often a client picks it. */
const MIX: [Kind, number][] = [
  ['round.create', 3],
  ['round.cancel', 2],
  ['action.create', 2],
  ['action.patch', 4],
  ['progress', 5],
  ['comment', 3],
  ['confirm', 1],
];

interface Outcome {
  kind: Kind;
  status: number;
  actionId?: string;
  /** Audit events this request should have recorded when it succeeded. */
  events: number;
  body: unknown;
}

const CLIENTS = 10;
const REQUESTS_PER_CLIENT = 22;
const SEED = Number(process.env.SBT_CONCURRENCY_SEED ?? 20261204);

/**
 * Issue 16, item 2: in one programme, update rounds are created and cancelled while actions
 * are created, changed, updated, commented on and confirmed, by 10 clients at once, with the
 * worker planning reminders beside them. Nothing answers 5xx, and afterwards every invariant
 * holds: versions, timeline heads, round membership, one audit event per change, the chain.
 */
describe('mixed concurrent writes in one programme', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let cast: TrackingCast;
  const actions: string[] = [];
  const closed: string[] = [];
  const rounds: string[] = [];
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    const config = testConfig({ DATABASE_POOL_SIZE: '10' });
    app = await startApi({ config });
    worker = await startWorker(config);
    db = app.get(DataSource);
    const fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    for (let i = 0; i < 12; i += 1) {
      const res = await fixtures.action(cast.editor, actionBody(`Startactie ${i}`));
      actions.push((res.body as { id: string }).id);
    }
    // All of them under way, and three closed, for partners to confirm.
    for (const [index, actionId] of actions.entries()) {
      const progress = (version: number, body: object) =>
        request(app.getHttpServer())
          .post(`/v1/actions/${actionId}/progress-updates`)
          .set('Authorization', `Bearer ${cast.editor.token}`)
          .set('If-Match', `"${version}"`)
          .send(body)
          .expect(201);
      await progress(1, { narrative: 'Gestart', status: 'in_progress' });
      if (index >= 3) continue;
      await progress(2, { narrative: 'Afgerond', status: 'met', percentComplete: 100 });
      closed.push(actionId);
    }
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const http = () => request(app.getHttpServer());
  const bearer = (actor: { token: string }) => `Bearer ${actor.token}`;

  const actionBody = (title: string) => TrackingFixtures.actionBody(cast, title);

  async function etagOf(actionId: string): Promise<string> {
    const res = await http()
      .get(`/v1/actions/${actionId}`)
      .set('Authorization', bearer(cast.editor));
    return res.headers.etag;
  }

  async function perform(kind: Kind, next: () => number, label: string): Promise<Outcome> {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const actionId = pick(actions);
    switch (kind) {
      case 'round.create': {
        const today = amsterdamDate(new Date());
        const res = await http()
          .post(`/v1/programmes/${cast.programmeId}/update-rounds`)
          .set('Authorization', bearer(cast.coordinator))
          .send({
            title: `Uitvraag ${label}`,
            dueDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(
              '-02-29',
              '-02-28',
            ),
            ...(next() < 0.5 && { filter: { trackIds: [cast.trackId] } }),
          });
        if (res.status === 201) rounds.push((res.body as { id: string }).id);
        return { kind, status: res.status, events: 1, body: res.body };
      }
      case 'round.cancel': {
        const roundId = rounds.length > 0 ? pick(rounds) : undefined;
        if (!roundId) return perform('round.create', next, label);
        const res = await http()
          .delete(`/v1/programmes/${cast.programmeId}/update-rounds/${roundId}`)
          .set('Authorization', bearer(cast.coordinator));
        return { kind, status: res.status, events: 1, body: res.body };
      }
      case 'action.create': {
        const res = await http()
          .post('/v1/actions')
          .set('Authorization', bearer(cast.editor))
          .send(actionBody(`Nieuwe actie ${label}`));
        if (res.status === 201) actions.push((res.body as { id: string }).id);
        return {
          kind,
          status: res.status,
          actionId: (res.body as { id?: string }).id,
          events: 1,
          body: res.body,
        };
      }
      case 'action.patch': {
        const res = await http()
          .patch(`/v1/actions/${actionId}`)
          .set('Authorization', bearer(cast.editor))
          .set('If-Match', await etagOf(actionId))
          .send({ title: `Gewijzigd ${label}`, tags: [label.replace(/[^a-z0-9]/gi, '')] });
        return { kind, status: res.status, actionId, events: 1, body: res.body };
      }
      case 'progress': {
        const closing = next() < 0.15;
        const res = await http()
          .post(`/v1/actions/${actionId}/progress-updates`)
          .set('Authorization', bearer(cast.editor))
          .set('If-Match', await etagOf(actionId))
          .send({
            narrative: `Voortgang ${label}`,
            percentComplete: Math.floor(next() * 100),
            ...(closing ? { status: 'met' } : {}),
          });
        if (closing && res.status === 201) closed.push(actionId);
        return { kind, status: res.status, actionId, events: 1, body: res.body };
      }
      case 'comment': {
        const position = pick([undefined, 'supports', 'concerns', 'objects'] as const);
        const res = await http()
          .post(`/v1/actions/${actionId}/comments`)
          .set('Authorization', bearer(cast.liaison))
          .send({ body: `Reactie ${label}`, ...(position && { position }) });
        return { kind, status: res.status, actionId, events: 1, body: res.body };
      }
      case 'confirm': {
        const target = pick(closed);
        const etag = await etagOf(target);
        const res = await http()
          .post(`/v1/actions/${target}/confirmation`)
          .set('Authorization', bearer(cast.liaison))
          .set('If-Match', etag);
        // Confirming what is confirmed already changes nothing and records nothing.
        const changed = res.status === 200 && res.headers.etag !== etag;
        return {
          kind,
          status: res.status,
          actionId: target,
          events: changed ? 1 : 0,
          body: res.body,
        };
      }
    }
  }

  it('answers no 5xx to 220 mixed requests from 10 clients at once', async () => {
    const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const next = random(SEED + client);
        for (let i = 0; i < REQUESTS_PER_CLIENT; i += 1) {
          let roll = next() * total;
          const [kind] = MIX.find(([, weight]) => (roll -= weight) < 0) ?? MIX[0];
          outcomes.push(await perform(kind, next, `c${client}r${i}`));
        }
      }),
    );
    const failures = outcomes.filter((outcome) => outcome.status >= 500);
    expect(failures).toEqual([]);
    expect(outcomes).toHaveLength(CLIENTS * REQUESTS_PER_CLIENT);
    // Only refusals a client can act on: a stale version, a state the action no longer
    // allows, a round already cancelled.
    const unexpected = outcomes.filter(
      (outcome) => outcome.status >= 300 && ![409, 412].includes(outcome.status),
    );
    expect(unexpected).toEqual([]);
    // The mix really ran concurrently: enough of every kind succeeded.
    for (const [kind] of MIX) {
      expect({ kind, ok: outcomes.some((o) => o.kind === kind && o.status < 300) }).toEqual({
        kind,
        ok: true,
      });
    }
  }, 120_000);

  it('recorded exactly one audit event per change, and the chain verifies', async () => {
    const expected = outcomes
      .filter((outcome) => outcome.status < 300)
      .reduce((sum, outcome) => sum + outcome.events, 0);
    const [{ count }]: { count: number }[] = await db.query(
      `SELECT count(*)::int AS count FROM audit_events
        WHERE programme_id = $1 AND actor_type = 'user' AND result = 'success'
          AND entity_type IN ('action', 'comment', 'update_round')`,
      [cast.programmeId],
    );
    // The scene's 12 actions were created, started and 3 closed through the API too.
    expect(count).toBe(expected + 27);
    const verification = await app.get(AuditIntegrityService).verify();
    expect(verification).toMatchObject({ valid: true });
  });

  it('moved every action one version per recorded change', async () => {
    const rows: { id: string; version: number; events: number }[] = await db.query(
      `SELECT a.id, a.version,
              (SELECT count(*)::int FROM audit_events e
                WHERE e.entity_type = 'action' AND e.entity_id = a.id::text) AS events
         FROM actions a WHERE a.programme_id = $1`,
      [cast.programmeId],
    );
    expect(rows.length).toBe(actions.length);
    expect(rows.filter((row) => row.version !== row.events)).toEqual([]);
  });

  it('kept every timeline head equal to its timeline', async () => {
    expect(await staleTimelineHeads(db)).toEqual([]);
  });

  it('gave every round the open actions it matched, and its plan follows its state', async () => {
    const created = outcomes.filter((o) => o.kind === 'round.create' && o.status === 201);
    for (const outcome of created) {
      const body = outcome.body as { id: string; completion: { total: number } };
      const [{ members }]: { members: number }[] = await db.query(
        `SELECT count(*)::int AS members FROM update_round_actions ra
           JOIN actions a ON a.id = ra.action_id AND a.programme_id = $2
          WHERE ra.round_id = $1`,
        [body.id, cast.programmeId],
      );
      expect({ round: body.id, members }).toEqual({
        round: body.id,
        members: body.completion.total,
      });
      expect(members).toBeGreaterThan(0);
    }
    // Once the worker has planned every change, a cancelled round has nothing scheduled, and
    // the rows are what planning the programme again, alone, gives: planning that ran beside
    // all those writes reached the same state as a quiet one would.
    const plan = () =>
      db.query(
        `SELECT id, kind, basis, step, due_at, state, recipient_user_ids, update_round_id
           FROM reminders WHERE programme_id = $1 ORDER BY id`,
        [cast.programmeId],
      );
    let before: unknown[] = [];
    await eventually(async () => {
      const [{ pending }]: { pending: number }[] = await db.query(
        `SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL`,
      );
      if (pending > 0) return undefined;
      // Settled: the rows no longer move between two looks a second apart.
      const first = JSON.stringify(await plan());
      await new Promise((resolve) => setTimeout(resolve, 1000));
      before = await plan();
      return first === JSON.stringify(before) || undefined;
    }, 30_000);
    const scheduledForCancelled: unknown[] = await db.query(
      `SELECT m.id FROM reminders m JOIN update_rounds r ON r.id = m.update_round_id
        WHERE r.programme_id = $1 AND r.state = 'cancelled' AND m.state = 'scheduled'`,
      [cast.programmeId],
    );
    expect(scheduledForCancelled).toEqual([]);
    await worker.get(ReminderScheduler).rescheduleProgramme(cast.programmeId);
    expect(await plan()).toEqual(before);
  }, 90_000);
});

/**
 * A transaction that meets another is run again (Transactions): a deadlock costs a retry, not
 * an error; a lock that stays taken past DATABASE_LOCK_TIMEOUT_MS ends in a 503 with
 * Retry-After after the retries, never a 500 or a request that hangs.
 */
describe('transactions that meet others', () => {
  let app: NestExpressApplication;
  /** The same API with a short lock timeout (the default, 10 s, would outlast the test). */
  let impatient: NestExpressApplication;
  let cast: TrackingCast;
  let other: Client;
  let actionId: string;

  beforeAll(async () => {
    app = await startApi();
    impatient = await startApi({ config: testConfig({ DATABASE_LOCK_TIMEOUT_MS: '200' }) });
    cast = await new TrackingFixtures(app).cast();
    const created = await new TrackingFixtures(app).action(cast.editor, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title: 'Vergrendeld',
      ownerOrganisationId: cast.owner.id,
      deadline: '2027-06-30',
    });
    actionId = (created.body as { id: string }).id;
    // Another client of the database, as a database administrator would be (only a superuser
    // may set its own deadlock_timeout, which keeps it out of PostgreSQL's choice of victim).
    const administrator = new URL(process.env.SBT_TEST_SERVER_URL as string);
    administrator.pathname = `/${process.env.SBT_TEST_DATABASE_NAME}`;
    other = new Client({ connectionString: administrator.toString() });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await impatient?.close();
    await app?.close();
  });

  const http = () => request(app.getHttpServer());
  const version = async () => {
    const rows = await app
      .get(DataSource)
      .query<{ version: number }[]>(`SELECT version FROM actions WHERE id = $1`, [actionId]);
    return rows[0].version;
  };

  it('runs a change that lost a deadlock again, and answers it once', async () => {
    const before = await version();
    // The other client holds the audit chain's head, and waits for no one else's deadlock check.
    await other.query(`BEGIN; SET LOCAL deadlock_timeout = '20s'`);
    let patch: Promise<Response> | undefined;
    try {
      await other.query(`SELECT * FROM audit_chain_head FOR UPDATE`);
      patch = http()
        .patch(`/v1/actions/${actionId}`)
        .set('Authorization', `Bearer ${cast.editor.token}`)
        .set('If-Match', `"${before}"`)
        .send({ title: 'Na een deadlock' })
        .then((res) => res);
      // The change holds the action and waits for the head…
      await eventually(
        async () => {
          const waiting: unknown[] = await other
            .query(
              `SELECT 1 FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
            WHERE NOT l.granted AND s.datname = current_database() AND l.pid <> pg_backend_pid()`,
            )
            .then((result) => result.rows);
          return waiting.length > 0 || undefined;
        },
        10_000,
        10,
      );
      // …and the other client now wants the action: a circle. PostgreSQL ends the change's
      // transaction (its check comes first), the other client gets the action and lets go.
      await other.query(`SELECT id FROM actions WHERE id = $1 FOR UPDATE`, [actionId]);
      await other.query('COMMIT');
    } catch (error) {
      await other.query('ROLLBACK');
      throw error;
    }
    const res = await patch;
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Na een deadlock');
    expect(await version()).toBe(before + 1);
    const events: { count: number }[] = await app.get(DataSource).query(
      `SELECT count(*)::int AS count FROM audit_events
        WHERE entity_type = 'action' AND entity_id = $1 AND operation = 'update'`,
      [actionId],
    );
    expect(events[0].count).toBe(1);
  }, 30_000);

  it('answers 503 with Retry-After when a lock stays taken, and changes nothing', async () => {
    const before = await version();
    await other.query('BEGIN');
    await other.query(`SELECT id FROM actions WHERE id = $1 FOR UPDATE`, [actionId]);
    try {
      const patch = await request(impatient.getHttpServer())
        .patch(`/v1/actions/${actionId}`)
        .set('Authorization', `Bearer ${cast.editor.token}`)
        .set('If-Match', `"${before}"`)
        .send({ title: 'Te lang gewacht' });
      expect(patch.status).toBe(503);
      expect(patch.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(patch.headers['retry-after']).toMatch(/^\d+$/);
      expect(patch.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(patch.body.detail).not.toMatch(/lock|55P03|actions/i);
      // The one-statement progress update waits on the same row.
      const progress = await request(impatient.getHttpServer())
        .post(`/v1/actions/${actionId}/progress-updates`)
        .set('Authorization', `Bearer ${cast.editor.token}`)
        .set('If-Match', `"${before}"`)
        .send({ narrative: 'Te lang gewacht' });
      expect(progress.status).toBe(503);
      expect(progress.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await other.query('ROLLBACK');
    }
    expect(await version()).toBe(before);
    // Once the lock is free, the same request goes through.
    await http()
      .patch(`/v1/actions/${actionId}`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${before}"`)
      .send({ title: 'Te lang gewacht' })
      .expect(200);
  }, 30_000);
});
