import type { NestExpressApplication } from '@nestjs/platform-express';
import jwt from 'jsonwebtoken';
import { randomBytes, randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { asDatabaseOwner, startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A request as sent, with the origin the audit log should have kept for it. */
interface Sent {
  res: Response;
  userAgent: string;
  traceId: string;
}

interface ExpectedEvent {
  operation: string;
  result?: string;
  entityType: string;
  entityId: string | null;
  programmeId?: string | null;
  actor: { type: string; id: string | null; organisationId: string | null };
  changes?: Record<string, unknown> | null;
  details?: Record<string, unknown> | null;
}

const LOOPBACK = /^(::ffff:127\.0\.0\.1|127\.0\.0\.1|::1)$/;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1).toString(36)}`.toUpperCase();
const person = (actor: Actor) => ({
  type: 'user',
  id: actor.userId,
  organisationId: actor.organisationId,
});
const ANONYMOUS = { type: 'anonymous', id: null, organisationId: null };

describe('audit events of identity changes and security events', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: IdentityFixtures;
  let admin: Actor;

  beforeAll(async () => {
    app = await startApi({
      config: testConfig({
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-identity-audit`,
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
        LOGIN_LOCKOUT_SECONDS: '600',
      }),
    });
    db = app.get(DataSource);
    fixtures = new IdentityFixtures(app);
    admin = await fixtures.user({ isPlatformAdmin: true });
  });

  afterAll(async () => {
    await app.close();
  });

  /** Sends like a client: its own user agent and a W3C traceparent; the server names the request. */
  async function send(method: Method, path: string, token?: string, body?: object): Promise<Sent> {
    const userAgent = `identity-audit-e2e/${unique()}`;
    const traceId = randomBytes(16).toString('hex');
    let req = request(app.getHttpServer())
      [method](path)
      .set('User-Agent', userAgent)
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    if (token !== undefined) req = req.set('Authorization', `Bearer ${token}`);
    const res = body === undefined ? await req : await req.send(body);
    return { res, userAgent, traceId };
  }

  /** The events recorded for the request (by the id its response carries), oldest first. */
  async function eventsOf(sent: Sent): Promise<Record<string, any>[]> {
    const requestId = sent.res.headers['x-request-id'];
    expect(requestId).toEqual(expect.any(String));
    return db.query('SELECT * FROM audit_events WHERE request_id = $1 ORDER BY sequence', [
      requestId,
    ]);
  }

  /** Exactly one event for the request, as expected, with the request's origin. */
  async function expectEvent(sent: Sent, expected: ExpectedEvent): Promise<void> {
    const events = await eventsOf(sent);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.client_address).toMatch(LOOPBACK);
    expect({
      operation: event.operation,
      result: event.result,
      entityType: event.entity_type,
      entityId: event.entity_id,
      programmeId: event.programme_id,
      actor: {
        type: event.actor_type,
        id: event.actor_id,
        organisationId: event.actor_organisation_id,
      },
      changes: event.changes,
      details: event.details,
      origin: { userAgent: event.user_agent, requestId: event.request_id, traceId: event.trace_id },
    }).toEqual({
      result: 'success',
      programmeId: null,
      changes: null,
      details: null,
      ...expected,
      origin: {
        userAgent: sent.userAgent,
        requestId: sent.res.headers['x-request-id'],
        traceId: sent.traceId,
      },
    });
  }

  async function expectNoEvent(sent: Sent): Promise<void> {
    expect(await eventsOf(sent)).toEqual([]);
  }

  /**
   * Runs `work` while a trigger (made by the database's owner: the app's runtime role may not)
   * makes every insert into audit_events fail. Files run one at a time, so no other test sees it.
   */
  async function withAuditInsertsRefused<T>(work: () => Promise<T>): Promise<T> {
    const name = `audit_e2e_refuse_${unique().toLowerCase()}`;
    await asDatabaseOwner(async (owner) => {
      await owner.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'audit insert refused by the test'; END $$`,
      );
      await owner.query(
        `CREATE TRIGGER ${name} BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION ${name}()`,
      );
    });
    try {
      return await work();
    } finally {
      await asDatabaseOwner(async (owner) => {
        await owner.query(`DROP TRIGGER ${name} ON audit_events`);
        await owner.query(`DROP FUNCTION ${name}()`);
      });
    }
  }

  describe('organisations', () => {
    it('records a create and an update with their values, and nothing for a rejected change', async () => {
      const code = `A${unique()}`.slice(0, 16);
      const created = await send('post', '/v1/organisations', admin.token, {
        code,
        name: 'Audit Organisatie',
        kind: 'municipality',
      });
      expect(created.res.status).toBe(201);
      const id = created.res.body.id as string;
      await expectEvent(created, {
        operation: 'create',
        entityType: 'organisation',
        entityId: id,
        actor: person(admin),
        changes: {
          code: { new: code },
          name: { new: 'Audit Organisatie' },
          kind: { new: 'municipality' },
        },
      });

      const renamed = await send('patch', `/v1/organisations/${id}`, admin.token, {
        name: 'Gemeente Audit',
        kind: 'municipality',
      });
      expect(renamed.res.status).toBe(200);
      await expectEvent(renamed, {
        operation: 'update',
        entityType: 'organisation',
        entityId: id,
        actor: person(admin),
        changes: { name: { old: 'Audit Organisatie', new: 'Gemeente Audit' } },
      });

      const taken = await fixtures.organisation();
      const duplicate = await send('patch', `/v1/organisations/${id}`, admin.token, {
        code: taken.code,
      });
      expect(duplicate.res.status).toBe(409);
      await expectNoEvent(duplicate);
    });

    it('rolls the change back when its audit event cannot be written', async () => {
      const organisation = await fixtures.organisation();
      const sent = await withAuditInsertsRefused(() =>
        send('patch', `/v1/organisations/${organisation.id}`, admin.token, { name: 'Never saved' }),
      );
      expect(sent.res.status).toBe(500);
      const [row] = await db.query('SELECT name FROM organisations WHERE id = $1', [
        organisation.id,
      ]);
      expect(row.name).toBe(`Organisation ${organisation.code}`);
      await expectNoEvent(sent);
    });
  });

  describe('users and /me', () => {
    it('records an account’s creation, changes, deactivation and password reset, never a password', async () => {
      const organisation = await fixtures.organisation();
      const email = `audit-${unique().toLowerCase()}@example.nl`;
      const password = `Initial ${randomUUID()}`;
      const created = await send('post', '/v1/users', admin.token, {
        email,
        displayName: 'Anna Audit',
        organisationId: organisation.id,
        password,
      });
      expect(created.res.status).toBe(201);
      const id = created.res.body.id as string;
      await expectEvent(created, {
        operation: 'create',
        entityType: 'user',
        entityId: id,
        actor: person(admin),
        changes: {
          email: { new: email },
          displayName: { new: 'Anna Audit' },
          organisationId: { new: organisation.id },
          isActive: { new: true },
          isPlatformAdmin: { new: false },
        },
        details: { canSignIn: true },
      });

      const promoted = await send('patch', `/v1/users/${id}`, admin.token, {
        displayName: 'Anna Beheer',
        isPlatformAdmin: true,
      });
      expect(promoted.res.status).toBe(200);
      await expectEvent(promoted, {
        operation: 'update',
        entityType: 'user',
        entityId: id,
        actor: person(admin),
        changes: {
          displayName: { old: 'Anna Audit', new: 'Anna Beheer' },
          isPlatformAdmin: { old: false, new: true },
        },
      });

      const reset = await send('put', `/v1/users/${id}/password`, admin.token, {
        password: `Reset ${randomUUID()}`,
      });
      expect(reset.res.status).toBe(204);
      await expectEvent(reset, {
        operation: 'password_change',
        entityType: 'user',
        entityId: id,
        actor: person(admin),
        details: { via: 'administrator', revokedSessions: 0 },
      });

      await fixtures.token(id);
      const deactivated = await send('patch', `/v1/users/${id}`, admin.token, { isActive: false });
      expect(deactivated.res.status).toBe(200);
      await expectEvent(deactivated, {
        operation: 'update',
        entityType: 'user',
        entityId: id,
        actor: person(admin),
        changes: { isActive: { old: true, new: false } },
        details: { revokedSessions: 1, revokedApiTokens: 0 },
      });

      const duplicate = await send('post', '/v1/users', admin.token, {
        email,
        displayName: 'Twin',
        organisationId: organisation.id,
      });
      expect(duplicate.res.status).toBe(409);
      await expectNoEvent(duplicate);
      const [all] = await db.query(
        `SELECT string_agg(t::text, ' ') AS text FROM audit_events t WHERE entity_id = $1`,
        [id],
      );
      expect(all.text).not.toContain(password);
      expect(all.text).not.toContain('argon2');
    });

    it('records a change of one’s own name and password as the person', async () => {
      const me = await fixtures.user();
      const renamed = await send('patch', '/v1/me', me.token, { displayName: 'Zelf Gedaan' });
      expect(renamed.res.status).toBe(200);
      await expectEvent(renamed, {
        operation: 'update',
        entityType: 'user',
        entityId: me.userId,
        actor: person(me),
        changes: { displayName: { old: `User ${me.email}`, new: 'Zelf Gedaan' } },
      });

      await fixtures.token(me.userId);
      const changed = await send('put', '/v1/me/password', me.token, {
        currentPassword: me.password,
        newPassword: `Changed ${randomUUID()}`,
      });
      expect(changed.res.status).toBe(204);
      await expectEvent(changed, {
        operation: 'password_change',
        entityType: 'user',
        entityId: me.userId,
        actor: person(me),
        details: { via: 'self', revokedSessions: 1 },
      });
    });
  });

  describe('programmes, tracks and members', () => {
    let coordinator: Actor;
    let programmeId: string;
    const base = () => `/v1/programmes/${programmeId}`;

    beforeAll(async () => {
      coordinator = await fixtures.user();
    });

    it('records a programme’s creation with its first coordinator, and its changes', async () => {
      const slug = `audit-${unique().toLowerCase()}`;
      const created = await send('post', '/v1/programmes', admin.token, {
        name: 'Audit Agenda',
        slug,
        startDate: '2026-01-01',
        coordinatorUserId: coordinator.userId,
      });
      expect(created.res.status).toBe(201);
      programmeId = created.res.body.id as string;
      await expectEvent(created, {
        operation: 'create',
        entityType: 'programme',
        entityId: programmeId,
        programmeId,
        actor: person(admin),
        changes: {
          name: { new: 'Audit Agenda' },
          slug: { new: slug },
          description: { new: '' },
          startDate: { new: '2026-01-01' },
          endDate: { new: null },
          status: { new: 'active' },
          openDataLicence: { new: 'cc0-1.0' },
        },
        details: { coordinatorUserId: coordinator.userId },
      });

      const changed = await send('patch', base(), coordinator.token, {
        endDate: '2027-12-31',
        status: 'closed',
        openDataLicence: 'pdm-1.0',
      });
      expect(changed.res.status).toBe(200);
      await expectEvent(changed, {
        operation: 'update',
        entityType: 'programme',
        entityId: programmeId,
        programmeId,
        actor: person(coordinator),
        changes: {
          endDate: { old: null, new: '2027-12-31' },
          status: { old: 'active', new: 'closed' },
          openDataLicence: { old: 'cc0-1.0', new: 'pdm-1.0' },
        },
      });
    });

    it('records each track created, changed and deleted', async () => {
      const first = await send('post', `${base()}/tracks`, coordinator.token, { name: 'Eerste' });
      const second = await send('post', `${base()}/tracks`, coordinator.token, {
        name: 'Tweede',
        description: 'Lijn twee',
      });
      expect([first.res.status, second.res.status]).toEqual([201, 201]);
      const trackId = second.res.body.id as string;
      const track = { entityType: 'track', programmeId, actor: person(coordinator) };
      await expectEvent(second, {
        ...track,
        operation: 'create',
        entityId: trackId,
        changes: {
          name: { new: 'Tweede' },
          description: { new: 'Lijn twee' },
          position: { new: 1 },
        },
      });

      const moved = await send('patch', `${base()}/tracks/${trackId}`, coordinator.token, {
        name: 'Voorop',
        position: 0,
      });
      expect(moved.res.status).toBe(200);
      await expectEvent(moved, {
        ...track,
        operation: 'update',
        entityId: trackId,
        changes: { name: { old: 'Tweede', new: 'Voorop' }, position: { old: 1, new: 0 } },
      });

      const deleted = await send('delete', `${base()}/tracks/${trackId}`, coordinator.token);
      expect(deleted.res.status).toBe(204);
      await expectEvent(deleted, {
        ...track,
        operation: 'delete',
        entityId: trackId,
        changes: {
          name: { old: 'Voorop' },
          description: { old: 'Lijn twee' },
          position: { old: 0 },
        },
      });
    });

    it('records members added, changed and removed, and nothing when the last coordinator stays', async () => {
      const newcomer = await fixtures.user();
      const member = { entityType: 'programme_member', programmeId, actor: person(coordinator) };
      const added = await send('post', `${base()}/members`, coordinator.token, {
        userId: newcomer.userId,
        role: 'viewer',
      });
      expect(added.res.status).toBe(201);
      const membershipId = added.res.body.id as string;
      await expectEvent(added, {
        ...member,
        operation: 'create',
        entityId: membershipId,
        changes: { userId: { new: newcomer.userId }, role: { new: 'viewer' } },
      });

      const promoted = await send('patch', `${base()}/members/${membershipId}`, coordinator.token, {
        role: 'editor',
      });
      expect(promoted.res.status).toBe(200);
      await expectEvent(promoted, {
        ...member,
        operation: 'update',
        entityId: membershipId,
        changes: { role: { old: 'viewer', new: 'editor' } },
        details: { userId: newcomer.userId },
      });

      const removed = await send('delete', `${base()}/members/${membershipId}`, coordinator.token);
      expect(removed.res.status).toBe(204);
      await expectEvent(removed, {
        ...member,
        operation: 'delete',
        entityId: membershipId,
        changes: { userId: { old: newcomer.userId }, role: { old: 'editor' } },
      });

      const list = await send('get', `${base()}/members`, coordinator.token);
      const own = (list.res.body.data as { id: string; userId: string }[]).find(
        (entry) => entry.userId === coordinator.userId,
      );
      const demoted = await send('patch', `${base()}/members/${own?.id}`, coordinator.token, {
        role: 'viewer',
      });
      expect({ status: demoted.res.status, code: demoted.res.body.code }).toEqual({
        status: 409,
        code: 'LAST_COORDINATOR',
      });
      await expectNoEvent(demoted);
    });

    it('records an API token’s creation and revocation without the token', async () => {
      const created = await send('post', '/v1/me/api-tokens', coordinator.token, {
        name: 'Dashboard',
        programmeId,
        scope: 'read',
      });
      expect(created.res.status).toBe(201);
      const { id, token, tokenPrefix } = created.res.body as Record<string, string>;
      const apiToken = {
        entityType: 'api_token',
        entityId: id,
        programmeId,
        actor: person(coordinator),
      };
      const details = { name: 'Dashboard', scope: 'read', tokenPrefix, expiresAt: null };
      await expectEvent(created, { ...apiToken, operation: 'token_created', details });

      const revoked = await send('delete', `/v1/me/api-tokens/${id}`, coordinator.token);
      expect(revoked.res.status).toBe(204);
      const [{ revoked_at: revokedAt }] = await db.query(
        'SELECT revoked_at FROM api_tokens WHERE id = $1',
        [id],
      );
      await expectEvent(revoked, {
        ...apiToken,
        operation: 'token_revoked',
        changes: { revokedAt: { old: null, new: (revokedAt as Date).toISOString() } },
        details,
      });
      const [row] = await db.query(
        `SELECT string_agg(t::text, ' ') AS text FROM audit_events t WHERE entity_id = $1`,
        [id],
      );
      expect(row.text).not.toContain(token);
    });
  });

  describe('sessions', () => {
    const login = (email: string, password: string) =>
      send('post', '/v1/auth/login', undefined, { email, password });
    const sessionOf = (accessToken: string) => (jwt.decode(accessToken) as { sid: string }).sid;

    it('records a log-in as the person, into the new session', async () => {
      const actor = await fixtures.user();
      const sent = await login(actor.email.toUpperCase(), actor.password);
      expect(sent.res.status).toBe(200);
      await expectEvent(sent, {
        operation: 'login',
        entityType: 'session',
        entityId: sessionOf(sent.res.body.accessToken),
        actor: person(actor),
      });
    });

    it('records failed log-ins anonymously, and the one that starts a lockout, not the refusals after it', async () => {
      const actor = await fixtures.user();
      const failure = (reason: string, entityId: string | null, details: object = {}) => ({
        operation: 'login_failed',
        result: 'failure',
        entityType: 'user',
        entityId,
        actor: ANONYMOUS,
        details: { reason, emailDomain: 'example.nl', ...details },
      });
      const unknown = await login(`nobody-${randomUUID()}@Example.NL`, actor.password);
      expect(unknown.res.status).toBe(401);
      await expectEvent(unknown, failure('unknown_email', null));

      const wrong = await login(actor.email, `${actor.password}?`);
      expect(wrong.res.status).toBe(401);
      await expectEvent(wrong, failure('wrong_password', actor.userId));

      await login(actor.email, 'second wrong password').then((sent) =>
        expect(sent.res.status).toBe(401),
      );
      const third = await login(actor.email, 'third wrong password');
      expect(third.res.status).toBe(401);
      await expectEvent(
        third,
        failure('wrong_password', actor.userId, {
          lockoutStarted: ['account'],
          lockoutSeconds: 600,
        }),
      );
      const locked = await login(actor.email, actor.password);
      expect(locked.res.status).toBe(429);
      await expectNoEvent(locked);

      const inactive = await fixtures.user({ isActive: false });
      const refused = await login(inactive.email, inactive.password);
      expect(refused.res.status).toBe(401);
      await expectEvent(refused, failure('inactive', inactive.userId));
    });

    it('records a log-out as the session’s owner, once', async () => {
      const actor = await fixtures.user();
      const { refreshToken, accessToken } = (await login(actor.email, actor.password)).res.body;
      const logout = () => send('post', '/v1/auth/logout', undefined, { refreshToken });
      const sent = await logout();
      expect(sent.res.status).toBe(204);
      await expectEvent(sent, {
        operation: 'logout',
        entityType: 'session',
        entityId: sessionOf(accessToken),
        actor: person(actor),
      });
      const again = await logout();
      expect(again.res.status).toBe(204);
      await expectNoEvent(again);
    });

    it('records a reused refresh token with the revocation of its session, which sticks', async () => {
      const actor = await fixtures.user();
      const first = (await login(actor.email, actor.password)).res.body;
      const refresh = (refreshToken: string) =>
        send('post', '/v1/auth/refresh', undefined, { refreshToken });
      const rotated = await refresh(first.refreshToken);
      expect(rotated.res.status).toBe(200);
      await expectNoEvent(rotated);

      const reused = await refresh(first.refreshToken);
      expect(reused.res.status).toBe(401);
      await expectEvent(reused, {
        operation: 'refresh_token_reuse',
        result: 'failure',
        entityType: 'session',
        entityId: sessionOf(first.accessToken),
        actor: ANONYMOUS,
        details: { userId: actor.userId, revokedTokens: 2 },
      });
      expect((await refresh(rotated.res.body.refreshToken)).res.status).toBe(401);
      const replayed = await refresh(first.refreshToken);
      expect(replayed.res.status).toBe(401);
      await expectNoEvent(replayed);
    });
  });

  describe('permission denied', () => {
    let programmeId: string;
    let viewer: Actor;

    beforeAll(async () => {
      programmeId = (await fixtures.programme()).id;
      viewer = await fixtures.user();
      await fixtures.member(programmeId, viewer.userId, 'viewer');
    });

    const denial = (route: string, permission: string, decision: string) => ({
      operation: 'permission_denied',
      result: 'denied',
      entityType: 'route',
      entityId: route,
      details: { permission, decision },
    });

    it('records a 403 and a 404 of the access policy, with the route and the programme', async () => {
      const forbidden = await send('patch', `/v1/programmes/${programmeId}`, viewer.token, {
        name: 'Not mine to change',
      });
      expect(forbidden.res.status).toBe(403);
      await expectEvent(forbidden, {
        ...denial('PATCH /v1/programmes/:id', 'programme:manage', 'forbidden'),
        programmeId,
        actor: person(viewer),
      });

      const outsider = await fixtures.user();
      const hidden = await send('get', `/v1/programmes/${programmeId}/tracks`, outsider.token);
      expect(hidden.res.status).toBe(404);
      await expectEvent(hidden, {
        ...denial('GET /v1/programmes/:id/tracks', 'programme:read', 'not_found'),
        programmeId,
        actor: person(outsider),
      });

      const notAdmin = await send('post', '/v1/organisations', viewer.token, {
        code: 'NOPE',
        name: 'Nope',
        kind: 'other',
      });
      expect(notAdmin.res.status).toBe(403);
      await expectEvent(notAdmin, {
        ...denial('POST /v1/organisations', 'platform:admin', 'forbidden'),
        actor: person(viewer),
      });
      const anonymous = await send('get', `/v1/programmes/${programmeId}`);
      expect(anonymous.res.status).toBe(401);
      await expectNoEvent(anonymous);
    });

    it('names an API token as the actor', async () => {
      const coordinator = await fixtures.user();
      await fixtures.member(programmeId, coordinator.userId, 'coordinator');
      const created = await send('post', '/v1/me/api-tokens', coordinator.token, {
        name: 'Read only',
        programmeId,
        scope: 'read',
      });
      const denied = await send(
        'post',
        `/v1/programmes/${programmeId}/tracks`,
        created.res.body.token,
        {
          name: 'Not with a read token',
        },
      );
      expect(denied.res.status).toBe(403);
      await expectEvent(denied, {
        ...denial('POST /v1/programmes/:id/tracks', 'tracks:manage', 'forbidden'),
        programmeId,
        actor: {
          type: 'api_token',
          id: created.res.body.id,
          organisationId: coordinator.organisationId,
        },
      });
    });

    it('still answers 403 when the denial cannot be recorded', async () => {
      const sent = await withAuditInsertsRefused(() =>
        send('patch', `/v1/programmes/${programmeId}`, viewer.token, { name: 'x' }),
      );
      expect({ status: sent.res.status, code: sent.res.body.code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
      await expectNoEvent(sent);
    });
  });
});
