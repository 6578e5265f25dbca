import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import type { Actor } from '../../../test/support/identity-fixtures';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

describe('listing actions: GET /v1/actions', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;

  const list = (actor: Actor, query: string) =>
    request(app.getHttpServer())
      .get(`/v1/actions?programme=${cast.programmeId}&${query}`)
      .set('Authorization', `Bearer ${actor.token}`);
  const titles = async (actor: Actor, query: string): Promise<string[]> => {
    const res = await list(actor, query);
    expect(res.status).toBe(200);
    return (res.body.data as { title: string }[]).map((action) => action.title);
  };

  /** Inserts actions straight into the table: the list is what is tested here. */
  async function insert(rows: Record<string, unknown>[]): Promise<void> {
    for (const row of rows) {
      await db.query(
        `INSERT INTO actions (programme_id, track_id, title, description, owner_organisation_id,
           deadline, status, health, closed_at, tags, latest_narrative, commitment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          cast.programmeId,
          cast.trackId,
          row.title,
          row.description ?? '',
          row.owner ?? cast.owner.id,
          row.deadline ?? '2027-01-01',
          row.status ?? 'not_started',
          row.health ?? 'not_set',
          ['met', 'partially_met', 'lapsed'].includes(row.status as string) ? new Date() : null,
          row.tags ?? [],
          row.narrative ?? null,
          row.commitmentId ?? null,
        ],
      );
    }
  }

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    const [commitment]: { id: string }[] = await db.query(
      `INSERT INTO commitments (programme_id, kind, title, attributes)
       VALUES ($1, 'rob_recommendation', 'Rol nemen, Ruimte geven', '{}') RETURNING id`,
      [cast.programmeId],
    );
    await insert([
      {
        title: 'A Wetsvoorstellen toetsen op uitvoerbaarheid',
        deadline: '2025-01-31',
        status: 'in_progress',
        health: 'off_track',
        tags: ['wetgeving'],
      },
      {
        title: 'B Opschalingskorting afschaffen',
        deadline: '2026-01-01',
        status: 'met',
        description: 'Financiële verhoudingen',
        commitmentId: commitment.id,
      },
      {
        title: 'C Jaarlijks Overhedenoverleg voorbereiden',
        deadline: '2027-06-30',
        status: 'in_progress',
        health: 'at_risk',
        narrative: 'De gemeenten vragen meer ruimte voor regionale samenwerking.',
      },
      {
        title: 'D Staat van het Bestuur publiceren',
        deadline: '2026-12-31',
        owner: cast.other.id,
        tags: ['monitor', 'wetgeving'],
      },
    ]);
    await db.query(
      `INSERT INTO action_partners (action_id, organisation_id, role)
       SELECT id, $2, 'contributor' FROM actions WHERE programme_id = $1 AND title LIKE 'C %'`,
      [cast.programmeId, cast.partner.id],
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('filters by status (several), health, owner, partner, tag, commitment kind', async () => {
    expect(await titles(cast.viewer, 'status=in_progress&status=met')).toEqual([
      'A Wetsvoorstellen toetsen op uitvoerbaarheid',
      'B Opschalingskorting afschaffen',
      'C Jaarlijks Overhedenoverleg voorbereiden',
    ]);
    expect(await titles(cast.viewer, 'health=at_risk,off_track')).toHaveLength(2);
    expect(await titles(cast.viewer, `ownerOrganisation=${cast.other.id}`)).toEqual([
      'D Staat van het Bestuur publiceren',
    ]);
    expect(await titles(cast.viewer, `partnerOrganisation=${cast.partner.id}`)).toEqual([
      'C Jaarlijks Overhedenoverleg voorbereiden',
    ]);
    expect(await titles(cast.viewer, 'tag=wetgeving')).toHaveLength(2);
    expect(await titles(cast.viewer, 'commitmentKind=rob_recommendation')).toEqual([
      'B Opschalingskorting afschaffen',
    ]);
  });

  it('derives overdue against today in Amsterdam, and filters deadlines', async () => {
    const res = await list(cast.viewer, 'overdue=true');
    expect(res.body.data.map((a: { title: string }) => a.title)).toEqual([
      'A Wetsvoorstellen toetsen op uitvoerbaarheid',
    ]);
    expect(res.body.data[0].overdue).toBe(true);
    expect(await titles(cast.viewer, 'overdue=false')).toHaveLength(3);
    expect(await titles(cast.viewer, 'deadlineFrom=2026-01-01&deadlineTo=2026-12-31')).toEqual([
      'B Opschalingskorting afschaffen',
      'D Staat van het Bestuur publiceren',
    ]);
  });

  it('searches title, description and the latest narrative in Dutch', async () => {
    // Dutch stemming: "gemeente" finds "gemeenten", "uitvoerbaar" finds "uitvoerbaarheid".
    expect(await titles(cast.viewer, 'q=gemeente')).toEqual([
      'C Jaarlijks Overhedenoverleg voorbereiden',
    ]);
    expect(await titles(cast.viewer, 'q=uitvoerbaar')).toEqual([
      'A Wetsvoorstellen toetsen op uitvoerbaarheid',
    ]);
    expect(await titles(cast.viewer, `q=${encodeURIComponent('"staat van het bestuur"')}`)).toEqual(
      ['D Staat van het Bestuur publiceren'],
    );
  });

  it('sorts by deadline (default), title and updatedAt, either way', async () => {
    expect(await titles(cast.viewer, '')).toEqual([
      'A Wetsvoorstellen toetsen op uitvoerbaarheid',
      'B Opschalingskorting afschaffen',
      'D Staat van het Bestuur publiceren',
      'C Jaarlijks Overhedenoverleg voorbereiden',
    ]);
    expect((await titles(cast.viewer, 'sort=-title'))[0]).toBe(
      'D Staat van het Bestuur publiceren',
    );
    expect(await titles(cast.viewer, 'sort=-updatedAt')).toHaveLength(4);
  });

  it('refuses bad filters with a 400 naming each', async () => {
    const res = await list(
      cast.viewer,
      'status=done&overdue=maybe&deadlineFrom=2026-13-01&limit=201&sort=owner&bogus=1&ownerUser=mine',
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'bogus',
      'deadlineFrom',
      'limit',
      'overdue',
      'ownerUser',
      'status',
    ]);
    const sort = await list(cast.viewer, 'sort=owner');
    expect(sort.status).toBe(400);
  });

  it("lists my actions with ownerUser=me, and a colleague's by their id, in my programmes only", async () => {
    const { id: programmeId } = await fixtures.identity.programme();
    const trackId = await fixtures.track(programmeId, 'Eigen acties');
    const [me, colleague] = [await fixtures.identity.user(), await fixtures.identity.user()];
    await fixtures.identity.member(programmeId, me.userId, 'editor');
    await fixtures.identity.member(programmeId, colleague.userId, 'editor');
    const add = (title: string, ownerUserId: string | null, deadline: string) =>
      db.query(
        `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, owner_user_id, deadline)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [programmeId, trackId, title, cast.owner.id, ownerUserId, deadline],
      );
    await add('Mijn tweede', me.userId, '2027-03-01');
    await add('Mijn eerste', me.userId, '2027-02-01');
    await add('Van de collega', colleague.userId, '2027-01-01');
    await add('Van niemand', null, '2027-01-01');
    // The caller also owns an action in a programme they are no member of (any more).
    const { id: former } = await fixtures.identity.programme();
    await db.query(
      `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, owner_user_id, deadline)
       VALUES ($1, $2, 'Van vroeger', $3, $4, '2027-01-01')`,
      [former, await fixtures.track(former, 'Oud'), cast.owner.id, me.userId],
    );
    const mine = (query: string) =>
      request(app.getHttpServer())
        .get(`/v1/actions?${query}`)
        .set('Authorization', `Bearer ${me.token}`)
        .expect(200)
        .then((res) =>
          (res.body.data as { title: string; ownerUserId: string }[]).map((a) => a.title),
        );

    expect(await mine('ownerUser=me')).toEqual(['Mijn eerste', 'Mijn tweede']);
    expect(await mine(`ownerUser=ME&programme=${programmeId}&sort=-deadline`)).toEqual([
      'Mijn tweede',
      'Mijn eerste',
    ]);
    expect(await mine(`ownerUser=${colleague.userId.toUpperCase()}`)).toEqual(['Van de collega']);
    expect(await mine('ownerUser=me&limit=1')).toEqual(['Mijn eerste']);
  });

  it('shows a stranger nothing of the programme', async () => {
    const { id: elsewhere } = await fixtures.identity.programme();
    const stranger = await fixtures.identity.user();
    await fixtures.identity.member(elsewhere, stranger.userId, 'viewer');
    const res = await list(stranger, '');
    expect(res.status).toBe(404);
    const own = await request(app.getHttpServer())
      .get('/v1/actions')
      .set('Authorization', `Bearer ${stranger.token}`);
    expect(own.body.data).toEqual([]);
  });

  it('pages through 500 actions with inserts in between: no duplicates, no gaps', async () => {
    const { id: programmeId } = await fixtures.identity.programme();
    const trackId = await fixtures.track(programmeId, 'Bulk');
    const reader = await fixtures.identity.user();
    await fixtures.identity.member(programmeId, reader.userId, 'viewer');
    await db.query(
      `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, deadline)
       SELECT $1, $2, 'bulk ' || lpad(g::text, 3, '0'), $3, date '2027-01-01' + (g % 37)
       FROM generate_series(1, 500) g`,
      [programmeId, trackId, cast.owner.id],
    );
    const seen: string[] = [];
    let next: string | undefined = `/v1/actions?programme=${programmeId}&limit=50`;
    let round = 0;
    while (next) {
      const res: request.Response = await request(app.getHttpServer())
        .get(next)
        .set('Authorization', `Bearer ${reader.token}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((a: { title: string }) => a.title));
      // Others keep adding actions, before and after the cursor.
      await db.query(
        `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, deadline)
         VALUES ($1, $2, $3, $4, '2026-06-01'), ($1, $2, $5, $4, '2028-06-01')`,
        [programmeId, trackId, `late early ${round}`, cast.owner.id, `late late ${round}`],
      );
      round += 1;
      next = res.body._links.next
        ? new URL(res.body._links.next.href).pathname + new URL(res.body._links.next.href).search
        : undefined;
    }
    const bulk = seen.filter((title) => title.startsWith('bulk '));
    expect(bulk).toHaveLength(500);
    expect(new Set(bulk).size).toBe(500);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
