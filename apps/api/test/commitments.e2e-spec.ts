import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request, { type Response, type Test } from 'supertest';
import { DataSource } from 'typeorm';
import type { ProgrammeRole } from '@app/identity';
import { startApi } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Body = Record<string, unknown>;

const KAMERBRIEF_ROB = {
  document: 'Kabinetsreactie op het ROB-advies «Rol nemen, Ruimte geven»',
  kamerstuk: '29362-296',
  date: '2021-07-06',
  url: 'https://zoek.officielebekendmakingen.nl/kst-29362-296.html',
};
const BRIEF_EERSTE_KAMER = {
  document: 'Brief over een jaar Actieagenda Sterk Bestuur',
  kamerstuk: '29362-M',
  date: '2024-06-12',
  url: null,
};

describe('commitments', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: IdentityFixtures;
  let programme: string;
  let elsewhere: string;
  const org: Record<'bzk' | 'vng' | 'ipo' | 'rob', { id: string; code: string }> = {} as never;
  let coordinator: Actor;
  let editor: Actor;
  let viewer: Actor;
  let liaison: Actor;
  /** A coordinator of another programme only. */
  let outsider: Actor;

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new IdentityFixtures(app);
    org.bzk = await fixtures.organisation('ministry');
    org.vng = await fixtures.organisation('association');
    org.ipo = await fixtures.organisation('association');
    org.rob = await fixtures.organisation('advisory_council');
    programme = (await fixtures.programme()).id;
    elsewhere = (await fixtures.programme()).id;
    const member = async (organisationId: string, programmeId: string, role: ProgrammeRole) => {
      const actor = await fixtures.user({ organisationId });
      await fixtures.member(programmeId, actor.userId, role);
      return actor;
    };
    coordinator = await member(org.bzk.id, programme, 'coordinator');
    editor = await member(org.bzk.id, programme, 'editor');
    viewer = await member(org.ipo.id, programme, 'viewer');
    liaison = await member(org.vng.id, programme, 'liaison');
    outsider = await member(org.bzk.id, elsewhere, 'coordinator');
  });

  afterAll(async () => {
    await app.close();
  });

  function call(
    method: Method,
    path: string,
    actor: Actor | string,
    body?: Body,
    ifMatch?: string,
  ): Test {
    const token = typeof actor === 'string' ? actor : actor.token;
    let req = request(app.getHttpServer())[method](path).set('Authorization', `Bearer ${token}`);
    if (ifMatch !== undefined) req = req.set('If-Match', ifMatch);
    return body === undefined ? req : req.send(body);
  }

  /** One commitment of each kind, as the users of DESIGN §1 would record them. */
  const EXAMPLES = (): Record<string, Body> => ({
    udo_trajectory: {
      kind: 'udo_trajectory',
      title: 'UDO-traject Wet versterking regie volkshuisvesting',
      dateAgreed: '2024-03-14',
      attributes: {
        billOrPolicy: 'Wet versterking regie volkshuisvesting',
        leadMinistryId: org.bzk.id,
        phase: 'design',
        outcome: 'Afspraken over de uitvoeringskosten van de volkshuisvestingsprogramma’s',
      },
      parties: [org.bzk.id, org.vng.id, org.ipo.id],
    },
    bofv_agreement: {
      kind: 'bofv_agreement',
      title: 'De oploop van de opschalingskorting wordt vanaf 2026 definitief geschrapt',
      dateAgreed: '2024-04-15',
      attributes: {
        meetingDate: '2024-04-15',
        financialEffect: { amountEuroPerYear: 675_000_000, fromYear: 2026 },
      },
      parties: [org.bzk.id, org.vng.id, org.ipo.id],
    },
    overhedenoverleg_agreement: {
      kind: 'overhedenoverleg_agreement',
      title: 'Het Overhedenoverleg wordt jaarlijks georganiseerd',
      attributes: { meetingDate: '2023-09-25' },
    },
    rob_recommendation: {
      kind: 'rob_recommendation',
      title: 'Maak voor grote opgaven één minister verantwoordelijk',
      description: 'Om de muren tussen ministeries af te breken.',
      dateAgreed: '2021-07-06',
      attributes: {
        adviceTitle: 'Rol nemen, Ruimte geven',
        recommendationNumber: 2,
        cabinetResponse: 'partially_embraced',
      },
      parties: [org.rob.id, org.bzk.id],
      references: [KAMERBRIEF_ROB],
    },
    parliamentary_pledge: {
      kind: 'parliamentary_pledge',
      title: 'De minister informeert de Kamer jaarlijks over de voortgang van de actieagenda',
      attributes: {
        chamber: 'eerste_kamer',
        pledgeNumber: 'T03519',
        ministerTitle: 'Minister van Binnenlandse Zaken en Koninkrijksrelaties',
      },
      references: [BRIEF_EERSTE_KAMER, KAMERBRIEF_ROB],
    },
    agenda_item: { kind: 'agenda_item', title: 'Een visie op de regio ontwikkelen' },
  });

  async function create(actor: Actor, body: Body, programmeId = programme): Promise<Body> {
    const res = await call('post', '/v1/commitments', actor, { programmeId, ...body });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }

  /** The audit events the request left, by the id its response carries. */
  async function eventsOf(res: Response): Promise<Record<string, any>[]> {
    return db.query(
      `SELECT operation, entity_type, entity_id, programme_id, changes, details
         FROM audit_events WHERE request_id = $1 AND entity_type = 'commitment' ORDER BY sequence`,
      [res.headers['x-request-id']],
    );
  }

  const count = async (programmeId = programme): Promise<number> =>
    Number(
      (await db.query('SELECT count(*) FROM commitments WHERE programme_id = $1', [programmeId]))[0]
        .count,
    );

  describe('recording', () => {
    it('lets a coordinator and an editor record a commitment of every kind', async () => {
      const kinds = Object.entries(EXAMPLES());
      for (const [index, [kind, body]] of kinds.entries()) {
        const actor = index % 2 === 0 ? coordinator : editor;
        const res = await call('post', '/v1/commitments', actor, {
          programmeId: programme,
          ...body,
        });
        expect(res.status).toBe(201);
        expect(res.headers.etag).toBe('"1"');
        expect(res.headers.location).toMatch(new RegExp(`/v1/commitments/${res.body.id}$`));
        expect(res.body).toMatchObject({
          programmeId: programme,
          kind,
          title: body.title,
          description: body.description ?? '',
          dateAgreed: body.dateAgreed ?? null,
          lineage: [],
          laterCommitments: [],
          version: 1,
          _links: { self: { href: res.headers.location } },
        });
        const got = await call('get', `/v1/commitments/${res.body.id}`, viewer).expect(200);
        expect(got.headers.etag).toBe('"1"');
        expect(got.body).toEqual(res.body);
      }
    });

    it('answers parties with code and name, references in order, and attribute defaults', async () => {
      const example = EXAMPLES().rob_recommendation;
      const { attributes } = example as { attributes: Body };
      const created = await create(coordinator, {
        ...example,
        attributes: { ...attributes, cabinetResponse: undefined },
        references: [KAMERBRIEF_ROB, BRIEF_EERSTE_KAMER],
      });
      expect(created.attributes).toEqual({
        adviceTitle: 'Rol nemen, Ruimte geven',
        recommendationNumber: 2,
        cabinetResponse: 'pending',
      });
      expect(created.parties).toEqual(
        expect.arrayContaining([
          { id: org.rob.id, code: org.rob.code, name: `Organisation ${org.rob.code}` },
          { id: org.bzk.id, code: org.bzk.code, name: `Organisation ${org.bzk.code}` },
        ]),
      );
      expect(created.references).toEqual([KAMERBRIEF_ROB, BRIEF_EERSTE_KAMER]);
    });

    const rob = (): Body => ({ programmeId: programme, ...EXAMPLES().rob_recommendation });
    it.each<[string, () => Body, string[]]>([
      ['an unknown kind', () => ({ ...rob(), kind: 'motie' }), ['kind']],
      [
        'attributes of another kind',
        () => ({ ...rob(), attributes: { meetingDate: '2024-04-15' } }),
        ['attributes.adviceTitle', 'attributes.meetingDate', 'attributes.recommendationNumber'],
      ],
      ['an unknown field', () => ({ ...rob(), status: 'open' }), ['status']],
      [
        'an unknown attribute',
        () => ({ ...rob(), attributes: { ...(rob().attributes as Body), ministry: 'BZK' } }),
        ['attributes.ministry'],
      ],
      [
        'a malformed Kamerstuk and url',
        () => ({
          ...rob(),
          references: [{ ...KAMERBRIEF_ROB, kamerstuk: 'kst-29362-296', url: 'javascript:x' }],
        }),
        ['references[0].kamerstuk', 'references[0].url'],
      ],
      ['an overlong title', () => ({ ...rob(), title: 'x'.repeat(301) }), ['title']],
      [
        'a date that does not exist',
        () => ({ ...rob(), dateAgreed: '2021-02-30' }),
        ['dateAgreed'],
      ],
      [
        'an unknown party',
        () => ({ ...rob(), parties: [org.bzk.id, randomUUID()] }),
        ['parties[1]'],
      ],
      [
        'an unknown lead ministry',
        () => ({
          ...EXAMPLES().udo_trajectory,
          programmeId: programme,
          attributes: {
            billOrPolicy: 'Omgevingswet',
            phase: 'decision',
            leadMinistryId: randomUUID(),
          },
        }),
        ['attributes.leadMinistryId'],
      ],
    ])('refuses %s with a 400 naming it, and writes nothing', async (_label, body, names) => {
      const before = await count();
      const res = await call('post', '/v1/commitments', coordinator, body());
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        [...new Set(res.body.invalidParams.map((p: { name: string }) => p.name))].sort(),
      ).toEqual(names);
      expect(await count()).toBe(before);
      expect(await eventsOf(res)).toEqual([]);
    });
  });

  describe('who sees and changes what', () => {
    let commitment: Body;

    beforeAll(async () => {
      commitment = await create(editor, EXAMPLES().rob_recommendation);
    });

    it('lets viewers and liaisons read but not write (403)', async () => {
      const path = `/v1/commitments/${commitment.id as string}`;
      for (const reader of [viewer, liaison]) {
        await call('get', path, reader).expect(200);
        const list = await call('get', `/v1/commitments?programme=${programme}`, reader).expect(
          200,
        );
        expect(list.body.data.map((item: Body) => item.id)).toContain(commitment.id);
        const body = { programmeId: programme, ...EXAMPLES().agenda_item };
        expect((await call('post', '/v1/commitments', reader, body)).status).toBe(403);
        expect((await call('patch', path, reader, { title: 'Anders' }, '"1"')).status).toBe(403);
        expect((await call('delete', path, reader, undefined, '"1"')).status).toBe(403);
      }
    });

    it('answers 404 to a non-member and leaves the commitment out of their lists', async () => {
      const path = `/v1/commitments/${commitment.id as string}`;
      const got = await call('get', path, outsider);
      expect([got.status, got.body.code]).toEqual([404, 'COMMITMENT_NOT_FOUND']);
      const missing = await call('get', `/v1/commitments/${randomUUID()}`, outsider);
      expect([missing.status, missing.body.code]).toEqual([404, 'COMMITMENT_NOT_FOUND']);
      expect((await call('patch', path, outsider, { title: 'Anders' }, '"1"')).status).toBe(404);
      expect((await call('delete', path, outsider, undefined, '"1"')).status).toBe(404);
      const list = await call('get', '/v1/commitments?limit=200', outsider).expect(200);
      expect(list.body.data.filter((item: Body) => item.programmeId === programme)).toEqual([]);
      const asked = await call('get', `/v1/commitments?programme=${programme}`, outsider);
      expect([asked.status, asked.body.code]).toEqual([404, 'PROGRAMME_NOT_FOUND']);
      const body = { programmeId: programme, ...EXAMPLES().agenda_item };
      expect((await call('post', '/v1/commitments', outsider, body)).status).toBe(404);
    });

    it('keeps an API token with read scope to reading its own programme', async () => {
      await fixtures.member(elsewhere, coordinator.userId, 'viewer');
      const theirs = await create(outsider, EXAMPLES().agenda_item, elsewhere);
      const minted = await call('post', '/v1/me/api-tokens', coordinator, {
        name: 'Voortgangsdashboard',
        programmeId: programme,
        scope: 'read',
      }).expect(201);
      const token = minted.body.token as string;
      const list = await call('get', '/v1/commitments?limit=200', token).expect(200);
      expect(new Set(list.body.data.map((item: Body) => item.programmeId))).toEqual(
        new Set([programme]),
      );
      await call('get', `/v1/commitments/${commitment.id as string}`, token).expect(200);
      expect((await call('get', `/v1/commitments/${theirs.id as string}`, token)).status).toBe(404);
      const body = { programmeId: programme, ...EXAMPLES().agenda_item };
      expect((await call('post', '/v1/commitments', token, body)).status).toBe(403);
      const path = `/v1/commitments/${commitment.id as string}`;
      expect((await call('patch', path, token, { title: 'Anders' }, '"1"')).status).toBe(403);
    });
  });

  describe('changing with If-Match', () => {
    it('wants If-Match (428), refuses a stale or foreign tag (412), and moves the version on', async () => {
      const created = await create(coordinator, EXAMPLES().bofv_agreement);
      const path = `/v1/commitments/${created.id as string}`;
      const change = { title: 'Opschalingskorting: oploop vanaf 2026 geschrapt' };
      const missing = await call('patch', path, editor, change);
      expect([missing.status, missing.body.code]).toEqual([428, 'PRECONDITION_REQUIRED']);
      for (const tag of ['*', 'W/"1"', '"2"']) {
        const refused = await call('patch', path, editor, change, tag);
        expect([refused.status, refused.body.code]).toEqual([412, 'VERSION_CONFLICT']);
        expect(await eventsOf(refused)).toEqual([]);
      }
      const changed = await call('patch', path, editor, change, '"1"').expect(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({ ...change, version: 2 });
      const stale = await call('patch', path, editor, { description: 'Later' }, '"1"');
      expect([stale.status, stale.body.code]).toEqual([412, 'VERSION_CONFLICT']);
      const got = await call('get', path, viewer).expect(200);
      expect([got.headers.etag, got.body.title, got.body.description]).toEqual([
        '"2"',
        change.title,
        '',
      ]);
      expect((await call('delete', path, coordinator)).status).toBe(428);
      expect((await call('delete', path, coordinator, undefined, '"1"')).status).toBe(412);
    });

    it('lets exactly one of two changes with the same ETag through', async () => {
      const created = await create(coordinator, EXAMPLES().overhedenoverleg_agreement);
      const path = `/v1/commitments/${created.id as string}`;
      const results = await Promise.all(
        ['Eerste', 'Tweede'].map((word) =>
          call('patch', path, coordinator, { description: `${word} wijziging` }, '"1"'),
        ),
      );
      expect(results.map((res) => res.status).sort()).toEqual([200, 412]);
      const got = await call('get', path, coordinator).expect(200);
      expect(got.body.version).toBe(2);
    });

    it('keeps the kind, and validates new attributes against it', async () => {
      const created = await create(coordinator, EXAMPLES().rob_recommendation);
      const path = `/v1/commitments/${created.id as string}`;
      const kind = await call('patch', path, coordinator, { kind: 'agenda_item' }, '"1"');
      expect(kind.status).toBe(400);
      expect(kind.body.invalidParams).toEqual([
        { name: 'kind', reason: expect.stringContaining('cannot change') },
      ]);
      const other = await call(
        'patch',
        path,
        coordinator,
        { attributes: { meetingDate: '2024-04-15' } },
        '"1"',
      );
      expect(other.status).toBe(400);
      expect(other.body.invalidParams.map((p: { name: string }) => p.name)).toContain(
        'attributes.meetingDate',
      );
      const embraced = {
        adviceTitle: 'Rol nemen, Ruimte geven',
        recommendationNumber: 2,
        cabinetResponse: 'embraced',
      };
      const changed = await call(
        'patch',
        path,
        coordinator,
        {
          attributes: embraced,
          parties: [org.rob.id],
          references: [BRIEF_EERSTE_KAMER],
          dateAgreed: null,
        },
        '"1"',
      ).expect(200);
      expect(changed.body).toMatchObject({
        kind: 'rob_recommendation',
        attributes: embraced,
        parties: [{ id: org.rob.id }],
        references: [BRIEF_EERSTE_KAMER],
        dateAgreed: null,
        version: 2,
      });
    });
  });

  describe('lineage', () => {
    it('links later commitments to earlier ones of the same programme, without cycles', async () => {
      const advice = await create(coordinator, EXAMPLES().rob_recommendation);
      const pledge = await create(editor, {
        ...EXAMPLES().parliamentary_pledge,
        lineage: [{ relation: 'supplements', commitmentId: advice.id }],
      });
      expect(pledge.lineage).toEqual([
        { relation: 'supplements', commitmentId: advice.id, title: advice.title },
      ]);
      const earlier = await call('get', `/v1/commitments/${advice.id as string}`, viewer).expect(
        200,
      );
      expect(earlier.body.laterCommitments).toEqual([
        { relation: 'supplements', commitmentId: pledge.id, title: pledge.title },
      ]);
      const item = await create(coordinator, {
        ...EXAMPLES().agenda_item,
        lineage: [{ relation: 'repeats', commitmentId: pledge.id }],
      });
      const theirs = await create(outsider, EXAMPLES().agenda_item, elsewhere);

      const path = `/v1/commitments/${advice.id as string}`;
      for (const [earlierId, reason] of [
        [advice.id, 'itself'],
        [theirs.id, 'not a commitment of this programme'],
        [randomUUID(), 'not a commitment of this programme'],
        [item.id, 'cycle'],
      ]) {
        const res = await call(
          'patch',
          path,
          coordinator,
          { lineage: [{ relation: 'amends', commitmentId: earlierId }] },
          '"1"',
        );
        expect([res.status, res.body.code]).toEqual([400, 'INVALID_LINEAGE']);
        expect(res.body.invalidParams).toEqual([
          { name: 'lineage[0].commitmentId', reason: expect.stringContaining(reason as string) },
        ]);
        expect(await eventsOf(res)).toEqual([]);
      }
      const used = await call('delete', path, coordinator, undefined, '"1"');
      expect([used.status, used.body.code]).toEqual([409, 'COMMITMENT_IN_USE']);
      // Replacing the lineage wholesale frees the earlier commitment.
      await call(
        'patch',
        `/v1/commitments/${pledge.id as string}`,
        editor,
        { lineage: [] },
        '"1"',
      ).expect(200);
      await call('delete', path, coordinator, undefined, '"1"').expect(204);
      await call('get', path, coordinator).expect(404);
      const after = await call('get', `/v1/commitments/${pledge.id as string}`, viewer).expect(200);
      expect(after.body.lineage).toEqual([]);
    });

    it('keeps a commitment that actions carry out (409)', async () => {
      const created = await create(coordinator, EXAMPLES().udo_trajectory);
      await db.query(
        `INSERT INTO actions (programme_id, commitment_id, title, owner_organisation_id, deadline)
         VALUES ($1, $2, 'Kosten van de volkshuisvestingsprogramma’s in beeld', $3, '2026-12-31')`,
        [programme, created.id, org.bzk.id],
      );
      const res = await call(
        'delete',
        `/v1/commitments/${created.id as string}`,
        coordinator,
        undefined,
        '"1"',
      );
      expect([res.status, res.body.code]).toEqual([409, 'COMMITMENT_IN_USE']);
      expect(await eventsOf(res)).toEqual([]);
      await call('get', `/v1/commitments/${created.id as string}`, coordinator).expect(200);
    });
  });

  describe('the list', () => {
    it('filters by kind, party and title and pages through the rest without gaps', async () => {
      const own = (await fixtures.programme()).id;
      await fixtures.member(own, coordinator.userId, 'coordinator');
      const titles = [
        'Aanbeveling A',
        'aanbeveling b',
        'Aanbeveling C',
        'Toezegging D',
        'Agendapunt E',
      ];
      const examples = EXAMPLES();
      for (const [index, title] of titles.entries()) {
        const example =
          index < 3
            ? examples.rob_recommendation
            : index === 3
              ? examples.parliamentary_pledge
              : examples.agenda_item;
        await create(
          coordinator,
          { ...example, title, parties: index % 2 === 0 ? [org.vng.id] : [] },
          own,
        );
      }
      await fixtures.member(own, viewer.userId, 'viewer');
      const base = `/v1/commitments?programme=${own}&limit=2`;
      const collect = async (url: string): Promise<string[]> => {
        const seen: string[] = [];
        let next: string | undefined = url;
        while (next) {
          const page: Response = await call(
            'get',
            next.replace(/^https?:\/\/[^/]+/, ''),
            viewer.token,
          ).expect(200);
          seen.push(...page.body.data.map((item: Body) => item.title as string));
          next = page.body._links.next?.href;
        }
        return seen;
      };
      expect(await collect(`${base}&sort=title`)).toEqual([
        'Aanbeveling A',
        'aanbeveling b',
        'Aanbeveling C',
        'Agendapunt E',
        'Toezegging D',
      ]);
      expect(await collect(`${base}&kind=rob_recommendation,agenda_item&sort=-title`)).toEqual([
        'Agendapunt E',
        'Aanbeveling C',
        'aanbeveling b',
        'Aanbeveling A',
      ]);
      expect(
        await collect(`${base}&kind=parliamentary_pledge&kind=agenda_item&sort=createdAt`),
      ).toEqual(['Toezegging D', 'Agendapunt E']);
      expect(await collect(`${base}&party=${org.vng.id}&sort=title`)).toEqual([
        'Aanbeveling A',
        'Aanbeveling C',
        'Agendapunt E',
      ]);
      // Every word is a prefix (`b` alone would find any word with a b): a phrase keeps them
      // together.
      expect(await collect(`${base}&q=%22AANBEVELING%20b%22`)).toEqual(['aanbeveling b']);
      expect(await collect(`${base}&q=50%25`)).toEqual([]);
    });

    it.each([['limit=201'], ['sort=deadline'], ['kind=motie'], ['party=bzk'], ['cursor=abc']])(
      'refuses %s with a 400',
      async (query) => {
        const res = await call('get', `/v1/commitments?${query}`, viewer);
        expect(res.status).toBe(400);
      },
    );
  });

  describe('the audit log', () => {
    it('records exactly one event per change, with what changed', async () => {
      const body: Body = { programmeId: programme, ...EXAMPLES().agenda_item };
      const created = await call('post', '/v1/commitments', coordinator, body).expect(201);
      const id = created.body.id as string;
      expect(await eventsOf(created)).toEqual([
        {
          operation: 'create',
          entity_type: 'commitment',
          entity_id: id,
          programme_id: programme,
          changes: {
            kind: { new: 'agenda_item' },
            title: { new: body.title },
            description: { new: '' },
            dateAgreed: { new: null },
            attributes: { new: {} },
            parties: { new: [] },
            references: { new: [] },
            lineage: { new: [] },
          },
          details: { version: 1 },
        },
      ]);
      const changed = await call(
        'patch',
        `/v1/commitments/${id}`,
        editor,
        {
          title: 'Een visie op de regio, met taakdifferentiatie',
          parties: [org.vng.id, org.ipo.id],
        },
        '"1"',
      ).expect(200);
      expect(await eventsOf(changed)).toEqual([
        expect.objectContaining({
          operation: 'update',
          changes: {
            title: { old: body.title, new: 'Een visie op de regio, met taakdifferentiatie' },
            parties: { old: [], new: [org.vng.id, org.ipo.id].sort() },
          },
          details: { version: 2 },
        }),
      ]);
      const deleted = await call('delete', `/v1/commitments/${id}`, coordinator, undefined, '"2"');
      expect(deleted.status).toBe(204);
      const [event, ...more] = await eventsOf(deleted);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        operation: 'delete',
        entity_id: id,
        changes: { title: { old: 'Een visie op de regio, met taakdifferentiatie' } },
      });
    });
  });
});
