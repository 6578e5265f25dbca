import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import canonicalize from 'canonicalize';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { IdempotencyKeys } from '@app/core';
import { IdempotencyKeysPurgeProcessor } from '../../worker/src/processors/idempotency-keys-purge.processor';
import { eventually, startApi } from '../../../test/support/e2e';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

type Method = 'post';
interface Creation {
  route: string;
  as: () => { token: string };
  path: () => string;
  body: () => Record<string, unknown>;
  headers?: () => Record<string, string>;
  /** A file sent as multipart/form-data instead of the JSON body (the upload of an import). */
  file?: { name: string; content: Buffer };
}

/**
 * `Idempotency-Key` on every creating POST (DESIGN §4, issue 16 item 6): a retry gets the
 * first answer and creates nothing; concurrent retries create once; the same key with another
 * request is a 422; the key is recorded with the change, in its transaction.
 */
describe('Idempotency-Key', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let cast: TrackingCast;
  let admin: { token: string; userId: string; organisationId: string };
  let actionId: string;
  let counter = 0;
  /** An organisation without an identity provider (one each), for that creating route. */
  let providerless: string;
  const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    const fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    admin = await fixtures.identity.user({ organisationId: cast.owner.id, isPlatformAdmin: true });
    actionId = (await fixtures.action(cast.editor, actionBody('Idempotent'))).body.id as string;
    providerless = (await fixtures.identity.organisation('other')).id;
    const webhook = await request(app.getHttpServer())
      .post(`/v1/programmes/${cast.programmeId}/webhooks`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({ url: 'https://93.184.216.34/idem', eventTypes: ['nl.sterk-bestuur.action.created'] });
    expect(webhook.status).toBe(201);
    webhookId = webhook.body.id as string;
    const [commitment] = await db.query<{ id: string }[]>(
      `INSERT INTO commitments (programme_id, kind, title) VALUES ($1, 'agenda_item', 'Idem') RETURNING id`,
      [cast.programmeId],
    );
    commitmentId = commitment.id;
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  const actionBody = (title: string) => TrackingFixtures.actionBody(cast, title);

  async function version(id: string): Promise<number> {
    const rows = await db.query<{ version: number }[]>(
      'SELECT version FROM actions WHERE id = $1',
      [id],
    );
    return rows[0].version;
  }

  async function auditCount(): Promise<number> {
    const rows = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM audit_events',
    );
    return rows[0].count;
  }

  function send(
    creation: Creation,
    key: string | undefined,
    body = creation.body(),
    method: Method = 'post',
  ) {
    let call = http()
      [method](creation.path())
      .set('Authorization', `Bearer ${creation.as().token}`);
    if (key !== undefined) call = call.set('Idempotency-Key', key);
    for (const [name, value] of Object.entries(creation.headers?.() ?? {}))
      call = call.set(name, value);
    if (creation.file) return call.attach('file', creation.file.content, creation.file.name);
    return call.send(body);
  }

  /** One valid creating request per route that creates: every POST that answers 201 or 202. */
  const creations = (): Creation[] => [
    {
      route: 'POST /v1/organisations',
      as: () => admin,
      path: () => '/v1/organisations',
      body: () => ({
        code: `I${unique()}`.slice(0, 16).toUpperCase(),
        name: 'Idem',
        kind: 'other',
      }),
    },
    {
      route: 'POST /v1/identity-providers',
      as: () => admin,
      path: () => '/v1/identity-providers',
      body: () => ({
        organisationId: providerless,
        displayName: 'Idem',
        issuer: 'https://login.example.nl/idem',
        clientId: 'idem',
        clientSecret: 'idem-secret',
        allowedDomains: ['example.nl'],
      }),
    },
    {
      route: 'POST /v1/users',
      as: () => admin,
      path: () => '/v1/users',
      body: () => ({
        email: `idem-${unique()}@example.nl`,
        displayName: 'Idem',
        organisationId: cast.owner.id,
      }),
    },
    {
      route: 'POST /v1/programmes',
      as: () => admin,
      path: () => '/v1/programmes',
      body: () => ({ name: 'Idem', slug: `idem-${unique()}` }),
    },
    {
      route: 'POST /v1/programmes/:id/tracks',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/tracks`,
      body: () => ({ name: `Spoor ${unique()}` }),
    },
    {
      route: 'POST /v1/programmes/:id/members',
      as: () => admin,
      path: () => `/v1/programmes/${cast.programmeId}/members`,
      body: () => ({ userId: cast.outsider.userId, role: 'viewer' }),
    },
    {
      route: 'POST /v1/me/api-tokens',
      as: () => cast.coordinator,
      path: () => '/v1/me/api-tokens',
      body: () => ({ name: `Token ${unique()}`, programmeId: cast.programmeId, scope: 'read' }),
    },
    {
      route: 'POST /v1/me/calendar-links',
      as: () => cast.coordinator,
      path: () => '/v1/me/calendar-links',
      body: () => ({ name: `Agenda ${unique()}`, programmeId: cast.programmeId }),
    },
    {
      route: 'POST /v1/commitments',
      as: () => cast.coordinator,
      path: () => '/v1/commitments',
      body: () => ({
        programmeId: cast.programmeId,
        kind: 'agenda_item',
        title: `Afspraak ${unique()}`,
      }),
    },
    {
      route: 'POST /v1/actions',
      as: () => cast.editor,
      path: () => '/v1/actions',
      body: () => actionBody(`Actie ${unique()}`),
    },
    {
      route: 'POST /v1/actions/:id/progress-updates',
      as: () => cast.editor,
      path: () => `/v1/actions/${actionId}/progress-updates`,
      body: () => ({ narrative: `Voortgang ${unique()}` }),
      headers: () => ({ 'If-Match': `"${currentVersion}"` }),
    },
    {
      route: 'POST /v1/actions/:id/comments',
      as: () => cast.liaison,
      path: () => `/v1/actions/${actionId}/comments`,
      body: () => ({ body: `Reactie ${unique()}`, position: 'supports' }),
    },
    {
      route: 'POST /v1/programmes/:id/update-rounds',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/update-rounds`,
      body: () => ({ title: `Uitvraag ${unique()}`, dueDate: '2030-01-15' }),
    },
    {
      route: 'POST /v1/report-exports',
      as: () => cast.coordinator,
      path: () => '/v1/report-exports',
      body: () => ({ programmeId: cast.programmeId, format: 'csv' }),
    },
    {
      route: 'POST /v1/programmes/:id/imports',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/imports`,
      body: () => ({}),
      file: { name: 'acties.csv', content: Buffer.from(`Titel;Deadline\r\nIdem;31-12-2030\r\n`) },
    },
    {
      route: 'POST /v1/programmes/:id/imports/:importId/apply',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/imports/${plannedImport}/apply`,
      // A dry run ready to apply (this test runs no worker to make one), after any earlier.
      body: () => {
        void readyImport();
        return {};
      },
    },
    {
      route: 'POST /v1/actions/:id/attachments',
      as: () => cast.editor,
      path: () => `/v1/actions/${actionId}/attachments`,
      body: () => ({}),
      file: { name: 'bewijs.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
    },
    {
      route: 'POST /v1/commitments/:id/attachments',
      as: () => cast.coordinator,
      path: () => `/v1/commitments/${commitmentId}/attachments`,
      body: () => ({}),
      file: { name: 'brief.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
    },
    {
      route: 'POST /v1/programmes/:id/webhooks',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/webhooks`,
      // A public address (a documentation-free literal): nothing is sent without a worker.
      body: () => ({
        url: `https://93.184.216.34/${unique()}`,
        eventTypes: ['nl.sterk-bestuur.action.created'],
      }),
    },
    {
      route: 'POST /v1/programmes/:id/webhooks/:webhookId/secret-rotations',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/webhooks/${webhookId}/secret-rotations`,
      body: () => ({ previousSecretValidHours: 1 }),
    },
    {
      route: 'POST /v1/programmes/:id/webhooks/:webhookId/pings',
      as: () => cast.coordinator,
      path: () => `/v1/programmes/${cast.programmeId}/webhooks/${webhookId}/pings`,
      body: () => ({}),
    },
    {
      route: 'POST /v1/programmes/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliveries',
      as: () => cast.coordinator,
      path: () =>
        `/v1/programmes/${cast.programmeId}/webhooks/${webhookId}/deliveries/${deliveredId}/redeliveries`,
      // A delivery already delivered (this test runs no worker to deliver one), each time anew.
      body: () => {
        void readyDelivery();
        return {};
      },
    },
  ];
  let plannedImport = '';
  let webhookId = '';
  let commitmentId = '';
  let deliveredId = '';
  let deliveryReady: Promise<void> = Promise.resolve();
  function readyDelivery(): void {
    deliveryReady = (async () => {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, subject, sequence, event,
                                         state, attempts, delivered_at)
         VALUES ($1, gen_random_uuid(), 'nl.sterk-bestuur.webhook.ping', 'idem', 0, '{}', 'delivered', 1, now())
         RETURNING id`,
        [webhookId],
      );
      deliveredId = row.id;
    })();
  }
  let importReady: Promise<void> = Promise.resolve();
  function readyImport(): void {
    importReady = (async () => {
      await db.query(
        `UPDATE imports SET status = 'applied', applied_at = created_at
          WHERE programme_id = $1 AND status = 'applying'`,
        [cast.programmeId],
      );
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO imports (programme_id, requester_user_id, filename, size_bytes, lang, status,
                              planned_at, created_at, expires_at)
         VALUES ($1, $2, 'idem.xlsx', 1, 'nl', 'planned', now(), now(), now() + interval '1 day')
         RETURNING id`,
        [cast.programmeId, cast.coordinator.userId],
      );
      plannedImport = row.id;
    })();
  }
  let currentVersion = 1;

  it('declares the key on every creating operation of the OpenAPI document', async () => {
    const document = (await http().get('/v1/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }
        >
      >;
    };
    const creating = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(
          ([method, operation]) =>
            method === 'post' && ('201' in operation.responses || '202' in operation.responses),
        )
        .map(([, operation]) => ({ path, operation })),
    );
    expect(
      creating.map(({ path }) => `POST /v1${path}`.replace(/\{(\w+)\}/g, ':$1')).sort(),
    ).toEqual(
      creations()
        .map((creation) => creation.route)
        .sort(),
    );
    for (const { path, operation } of creating) {
      expect({
        path,
        key: operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        responses: ['409', '422'].every((status) => status in operation.responses),
      }).toEqual({ path, key: true, responses: true });
    }
  });

  it('answers a retry on every creating route with the first answer, creating nothing', async () => {
    for (const creation of creations()) {
      currentVersion = await version(actionId);
      const key = randomUUID();
      const body = creation.body();
      await Promise.all([importReady, deliveryReady]);
      const first = await send(creation, key, body);
      expect({ route: creation.route, status: first.status }).toEqual({
        route: creation.route,
        status: expect.any(Number),
      });
      expect([201, 202]).toContain(first.status);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const events = await auditCount();
      const again = await send(creation, key, body);
      expect({ route: creation.route, status: again.status }).toEqual({
        route: creation.route,
        status: first.status,
      });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(first.headers.location);
      expect(again.headers.etag).toBe(first.headers.etag);
      const expected =
        creation.route === 'POST /v1/me/api-tokens'
          ? // The secret is shown once: a repeat says the token exists, without it.
            { ...(first.body as object), token: undefined }
          : creation.route === 'POST /v1/me/calendar-links'
            ? { ...(first.body as object), url: undefined }
            : creation.route.startsWith('POST /v1/programmes/:id/webhooks') &&
                'secret' in (first.body as object)
              ? { ...(first.body as object), secret: undefined }
              : first.body;
      expect({ route: creation.route, body: again.body }).toEqual({
        route: creation.route,
        body: expected,
      });
      expect({ route: creation.route, events: await auditCount() }).toEqual({
        route: creation.route,
        events,
      });
    }
  });

  it('creates once when 20 retries of one comment arrive at the same time', async () => {
    const key = randomUUID();
    const body = { body: `Twintig keer ${unique()}` };
    const responses: Response[] = await Promise.all(
      Array.from({ length: 20 }, () =>
        http()
          .post(`/v1/actions/${actionId}/comments`)
          .set('Authorization', `Bearer ${cast.liaison.token}`)
          .set('Idempotency-Key', key)
          .send(body),
      ),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => ![201, 409].includes(status))).toEqual([]);
    const originals = responses.filter(
      (res) => res.status === 201 && res.headers['idempotent-replayed'] === undefined,
    );
    expect(originals).toHaveLength(1);
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
      expect(res.headers['retry-after']).toBe('1');
    }
    for (const res of responses.filter((r) => r.status === 201))
      expect(res.body).toEqual(originals[0].body);
    const [{ count }] = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM comments WHERE body = $1',
      [body.body],
    );
    expect(count).toBe(1);
    // A retry after they all settled gets the first answer.
    const later = await http()
      .post(`/v1/actions/${actionId}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.body).toEqual(originals[0].body);
  });

  it('posts one progress update for concurrent retries of the one-statement update', async () => {
    const key = randomUUID();
    const before = await version(actionId);
    const narrative = `Eén keer ${unique()}`;
    const responses: Response[] = await Promise.all(
      Array.from({ length: 10 }, () =>
        http()
          .post(`/v1/actions/${actionId}/progress-updates`)
          .set('Authorization', `Bearer ${cast.editor.token}`)
          .set('If-Match', `"${before}"`)
          .set('Idempotency-Key', key)
          .send({ narrative }),
      ),
    );
    expect(responses.map((res) => res.status).filter((s) => ![201, 409].includes(s))).toEqual([]);
    expect(await version(actionId)).toBe(before + 1);
    // A retry with the If-Match it was sent with is answered, not refused as stale (412).
    const retry = await http()
      .post(`/v1/actions/${actionId}/progress-updates`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${before}"`)
      .set('Idempotency-Key', key)
      .send({ narrative })
      .expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(`"${before + 1}"`);
  });

  it('refuses the same key with another request with 422, and changes nothing', async () => {
    const key = randomUUID();
    await http()
      .post(`/v1/actions/${actionId}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .set('Idempotency-Key', key)
      .send({ body: 'Eerste' })
      .expect(201);
    const events = await auditCount();
    const other = await http()
      .post(`/v1/actions/${actionId}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .set('Idempotency-Key', key)
      .send({ body: 'Tweede' })
      .expect(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await auditCount()).toBe(events);
  });

  it('takes another uploaded file with the same key for another request (422)', async () => {
    const key = randomUUID();
    const upload = (csv: string) =>
      http()
        .post(`/v1/programmes/${cast.programmeId}/imports`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
        .set('Idempotency-Key', key)
        .attach('file', Buffer.from(csv), 'acties.csv');
    await upload('Titel;Deadline\r\nEerste;31-12-2030\r\n').expect(202);
    const other = await upload('Titel;Deadline\r\nTweede;31-12-2030\r\n').expect(422);
    expect(other.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps no plain hash of a body that holds a secret', async () => {
    const key = randomUUID();
    const body = {
      email: `geheim-${unique()}@example.nl`,
      displayName: 'Geheim',
      organisationId: cast.owner.id,
      password: `Eerste wachtwoord ${unique()}`,
    };
    await http()
      .post('/v1/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const [row] = await db.query<{ fingerprint: string; body: unknown }[]>(
      'SELECT fingerprint, body FROM idempotency_keys WHERE key = $1',
      [key],
    );
    // What a reader of the table could test a guessed password against, were it a bare hash.
    const plain = createHash('sha256')
      .update(canonicalize({ method: 'POST', path: '/v1/users', query: {}, body }) ?? '')
      .digest('hex');
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(row.fingerprint).not.toBe(plain);
    expect(JSON.stringify(row.body)).not.toContain(body.password);
  });

  it('scopes a key to the caller and the route', async () => {
    const key = randomUUID();
    const comment = (actor: { token: string }, action: string) =>
      http()
        .post(`/v1/actions/${action}/comments`)
        .set('Authorization', `Bearer ${actor.token}`)
        .set('Idempotency-Key', key)
        .send({ body: 'Zelfde sleutel' });
    const a = await comment(cast.liaison, actionId).expect(201);
    const b = await comment(cast.editor, actionId).expect(201);
    const other = (await new TrackingFixtures(app).action(cast.editor, actionBody('Ander pad')))
      .body.id as string;
    const c = await comment(cast.liaison, other).expect(201);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(3);
    for (const res of [a, b, c]) expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not use up a key on a request that failed', async () => {
    const key = randomUUID();
    // Mentioning someone who is no member fails inside the transaction, after the key was taken.
    const failed = await http()
      .post(`/v1/actions/${actionId}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .set('Idempotency-Key', key)
      .send({ body: 'Met vermelding', mentionedUserIds: [randomUUID()] })
      .expect(400);
    expect(failed.body.code).toBe('VALIDATION_FAILED');
    const rows = await db.query<unknown[]>('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
    expect(rows).toEqual([]);
    // A refused caller (403) does not record it either; the corrected request then goes through.
    await http()
      .post(`/v1/actions/${actionId}/comments`)
      .set('Authorization', `Bearer ${cast.viewer.token}`)
      .set('Idempotency-Key', key)
      .send({ body: 'Met vermelding' })
      .expect(403);
    await http()
      .post(`/v1/actions/${actionId}/comments`)
      .set('Authorization', `Bearer ${cast.liaison.token}`)
      .set('Idempotency-Key', key)
      .send({ body: 'Met vermelding', mentionedUserIds: [cast.editor.userId] })
      .expect(201);
  });

  it('does not use up a key on a progress update that lost the race for its version', async () => {
    const key = randomUUID();
    const before = await version(actionId);
    const narrative = `Verloren race ${unique()}`;
    // Another writer holds the action and moves its version, uncommitted for now.
    const other = new Client({ connectionString: process.env.SBT_TEST_DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('UPDATE actions SET version = version + 1 WHERE id = $1', [actionId]);
      const post = http()
        .post(`/v1/actions/${actionId}/progress-updates`)
        .set('Authorization', `Bearer ${cast.editor.token}`)
        .set('If-Match', `"${before}"`)
        .set('Idempotency-Key', key)
        .send({ narrative })
        .then((res) => res);
      // The update read the old version, took the key and now waits for the row.
      await eventually(
        async () =>
          (
            await other.query(
              `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND a.datname = current_database()`,
            )
          ).rows.length > 0 || undefined,
        10_000,
        10,
      );
      await other.query('COMMIT');
      const lost = await post;
      expect(lost.status).toBe(412);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
    const rows = await db.query<unknown[]>('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
    expect(rows).toEqual([]);
    // The retry with the version it now sees goes through with the same key.
    const retry = await http()
      .post(`/v1/actions/${actionId}/progress-updates`)
      .set('Authorization', `Bearer ${cast.editor.token}`)
      .set('If-Match', `"${before + 1}"`)
      .set('Idempotency-Key', key)
      .send({ narrative })
      .expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps a key for 24 hours, then lets it be used afresh', async () => {
    const key = randomUUID();
    const body = { body: `Verloopt ${unique()}` };
    const comment = () =>
      http()
        .post(`/v1/actions/${actionId}/comments`)
        .set('Authorization', `Bearer ${cast.liaison.token}`)
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
    const first = await comment();
    const [row] = await db.query<{ hours: number }[]>(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours
         FROM idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(Number(row.hours)).toBe(24);
    await db.query(
      `UPDATE idempotency_keys SET created_at = created_at - interval '25 hours',
              expires_at = expires_at - interval '25 hours' WHERE key = $1`,
      [key],
    );
    const afterExpiry = await comment();
    expect(afterExpiry.headers['idempotent-replayed']).toBeUndefined();
    expect(afterExpiry.body.id).not.toBe(first.body.id);
  });

  it('has the worker delete expired keys, and only those', async () => {
    const comment = (key: string) =>
      http()
        .post(`/v1/actions/${actionId}/comments`)
        .set('Authorization', `Bearer ${cast.liaison.token}`)
        .set('Idempotency-Key', key)
        .send({ body: `Opruimen ${key}` })
        .expect(201);
    const [expired, live] = [randomUUID(), randomUUID()];
    await comment(expired);
    await comment(live);
    await db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [expired],
    );
    const logs = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new IdempotencyKeysPurgeProcessor(app.get(IdempotencyKeys)).process();
      expect(logs).toHaveBeenCalledWith(
        expect.objectContaining({ event: 'idempotency_keys_purged', purged: 1 }),
        expect.any(String),
      );
    } finally {
      logs.mockRestore();
    }
    const left = await db.query<{ key: string }[]>(
      'SELECT key FROM idempotency_keys WHERE key = ANY($1)',
      [[expired, live]],
    );
    expect(left.map((row) => row.key)).toEqual([live]);
  });

  it('says so when the first request committed but its answer was not kept', async () => {
    const key = randomUUID();
    const body = { body: `Verloren antwoord ${unique()}` };
    const comment = () =>
      http()
        .post(`/v1/actions/${actionId}/comments`)
        .set('Authorization', `Bearer ${cast.liaison.token}`)
        .set('Idempotency-Key', key)
        .send(body);
    await comment().expect(201);
    // As if the process had died between the commit and storing the answer.
    await db.query(
      'UPDATE idempotency_keys SET status = NULL, headers = NULL, body = NULL WHERE key = $1',
      [key],
    );
    const soon = await comment().expect(409);
    expect(soon.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    await db.query(
      `UPDATE idempotency_keys SET created_at = created_at - interval '6 minutes' WHERE key = $1`,
      [key],
    );
    const later = await comment().expect(409);
    expect(later.body.code).toBe('IDEMPOTENCY_KEY_USED');
    const [{ count }] = await db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM comments WHERE body = $1',
      [body.body],
    );
    expect(count).toBe(1);
  });

  it('refuses a key that is not 1 to 255 visible ASCII characters', async () => {
    for (const key of ['x'.repeat(256), 'met spatie', 'sleutél']) {
      const res = await http()
        .post(`/v1/actions/${actionId}/comments`)
        .set('Authorization', `Bearer ${cast.liaison.token}`)
        .set('Idempotency-Key', key)
        .send({ body: 'Sleutel' });
      expect({ key, status: res.status }).toEqual({ key, status: 400 });
      expect(res.body.invalidParams).toEqual([
        { name: 'Idempotency-Key', reason: expect.any(String) },
      ]);
    }
  });
});
