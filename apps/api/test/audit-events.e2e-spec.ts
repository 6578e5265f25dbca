import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import {
  AuditContext,
  type AuditEventInput,
  AuditEventsRepository,
  AuditService,
  EXPORT_BATCH_SIZE,
} from '@app/audit';
import { Clock } from '@app/core';
import { startApi } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

/** Instants of this file's events: in the future, so no other event shares them. */
const T0 = '2031-03-01T10:00:00.000Z';
const T1 = '2031-03-01T11:00:00.000Z';
const T2 = '2031-03-01T12:00:00.000Z';
const FORMULA = '=HYPERLINK("http://evil.example","open")';

describe('reading the audit log: /v1/audit-events', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let admin: Actor, coordinator: Actor, otherCoordinator: Actor, viewer: Actor, outsider: Actor;
  let p1: string, p2: string, big: string;
  let coordinatorToken: string, viewerToken: string, tokenId: string;
  /** Sequences as numbers, by name, and P1's newest first. */
  const seq: Record<string, number> = {};
  let p1Newest: number[];
  let bigCount: number;

  const get = (path: string, token?: string): Promise<Response> => {
    const call = request(app.getHttpServer()).get(path);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };
  const sequences = (res: Response): number[] =>
    (res.body.data as { sequence: number }[]).map((event) => event.sequence);
  const pathOf = (href: string) => new URL(href).pathname + new URL(href).search;
  const expectProblem = (res: Response, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });

  /** Records through the real AuditService, as of `at`, from `origin`. */
  async function record(at: string, events: AuditEventInput[], userAgent: string | null = null) {
    const clock = jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date(at));
    const origin = { clientAddress: '192.0.2.7', userAgent, requestId: null, traceId: null };
    try {
      return await AuditContext.run(origin, () =>
        db.transaction((manager) => app.get(AuditService).recordMany(manager, events)),
      );
    } finally {
      clock.mockRestore();
    }
  }

  async function apiToken(actor: Actor, programmeId: string): Promise<[string, string]> {
    const token = `sbt_${randomBytes(32).toString('base64url')}`;
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO api_tokens (user_id, programme_id, name, scope, token_hash, token_prefix)
       VALUES ($1, $2, 'audit-e2e', 'read', $3, $4) RETURNING id`,
      [
        actor.userId,
        programmeId,
        createHash('sha256').update(token).digest('hex'),
        token.slice(0, 12),
      ],
    );
    return [token, row.id];
  }

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    const fixtures = new IdentityFixtures(app);
    const [orgA, orgB] = [await fixtures.organisation(), await fixtures.organisation()];
    [p1, p2, big] = [
      (await fixtures.programme()).id,
      (await fixtures.programme()).id,
      (await fixtures.programme()).id,
    ];
    admin = await fixtures.user({ isPlatformAdmin: true });
    coordinator = await fixtures.user({ organisationId: orgA.id });
    otherCoordinator = await fixtures.user({ organisationId: orgB.id });
    viewer = await fixtures.user({ organisationId: orgA.id });
    outsider = await fixtures.user();
    await fixtures.member(p1, coordinator.userId, 'coordinator');
    await fixtures.member(p2, coordinator.userId, 'viewer');
    await fixtures.member(p2, otherCoordinator.userId, 'coordinator');
    await fixtures.member(p1, viewer.userId, 'viewer');
    [coordinatorToken, tokenId] = await apiToken(coordinator, p1);
    [viewerToken] = await apiToken(viewer, p1);
    const by = (actor: Actor) => ({
      type: 'user' as const,
      id: actor.userId,
      organisationId: actor.organisationId,
    });

    [seq.created] = (
      await record(T0, [
        {
          operation: 'create',
          entityType: 'programme',
          entityId: p1,
          programmeId: p1,
          actor: by(coordinator),
        },
      ])
    ).map(Number);
    [seq.trackUpdated, seq.otherProgramme, seq.login] = (
      await record(T1, [
        {
          operation: 'update',
          entityType: 'track',
          entityId: 'track-1',
          programmeId: p1,
          actor: by(coordinator),
          changes: { title: { old: 'Wonen', new: 'Wonen en zorg' } },
        },
        {
          operation: 'update',
          entityType: 'programme',
          entityId: p2,
          programmeId: p2,
          actor: by(otherCoordinator),
        },
        {
          operation: 'login',
          entityType: 'user',
          entityId: coordinator.userId,
          actor: by(coordinator),
        },
      ])
    ).map(Number);
    const t2 = (
      await record(
        T2,
        [
          {
            operation: 'delete',
            entityType: 'track',
            entityId: FORMULA,
            programmeId: p1,
            actor: { type: 'api_token', id: tokenId, organisationId: coordinator.organisationId },
            details: { note: 'removed, "as agreed"' },
          },
          ...[1, 2, 3].map((n) => ({
            operation: 'status_change' as const,
            entityType: 'action',
            entityId: `action-${n}`,
            programmeId: p1,
            actor: by(coordinator),
          })),
        ],
        '-injected agent',
      )
    ).map(Number);
    seq.trackDeleted = t2[0];
    p1Newest = [...t2].reverse().concat(seq.trackUpdated, seq.created);

    bigCount = 2 * EXPORT_BATCH_SIZE + 1;
    await record(
      T0,
      Array.from({ length: bigCount }, (_, n) => ({
        operation: 'update' as const,
        entityType: 'action',
        entityId: `bulk-${n}`,
        programmeId: big,
      })),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  describe('the list', () => {
    it('answers events newest first, with actor, origin and chain fields', async () => {
      const res = await get(`/v1/audit-events?programme=${p1}`, admin.token);
      expect(res.status).toBe(200);
      expect(sequences(res)).toEqual(p1Newest);
      const updated = (res.body.data as { sequence: number }[]).find(
        (event) => event.sequence === seq.trackUpdated,
      );
      expect(updated).toEqual({
        sequence: seq.trackUpdated,
        occurredAt: T1,
        actor: { type: 'user', id: coordinator.userId, organisationId: coordinator.organisationId },
        origin: { clientAddress: '192.0.2.7', userAgent: null, requestId: null, traceId: null },
        operation: 'update',
        result: 'success',
        entityType: 'track',
        entityId: 'track-1',
        programmeId: p1,
        changes: { title: { old: 'Wonen', new: 'Wonen en zorg' } },
        details: null,
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it.each([
      ['entityType=track', () => [seq.trackDeleted, seq.trackUpdated]],
      ['entityId=track-1', () => [seq.trackUpdated]],
      ['operation=delete', () => [seq.trackDeleted]],
      [
        'occurredFrom=2031-03-01T11:00:00Z&occurredTo=2031-03-01T12:00:00Z',
        () => [seq.trackUpdated],
      ],
      ['occurredFrom=2031-03-01T12:00:00.000%2B01:00', () => p1Newest.slice(0, 5)],
    ])('filters on %s (from inclusive, to exclusive)', async (filter, expected) => {
      const res = await get(`/v1/audit-events?programme=${p1}&${filter}`, admin.token);
      expect(res.status).toBe(200);
      expect(sequences(res)).toEqual(expected());
    });

    it('filters on the actor and on the actor organisation', async () => {
      const byToken = await get(`/v1/audit-events?actor=${tokenId}`, admin.token);
      expect(sequences(byToken)).toEqual([seq.trackDeleted]);
      const byOrganisation = await get(
        `/v1/audit-events?organisation=${otherCoordinator.organisationId}`,
        admin.token,
      );
      expect(sequences(byOrganisation)).toEqual([seq.otherProgramme]);
    });

    it('pages with a limit and _links that lead onwards and back', async () => {
      const first = await get(`/v1/audit-events?programme=${p1}&limit=4`, coordinator.token);
      expect(sequences(first)).toEqual(p1Newest.slice(0, 4));
      expect(first.body._links.prev).toBeUndefined();
      const second = await get(pathOf(first.body._links.next.href), coordinator.token);
      expect(sequences(second)).toEqual(p1Newest.slice(4));
      expect(second.body._links.next).toBeUndefined();
      const back = await get(pathOf(second.body._links.prev.href), coordinator.token);
      expect(sequences(back)).toEqual(p1Newest.slice(0, 4));
    });

    it.each([
      ['actor=me', ['actor']],
      ['organisation=1&programme=x', ['organisation', 'programme']],
      ['operation=drop_table', ['operation']],
      ['occurredFrom=2031-03-01', ['occurredFrom']],
      [`occurredFrom=${T1}&occurredTo=${T0}`, ['occurredTo']],
      ['entityType=Track&limit=201', ['entityType', 'limit']],
      ['sort=sequence', ['sort']],
    ])('refuses %s with 400 naming each parameter', async (query, names) => {
      const res = await get(`/v1/audit-events?${query}`, admin.token);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      const invalid = (res.body.invalidParams as { name: string }[]).map((param) => param.name);
      expect([...new Set(invalid)].sort()).toEqual(names);
    });

    it('refuses a tampered cursor, and one of another list, with 400', async () => {
      const forged = Buffer.from(JSON.stringify(['n', '-sequence', ['1 OR 1=1']])).toString(
        'base64url',
      );
      expectProblem(
        await get(`/v1/audit-events?cursor=${forged}`, admin.token),
        400,
        'INVALID_CURSOR',
      );
      const organisations = await get('/v1/organisations?limit=1', admin.token);
      const foreign = new URL(organisations.body._links.next.href).searchParams.get('cursor');
      expectProblem(
        await get(`/v1/audit-events?cursor=${foreign}`, admin.token),
        400,
        'INVALID_CURSOR',
      );
    });
  });

  describe('who sees what', () => {
    it('shows a platform administrator events outside programmes, such as log-ins', async () => {
      const res = await get(
        `/v1/audit-events?operation=login&entityId=${coordinator.userId}`,
        admin.token,
      );
      expect(sequences(res)).toEqual([seq.login]);
    });

    it('shows a coordinator only the programmes they coordinate: no log-ins, no other programme', async () => {
      const res = await get('/v1/audit-events?limit=200', coordinator.token);
      expect(res.status).toBe(200);
      expect(sequences(res)).toEqual(p1Newest);
    });

    it('answers a programme filter like a programme route: 404 outside it, 403 below coordinator', async () => {
      expectProblem(
        await get(`/v1/audit-events?programme=${big}`, coordinator.token),
        404,
        'PROGRAMME_NOT_FOUND',
      );
      expectProblem(
        await get(`/v1/audit-events?programme=${p2}`, coordinator.token),
        403,
        'FORBIDDEN',
      );
      const other = await get(`/v1/audit-events?programme=${p2}`, otherCoordinator.token);
      expect(sequences(other)).toEqual([seq.otherProgramme]);
    });

    it('refuses people who coordinate nothing with 403, and anonymous callers with 401', async () => {
      expectProblem(await get('/v1/audit-events', viewer.token), 403, 'FORBIDDEN');
      expectProblem(await get('/v1/audit-events', outsider.token), 403, 'FORBIDDEN');
      expectProblem(await get('/v1/audit-events'), 401, 'UNAUTHENTICATED');
    });

    it("lets a coordinator's read token read its programme only, and a viewer's token nothing", async () => {
      expect(sequences(await get('/v1/audit-events?limit=200', coordinatorToken))).toEqual(
        p1Newest,
      );
      expectProblem(
        await get(`/v1/audit-events?programme=${p2}`, coordinatorToken),
        404,
        'PROGRAMME_NOT_FOUND',
      );
      expectProblem(await get('/v1/audit-events', viewerToken), 403, 'FORBIDDEN');
    });

    it('answers one event by sequence, 404 when it is not one the caller may read', async () => {
      const one = await get(`/v1/audit-events/${seq.created}`, coordinator.token);
      expect(one.body).toMatchObject({
        sequence: seq.created,
        operation: 'create',
        programmeId: p1,
      });
      expect((await get(`/v1/audit-events/${seq.login}`, admin.token)).status).toBe(200);
      expectProblem(
        await get(`/v1/audit-events/${seq.login}`, coordinator.token),
        404,
        'AUDIT_EVENT_NOT_FOUND',
      );
      expectProblem(
        await get(`/v1/audit-events/${seq.otherProgramme}`, coordinator.token),
        404,
        'AUDIT_EVENT_NOT_FOUND',
      );
      expectProblem(
        await get('/v1/audit-events/9007199254740991', admin.token),
        404,
        'AUDIT_EVENT_NOT_FOUND',
      );
      expectProblem(await get('/v1/audit-events/first', admin.token), 400, 'VALIDATION_FAILED');
    });
  });

  describe('the CSV export', () => {
    const lines = (res: Response) => res.text.split('\r\n').slice(0, -1);

    it('streams the filtered events as a CSV attachment, formulas neutralised', async () => {
      const res = await get(`/v1/audit-events/export?programme=${p1}`, coordinator.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="audit-events-\d{8}T\d{6}Z\.csv"$/,
      );
      const [header, ...rows] = lines(res);
      expect(header).toBe(
        'sequence,occurredAt,actorType,actorId,actorOrganisationId,clientAddress,userAgent,requestId,traceId,operation,result,entityType,entityId,programmeId,changes,details,prevHash,hash',
      );
      expect(rows.map((row) => Number(row.split(',')[0]))).toEqual(p1Newest);
      const deleted = rows[p1Newest.indexOf(seq.trackDeleted)];
      expect(deleted).toContain(`,"'=HYPERLINK(""http://evil.example"",""open"")",`);
      // A neutralised cell is written quoted (Papa Parse does so).
      expect(deleted).toContain(`,"'-injected agent",`);
      expect(deleted).toContain(`,"{""note"":""removed, \\""as agreed\\""""}",`);
    });

    it('applies the filters and the scoping of the list', async () => {
      const deletes = await get(
        `/v1/audit-events/export?programme=${p1}&operation=delete`,
        admin.token,
      );
      expect(lines(deletes).map((row) => row.split(',')[0])).toEqual([
        'sequence',
        String(seq.trackDeleted),
      ]);
      const mine = await get('/v1/audit-events/export', coordinatorToken);
      expect(
        lines(mine)
          .slice(1)
          .map((row) => Number(row.split(',')[0])),
      ).toEqual(p1Newest);
      expectProblem(await get('/v1/audit-events/export', viewer.token), 403, 'FORBIDDEN');
      expectProblem(
        await get(`/v1/audit-events/export?programme=${big}`, coordinator.token),
        404,
        'PROGRAMME_NOT_FOUND',
      );
      expectProblem(
        await get('/v1/audit-events/export?occurredTo=tomorrow', admin.token),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('reads a large export in batches, every event once, newest first', async () => {
      const res = await get(`/v1/audit-events/export?programme=${big}`, admin.token);
      const numbers = lines(res)
        .slice(1)
        .map((row) => Number(row.split(',')[0]));
      expect(numbers).toHaveLength(bigCount);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    });

    it('cuts the connection, rather than end a truncated file, when the database fails half-way', async () => {
      const repository = app.get(AuditEventsRepository);
      const read = repository.olderThan.bind(repository);
      const spy = jest
        .spyOn(repository, 'olderThan')
        .mockImplementationOnce(read)
        .mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
      try {
        await expect(get(`/v1/audit-events/export?programme=${big}`, admin.token)).rejects.toThrow(
          /aborted|socket hang up|ECONNRESET/,
        );
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('verification', () => {
    it('finds the untouched chain valid, from the start or from a sequence on', async () => {
      const all = await get('/v1/audit-events/verify', admin.token);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ valid: true, from: 1 });
      expect(['none', 'matches']).toContain(all.body.checkpoint.status);
      expect(all.body.lastSequence).toBeGreaterThanOrEqual(seq.trackDeleted);
      expect(all.body.checked).toBe(all.body.lastSequence);
      const since = await get(`/v1/audit-events/verify?from=${seq.login}`, admin.token);
      expect(since.body).toMatchObject({ valid: true, from: seq.login });
      expect(since.body.checked).toBe(since.body.lastSequence - seq.login + 1);
    });

    it('is for platform administrators in person only', async () => {
      expectProblem(await get('/v1/audit-events/verify', coordinator.token), 403, 'FORBIDDEN');
      expectProblem(await get('/v1/audit-events/verify', coordinatorToken), 403, 'FORBIDDEN');
      expectProblem(
        await get('/v1/audit-events/verify?from=0', admin.token),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('times', () => {
    it('never dates an event before the one it follows, whatever the writer’s clock says', async () => {
      const programmeId = randomUUID();
      const event = { operation: 'update' as const, entityType: 'action', programmeId };
      const [later] = await record('2031-06-01T12:00:00.000Z', [event]);
      const [earlierClock] = await record('2031-05-01T12:00:00.000Z', [event]);
      const rows = await db.query<{ sequence: string; at: string }[]>(
        `SELECT sequence, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
           FROM audit_events WHERE programme_id = $1 ORDER BY sequence`,
        [programmeId],
      );
      expect(rows).toEqual([
        { sequence: later, at: '2031-06-01T12:00:00.000Z' },
        { sequence: earlierClock, at: '2031-06-01T12:00:00.000Z' },
      ]);
      const verified = await get('/v1/audit-events/verify', admin.token);
      expect(verified.body).toMatchObject({ valid: true });
    });
  });
});
