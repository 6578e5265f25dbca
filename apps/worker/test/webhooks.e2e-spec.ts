import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { type HostResolver, WebhookTargets, WEBHOOK_TARGETS } from '@app/webhooks';
import { eventually, testEnvironment } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { Actor } from '../../../test/support/identity-fixtures';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';
import { WebhookReceiver } from '../../../test/support/webhook-receiver';
import { recordOutcomes } from '../../../libs/webhooks/src/delivery/delivery-outcomes';

const root = resolve(__dirname, '../../..');

/**
 * Made-up host names for the SSRF stories: one that resolves to a private address, and one
 * that resolves to the receiver when the subscription is saved but elsewhere on delivery.
 */
let rebound = false;
let silentLookups = 0;
const resolver: HostResolver = (hostname) => {
  if (hostname === 'intranet.gemeente.test') {
    return Promise.resolve([{ address: '10.20.30.40', family: 4 as const }]);
  }
  if (hostname === 'wisselend.example.test') {
    return Promise.resolve([
      { address: rebound ? '192.168.1.10' : '127.0.0.1', family: 4 as const },
    ]);
  }
  if (hostname === 'stil.example.test') {
    // Its name server answers when the subscription is saved, then once not at all.
    silentLookups += 1;
    if (silentLookups === 2) return new Promise(() => undefined);
    return Promise.resolve([{ address: '127.0.0.1', family: 4 as const }]);
  }
  if (hostname === 'ontvanger.example.test') {
    return Promise.resolve([{ address: '127.0.0.1', family: 4 as const }]);
  }
  return Promise.reject(
    Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
  );
};
const RULES = { allowHttp: true, allowedNetworks: ['127.0.0.1/32'] };
const withResolver = (builder: TestingModuleBuilder) =>
  builder.overrideProvider(WEBHOOK_TARGETS).useValue(new WebhookTargets(RULES, resolver));

describe('webhooks: signed CloudEvents from the worker', () => {
  const world = new ReminderWorld(
    'webhooks',
    {
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '1500',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1,1,1,1,1,1',
      WORKER_LOCK_DURATION_MS: '3000',
    },
    withResolver,
  );
  const receiver = new WebhookReceiver();
  let base: string;
  let cast: TrackingCast;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The worker killed in the last story is a real process: it runs the built worker (dist/).
    if (
      !existsSync(resolve(root, 'dist/apps/worker/src/main.js')) ||
      process.env.CI_REBUILD !== 'false'
    ) {
      execFileSync(
        process.execPath,
        [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
    }
    await world.start();
    base = await receiver.start();
    cast = await world.cast();
  }, 240_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await receiver.stop();
    await world.stop();
  });
  beforeEach(() => {
    receiver.failWith = null;
    receiver.hold = false;
  });

  const as = (actor: Actor) => ({
    get: (path: string) => world.http().get(path).set('Authorization', `Bearer ${actor.token}`),
    post: (path: string, body: object = {}, ifMatch?: string) => {
      const req = world.http().post(path).set('Authorization', `Bearer ${actor.token}`);
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    },
    patch: (path: string, body: object, ifMatch?: string) => {
      const req = world.http().patch(path).set('Authorization', `Bearer ${actor.token}`);
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    },
  });
  const hooks = () => `/v1/programmes/${cast.programmeId}/webhooks`;

  async function subscribe(body: Record<string, unknown>, actor: Actor = cast.coordinator) {
    const res = await as(actor).post(hooks(), body);
    expect(res.status).toBe(201);
    receiver.secrets.push(res.body.secret);
    return res.body as { id: string; secret: string; version: number };
  }

  const progress = (actionId: string, version: number, body: object) =>
    as(cast.editor).post(`/v1/actions/${actionId}/progress-updates`, body, `"${version}"`);

  it('sends every change as a signed CloudEvent, each once, to a verifying receiver', async () => {
    const hook = await subscribe({
      url: `${base}/sterk-bestuur`,
      description: 'Voortgang naar het VNG-dashboard',
      eventTypes: [
        'nl.sterk-bestuur.action.created',
        'nl.sterk-bestuur.action.progress-posted',
        'nl.sterk-bestuur.action.closed',
        'nl.sterk-bestuur.action.verified',
        'nl.sterk-bestuur.comment.posted',
      ],
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const action = await world.createAction(cast, {
      partners: [{ organisationId: cast.partner.id, role: 'co_owner' }],
    });
    expect(
      (await progress(action.id, 1, { status: 'in_progress', narrative: 'Overleg gestart.' }))
        .status,
    ).toBe(201);
    expect((await progress(action.id, 2, { status: 'met', narrative: 'Afgerond.' })).status).toBe(
      201,
    );
    const comment = await as(cast.liaison).post(`/v1/actions/${action.id}/comments`, {
      body: 'Wij zijn akkoord met de afronding.',
      position: 'supports',
    });
    expect(comment.status).toBe(201);
    expect(
      (await as(cast.coordinator).post(`/v1/actions/${action.id}/verification`, {}, '"3"')).status,
    ).toBe(200);

    const types = [
      'nl.sterk-bestuur.action.created',
      'nl.sterk-bestuur.action.progress-posted',
      'nl.sterk-bestuur.action.progress-posted',
      'nl.sterk-bestuur.action.closed',
      'nl.sterk-bestuur.comment.posted',
      'nl.sterk-bestuur.action.verified',
    ];
    const mine = () => receiver.received.filter((m) => m.event.subject === action.id);
    await eventually(() => mine().length >= types.length, 20_000);
    expect(mine().map((m) => m.event.type)).toEqual(types);
    const [created] = mine();
    expect(created.event).toMatchObject({
      specversion: '1.0',
      source: 'urn:nld:systeem:sterk-bestuur-tracker',
      datacontenttype: 'application/json',
      dataref: expect.stringMatching(new RegExp(`/v1/actions/${action.id}$`)),
      data: { programmeId: cast.programmeId, actionId: action.id },
    });
    expect(created.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(created.id).toBe(created.event.id);
    expect(mine()[4].event.data).toMatchObject({
      position: 'supports',
      commentId: comment.body.id,
    });
    // The log's order: the sequence attribute grows with every event of the subject.
    const sequences = mine().map((m) => m.event.sequence);
    expect([...sequences].sort()).toEqual(sequences);
    expect(receiver.unverified).toBe(0);

    // Received is not yet recorded (outcomes are written in groups): read the log once it is.
    const delivered = await eventually(async () => {
      const log = await as(cast.coordinator).get(`${hooks()}/${hook.id}/deliveries?limit=50`);
      expect(log.status).toBe(200);
      const ofAction = log.body.data.filter(
        (d: { subject: string; state: string }) => d.subject === action.id,
      );
      const recorded =
        ofAction.length >= types.length &&
        ofAction.every((d: { state: string }) => d.state !== 'pending');
      return recorded ? ofAction : undefined;
    }, 10_000);
    expect(delivered).toHaveLength(types.length);
    // One attempt on a quiet machine. On a loaded one the receiver (in this test's process)
    // may answer after WEBHOOK_TIMEOUT_MS (1.5 s here): the sender tries again, and the
    // receiver keeps the message once by its webhook-id, as checked above.
    expect(delivered[0]).toMatchObject({ state: 'delivered', lastStatusCode: 204 });
    expect(delivered[0].attempts).toBeGreaterThanOrEqual(1);
    expect(delivered[0].lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it('pings, redelivers with the same id, and rotates the secret with two valid signatures', async () => {
    const hook = await subscribe({
      url: `${base}/ping`,
      eventTypes: ['nl.sterk-bestuur.commitment.created'],
    });
    const ping = await as(cast.coordinator).post(`${hooks()}/${hook.id}/pings`);
    expect(ping.status).toBe(202);
    await eventually(() => receiver.received.find((m) => m.id === ping.body.eventId), 10_000);
    expect(receiver.received.find((m) => m.id === ping.body.eventId)!.event.type).toBe(
      'nl.sterk-bestuur.webhook.ping',
    );
    // Received is not yet recorded (outcomes are written in groups): sent again once it is.
    await eventually(async () => {
      const res = await as(cast.coordinator).get(
        `${hooks()}/${hook.id}/deliveries/${ping.body.deliveryId}`,
      );
      return res.body.state === 'delivered';
    }, 10_000);

    const again = await as(cast.coordinator).post(
      `${hooks()}/${hook.id}/deliveries/${ping.body.deliveryId}/redeliveries`,
    );
    expect(again.status).toBe(202);
    const before = receiver.duplicates;
    await eventually(() => receiver.duplicates > before, 10_000);

    const rotated = await as(cast.coordinator).post(`${hooks()}/${hook.id}/secret-rotations`, {
      previousSecretValidHours: 1,
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(hook.secret);
    expect(rotated.body.previousSecretExpiresAt).toEqual(expect.any(String));
    // A receiver that still knows only the old secret accepts the messages, as does one that
    // knows only the new one: each message carries both signatures.
    const others = receiver.secrets.filter((secret) => secret !== hook.secret);
    receiver.secrets = [...others, hook.secret];
    const second = await as(cast.coordinator).post(`${hooks()}/${hook.id}/pings`);
    await eventually(() => receiver.received.find((m) => m.id === second.body.eventId), 10_000);
    const signature = receiver.received.find((m) => m.id === second.body.eventId)!.headers[
      'webhook-signature'
    ];
    expect(String(signature).split(' ')).toHaveLength(2);
    receiver.secrets = [...others, rotated.body.secret];
    const third = await as(cast.coordinator).post(`${hooks()}/${hook.id}/pings`);
    await eventually(() => receiver.received.find((m) => m.id === third.body.eventId), 10_000);
    expect(receiver.unverified).toBe(0);
  });

  it("lets a coordinator's API token with write scope manage webhooks, nobody else", async () => {
    const tokenOf = async (actor: Actor, scope: 'read' | 'write') => {
      const res = await as(actor).post('/v1/me/api-tokens', {
        name: `Koppeling ${scope}`,
        programmeId: cast.programmeId,
        scope,
      });
      expect(res.status).toBe(201);
      return { token: res.body.token as string } as Actor;
    };
    const body = { url: `${base}/token`, eventTypes: ['nl.sterk-bestuur.commitment.created'] };
    const made = await as(await tokenOf(cast.coordinator, 'write')).post(hooks(), body);
    expect(made.status).toBe(201);
    expect(made.body.madeWithApiToken).toBe(true);
    expect((await as(await tokenOf(cast.coordinator, 'read')).post(hooks(), body)).status).toBe(
      403,
    );
    expect((await as(await tokenOf(cast.editor, 'write')).post(hooks(), body)).status).toBe(403);
    expect((await as(cast.editor).get(hooks())).status).toBe(403);
    expect((await as(cast.outsider).get(hooks())).status).toBe(404);
    const listed = await as(cast.coordinator).get(hooks());
    expect(listed.body.items.map((hook: { id: string }) => hook.id)).toContain(made.body.id);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    const current = await as(cast.coordinator).get(`${hooks()}/${made.body.id}`);
    expect(
      (await as(cast.coordinator).patch(`${hooks()}/${made.body.id}`, { enabled: false }, '"9"'))
        .status,
    ).toBe(412);
    expect(current.get('ETag')).toBe('"1"');
  });

  it('refuses targets inside the network: loopback, metadata, a private DNS name, a redirect', async () => {
    const refuse = async (url: string, code: string) => {
      const res = await as(cast.coordinator).post(hooks(), {
        url,
        eventTypes: ['nl.sterk-bestuur.action.created'],
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
    };
    await refuse('http://127.0.0.2:8080/hook', 'WEBHOOK_TARGET_NOT_PUBLIC');
    await refuse('http://[::1]/hook', 'WEBHOOK_TARGET_NOT_PUBLIC');
    await refuse('http://169.254.169.254/latest/meta-data/', 'WEBHOOK_TARGET_NOT_PUBLIC');
    await refuse('http://[::ffff:169.254.169.254]/', 'WEBHOOK_TARGET_NOT_PUBLIC');
    await refuse('https://intranet.gemeente.test/hook', 'WEBHOOK_TARGET_NOT_PUBLIC');
    await refuse('https://bestaat-niet.example.test/hook', 'WEBHOOK_TARGET_UNRESOLVABLE');
    await refuse('ftp://ontvanger.example.test/hook', 'WEBHOOK_URL_NOT_HTTPS');
    await refuse('http://gebruiker:wachtwoord@ontvanger.example.test/hook', 'WEBHOOK_URL_INVALID');

    // A name that resolved to the receiver when saved, and to a private address on delivery.
    const port = new URL(base).port;
    const rebinding = await subscribe({
      url: `http://wisselend.example.test:${port}/rebind`,
      eventTypes: ['nl.sterk-bestuur.commitment.created'],
    });
    rebound = true;
    try {
      const ping = await as(cast.coordinator).post(`${hooks()}/${rebinding.id}/pings`);
      const failed = await eventually(async () => {
        const res = await as(cast.coordinator).get(
          `${hooks()}/${rebinding.id}/deliveries/${ping.body.deliveryId}`,
        );
        return res.body.lastError ? res.body : undefined;
      }, 10_000);
      expect(failed.lastError).toContain('WEBHOOK_TARGET_NOT_PUBLIC');
      expect(receiver.hits.get('/rebind')).toBeUndefined();
    } finally {
      rebound = false;
    }

    // A redirect is an answer, not a way in: never followed.
    const redirecting = await subscribe({
      url: `${base}/redirect`,
      eventTypes: ['nl.sterk-bestuur.commitment.created'],
    });
    const ping = await as(cast.coordinator).post(`${hooks()}/${redirecting.id}/pings`);
    const answered = await eventually(async () => {
      const res = await as(cast.coordinator).get(
        `${hooks()}/${redirecting.id}/deliveries/${ping.body.deliveryId}`,
      );
      return res.body.lastStatusCode ? res.body : undefined;
    }, 10_000);
    expect(answered).toMatchObject({ state: 'pending', lastStatusCode: 302 });
    expect(answered.lastError).toContain('redirect, not followed');
    expect(receiver.hits.get('/redirected')).toBeUndefined();
    // Both off again, so their retries do not run on through the next stories.
    for (const id of [rebinding.id, redirecting.id]) {
      const current = await as(cast.coordinator).get(`${hooks()}/${id}`);
      expect(
        (
          await as(cast.coordinator).patch(
            `${hooks()}/${id}`,
            { enabled: false },
            current.get('ETag'),
          )
        ).status,
      ).toBe(200);
    }
  });

  it('gets every event to a receiver that was down once it is back, in order per subject', async () => {
    await subscribe({
      url: `${base}/herstel`,
      eventTypes: ['nl.sterk-bestuur.action.progress-posted'],
    });
    receiver.failWith = 503;
    const actions = [await world.createAction(cast), await world.createAction(cast)];
    for (let step = 0; step < 4; step += 1) {
      for (const action of actions) {
        const res = await progress(action.id, step + 1, {
          percentComplete: (step + 1) * 20,
          narrative: `Stap ${step + 1}.`,
        });
        expect(res.status).toBe(201);
      }
    }
    await eventually(() => receiver.requests > 4, 10_000);
    receiver.failWith = null;
    const of = (id: string) =>
      receiver.received.filter((m) => m.path === '/herstel' && m.event.subject === id);
    await eventually(() => actions.every((action) => of(action.id).length === 4), 30_000);
    for (const action of actions) {
      expect(of(action.id).map((m) => m.event.data.changes)).toEqual(
        [20, 40, 60, 80].map((n, i) => ({ percentComplete: { old: i * 20, new: n } })),
      );
    }
  });

  it('switches a webhook off after its last retry and tells its owner', async () => {
    const hook = await subscribe({
      url: `${base}/kapot`,
      eventTypes: ['nl.sterk-bestuur.commitment.created'],
    });
    receiver.failWith = 500;
    await as(cast.coordinator).post(`${hooks()}/${hook.id}/pings`);
    const off = await eventually(async () => {
      const res = await as(cast.coordinator).get(`${hooks()}/${hook.id}`);
      return res.body.enabled === false ? res.body : undefined;
    }, 30_000);
    expect(off.disabledReason).toContain('failed 7 times');
    expect(off.disabledBy).toBe('deliveries_failed');
    const notified = await eventually(async () => {
      const res = await as(cast.coordinator).get('/v1/me/notifications?limit=50');
      return res.body.data.find((n: { kind: string }) => n.kind === 'webhook_disabled');
    }, 15_000);
    expect(notified).toBeTruthy();
    const [audit] = await world.dataSource.query(
      `SELECT details FROM audit_events WHERE entity_type = 'webhook_subscription' AND entity_id = $1
        AND changes->'enabled'->>'new' = 'false'`,
      [hook.id],
    );
    expect(audit.details).toMatchObject({ reason: 'deliveries_failed' });

    // Back on, with the receiver repaired: the delivery that switched it off goes out after all.
    receiver.failWith = null;
    const before = receiver.received.filter((m) => m.path === '/kapot').length;
    const current = await as(cast.coordinator).get(`${hooks()}/${hook.id}`);
    const on = await as(cast.coordinator).patch(
      `${hooks()}/${hook.id}`,
      { enabled: true },
      current.get('ETag'),
    );
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null, disabledBy: null });
    await eventually(
      () => receiver.received.filter((m) => m.path === '/kapot').length > before,
      15_000,
    );
  });

  it('gives up on a name server that does not answer within the request timeout, and tries again', async () => {
    const hook = await subscribe({
      url: `http://stil.example.test:${new URL(base).port}/stil`,
      eventTypes: ['nl.sterk-bestuur.commitment.created'],
    });
    await as(cast.coordinator).post(`${hooks()}/${hook.id}/pings`);
    // Without a deadline the attempt waited for ever, and the delivery only went out again
    // when its lease (WEBHOOK_TIMEOUT_MS + 10 s) had run out.
    await eventually(() => receiver.received.some((m) => m.path === '/stil'), 8_000);
    // The receiver has the message before the worker has recorded its answer.
    const recorded = await eventually(async () => {
      const res = await as(cast.coordinator).get(`${hooks()}/${hook.id}/deliveries`);
      return res.body.data[0]?.state === 'pending' ? undefined : res.body.data[0];
    }, 5_000);
    expect(recorded).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(receiver.received.filter((m) => m.path === '/stil')).toHaveLength(1);
  });

  it('records an attempt only while it holds the delivery: a stalled one cannot overwrite the next', async () => {
    const hook = await subscribe({
      url: `${base}/gepauzeerd`,
      eventTypes: ['nl.sterk-bestuur.commitment.created'],
    });
    const current = await as(cast.coordinator).get(`${hooks()}/${hook.id}`);
    await as(cast.coordinator).patch(
      `${hooks()}/${hook.id}`,
      { enabled: false },
      current.get('ETag'),
    );
    // A delivery taken twice: the first taker stalled past its lease, a second took it again.
    const [delivery]: { id: string }[] = await world.dataSource.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, subject,
              sequence, ordinal, event, state, attempts, next_attempt_at, locked_until, created_at)
       VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'webhook.ping', 'test', 1, 0, '{}',
               'pending', 2, now(), now() + interval '1 minute', now())
       RETURNING id`,
      [hook.id],
    );
    const outcome = { statusCode: 500, durationMs: 9_000, error: 'HTTP 500', excerpt: null };
    await recordOutcomes(world.dataSource, [
      { id: delivery.id, attempt: 1, outcome, retrySeconds: 60 },
    ]);
    const [stale] = await world.dataSource.query(
      `SELECT state, last_status_code, locked_until > now() AS held FROM webhook_deliveries WHERE id = $1`,
      [delivery.id],
    );
    expect(stale).toEqual({ state: 'pending', last_status_code: null, held: true });
    const delivered = { statusCode: 204, durationMs: 12, error: null, excerpt: null };
    await recordOutcomes(world.dataSource, [
      { id: delivery.id, attempt: 2, outcome: delivered, retrySeconds: null },
    ]);
    const [current2] = await world.dataSource.query(
      `SELECT state, last_status_code FROM webhook_deliveries WHERE id = $1`,
      [delivery.id],
    );
    expect(current2).toEqual({ state: 'delivered', last_status_code: 204 });
  });

  it('sends nothing more for a coordinator who is no longer one', async () => {
    const demoted = await world.fixtures.identity.user({ organisationId: cast.owner.id });
    const membership = await world.fixtures.identity.member(
      cast.programmeId,
      demoted.userId,
      'coordinator',
    );
    await subscribe(
      { url: `${base}/gedegradeerd`, eventTypes: ['nl.sterk-bestuur.action.created'] },
      demoted,
    );
    const first = await world.createAction(cast);
    await eventually(
      () =>
        receiver.received.some((m) => m.path === '/gedegradeerd' && m.event.subject === first.id),
      15_000,
    );
    await world.dataSource.query(`UPDATE memberships SET role = 'viewer' WHERE id = $1`, [
      membership,
    ]);
    const second = await world.createAction(cast);
    await eventually(async () => {
      const [cursor] = await world.dataSource.query(
        'SELECT sequence::bigint AS s FROM webhook_fanout_cursor',
      );
      const [head] = await world.dataSource.query('SELECT max(sequence) AS s FROM audit_events');
      return BigInt(cursor.s) >= BigInt(head.s);
    }, 15_000);
    const after = await world.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE s.url LIKE '%/gedegradeerd' AND d.subject = $1`,
      [second.id],
    );
    expect(after[0].n).toBe(0);
  });

  it('tells of what the system does too: overdue, escalated, rounds, commitments, ready exports', async () => {
    await world.putPolicy(cast, {
      daysBefore: [],
      onDeadlineDay: false,
      overdueRepeatDays: null,
      staleAfterDays: null,
      updateRoundReminderDaysBefore: 0,
      escalation: [{ level: 'official', afterDays: 0, contactUserIds: [] }],
      skipWeekends: false,
      skipHolidays: false,
      sendHour: 9,
      digest: false,
    });
    await subscribe({
      url: `${base}/systeem`,
      eventTypes: [
        'nl.sterk-bestuur.action.overdue',
        'nl.sterk-bestuur.action.escalated',
        'nl.sterk-bestuur.update-round.opened',
        'nl.sterk-bestuur.commitment.created',
        'nl.sterk-bestuur.report-export.ready',
      ],
    });
    const here = () => receiver.received.filter((m) => m.path === '/systeem');
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    await world.scheduled(cast, action.id, (rows) => 'overdue overdue-0' in rows);
    world.travel('2031-12-09T08:00:05Z');
    await world.reconcile();
    await eventually(
      () =>
        ['nl.sterk-bestuur.action.overdue', 'nl.sterk-bestuur.action.escalated'].every((type) =>
          here().some((m) => m.event.type === type && m.event.subject === action.id),
        ),
      20_000,
    );
    // The earlier stories' actions are overdue in 2031 too: this action's event, by its subject.
    const overdue = here().find(
      (m) => m.event.type === 'nl.sterk-bestuur.action.overdue' && m.event.subject === action.id,
    )!;
    expect(overdue.event.data).toMatchObject({ actionId: action.id, deadline: '2031-12-08' });

    const round = await as(cast.coordinator).post(
      `/v1/programmes/${cast.programmeId}/update-rounds`,
      { title: 'Voortgang december', dueDate: '2031-12-19' },
    );
    expect(round.status).toBe(201);
    const commitment = await as(cast.coordinator).post('/v1/commitments', {
      programmeId: cast.programmeId,
      kind: 'agenda_item',
      title: 'Afspraken over de regio',
    });
    expect(commitment.status).toBe(201);
    const theirs = await as(cast.editor).post('/v1/report-exports', {
      programmeId: cast.programmeId,
      format: 'csv',
    });
    const mine = await as(cast.coordinator).post('/v1/report-exports', {
      programmeId: cast.programmeId,
      format: 'csv',
    });
    expect([theirs.status, mine.status]).toEqual([202, 202]);
    await eventually(
      () =>
        here().some((m) => m.event.subject === round.body.id) &&
        here().some((m) => m.event.subject === commitment.body.id) &&
        here().some((m) => m.event.subject === mine.body.id),
      30_000,
    );
    expect(here().find((m) => m.event.subject === mine.body.id)!.event).toMatchObject({
      type: 'nl.sterk-bestuur.report-export.ready',
      data: { exportId: mine.body.id, format: 'csv' },
    });
    // Somebody else's export is theirs: it is not told to the coordinator's webhook.
    await eventually(async () => {
      const res = await as(cast.editor).get(`/v1/report-exports/${theirs.body.id}`);
      return res.body.status === 'done';
    }, 30_000);
    await world.settled();
    expect(here().some((m) => m.event.subject === theirs.body.id)).toBe(false);
  });

  it('loses nothing when the worker is killed (kill -9) in the middle of deliveries', async () => {
    // The in-process worker stops; a real worker process takes over and is killed.
    await world.worker.close();
    world.worker = undefined as never;
    expect(existsSync(resolve(root, 'dist/apps/worker/src/main.js'))).toBe(true);
    const start = () => {
      const child = spawn(process.execPath, [resolve(root, 'dist/apps/worker/src/main.js')], {
        cwd: root,
        env: { ...process.env, ...testEnvironment(world.env), NODE_OPTIONS: '', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    };
    await subscribe({ url: `${base}/kill`, eventTypes: ['nl.sterk-bestuur.action.created'] });
    receiver.hold = true;
    const first = start();
    const made: { id: string }[] = [];
    for (let i = 0; i < 5; i += 1) made.push(await world.createAction(cast));
    await eventually(() => receiver.heldCount >= 5, 30_000);
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    receiver.dropHeld();
    receiver.hold = false;
    const second = start();
    const got = () =>
      receiver.received.filter((m) => m.path === '/kill').map((m) => m.event.subject);
    await eventually(() => made.every((action) => got().includes(action.id)), 60_000, 200);
    expect(new Set(got()).size).toBe(made.length);
    second.kill('SIGTERM');
    await new Promise((done) => second.once('exit', done));
  }, 120_000);
});
