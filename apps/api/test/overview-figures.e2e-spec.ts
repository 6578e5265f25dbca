import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi } from '../../../test/support/e2e';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

type Filters = Record<string, string | string[] | boolean>;

const OPEN = ['not_started', 'in_progress'];
const STATUSES = ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'];
const HEALTHS = ['not_set', 'on_track', 'at_risk', 'off_track'];
const LEVELS = ['official', 'administrative', 'overhedenoverleg', 'none'];
const LIST_KEYS = ['status', 'health', 'escalationLevel'];

/**
 * Filters combined as AND: list filters intersect, equal scalars stay, different scalars match
 * nothing (null).
 */
function combine(base: Filters, extra: Filters): Filters | null {
  const out: Filters = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const had = out[key];
    if (had === undefined) out[key] = value;
    else if (LIST_KEYS.includes(key)) {
      const both = (had as string[]).filter((v) => (value as string[]).includes(v));
      if (both.length === 0) return null;
      out[key] = both;
    } else if (had !== value) return null;
  }
  return out;
}

const query = (filters: Filters): string =>
  Object.entries(filters)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join('&');

/**
 * The overview (issue 18, item 1) links every figure of the summary to the list behind it:
 * for the same filters, the summary's count and the list's length must agree.
 */
describe('overview figures: the summary counts what GET /v1/actions lists', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let cast: TrackingCast;
  let secondTrack: string;

  const get = (path: string) =>
    request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${cast.viewer.token}`);

  /** The length of the list for these filters (one page: the programme is small). */
  async function listed(filters: Filters): Promise<number> {
    const res = await get(
      `/v1/actions?programme=${cast.programmeId}&limit=200&${query(filters)}`,
    ).expect(200);
    expect(res.body._links.next).toBeUndefined();
    return res.body.data.length as number;
  }

  /** Each figure of the summary for `base`, against the list for `base` and the figure's own filters. */
  async function compare(base: Filters): Promise<number> {
    const res = await get(
      `/v1/programmes/${cast.programmeId}/reports/progress/summary?${query(base)}`,
    ).expect(200);
    const s = res.body.summary;
    const figures: [string, number, Filters][] = [
      ['total', s.total, {}],
      ['open', s.open, { status: OPEN }],
      ['overdue', s.overdue, { overdue: true }],
    ];
    for (const status of STATUSES) {
      figures.push([`byStatus.${status}`, s.byStatus[status], { status: [status] }]);
      for (const health of HEALTHS) {
        const cell = s.byStatusAndHealth.find(
          (c: { status: string; health: string }) => c.status === status && c.health === health,
        );
        figures.push([
          `${status}×${health}`,
          cell?.count ?? 0,
          { status: [status], health: [health] },
        ]);
      }
    }
    for (const health of HEALTHS) {
      figures.push([`byHealth.${health}`, s.byHealth[health], { status: OPEN, health: [health] }]);
    }
    for (const level of LEVELS) {
      figures.push([
        `byEscalationLevel.${level}`,
        s.byEscalationLevel[level],
        { status: OPEN, escalationLevel: [level] },
      ]);
    }
    for (const t of s.byTrack) {
      const track = { track: t.track.id as string };
      figures.push([`track ${t.track.name}`, t.total, track]);
      figures.push([`track ${t.track.name} open`, t.open, { ...track, status: OPEN }]);
      figures.push([`track ${t.track.name} overdue`, t.overdue, { ...track, overdue: true }]);
    }
    for (const o of s.byOwnerOrganisation) {
      const owner = { ownerOrganisation: o.organisation.id as string };
      figures.push([`owner ${o.organisation.code}`, o.count, owner]);
      figures.push([`owner ${o.organisation.code} open`, o.open, { ...owner, status: OPEN }]);
      figures.push([
        `owner ${o.organisation.code} overdue`,
        o.overdue,
        { ...owner, overdue: true },
      ]);
    }
    for (const k of s.byCommitmentKind) {
      if (k.kind !== null) figures.push([`kind ${k.kind}`, k.count, { commitmentKind: k.kind }]);
    }
    const differences: string[] = [];
    for (const [name, count, extra] of figures) {
      const filters = combine(base, extra);
      const expected = filters === null ? 0 : await listed(filters);
      if (count !== expected) differences.push(`${name}: summary ${count}, list ${expected}`);
    }
    expect(differences).toEqual([]);
    return s.total as number;
  }

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    const fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    secondTrack = await fixtures.track(cast.programmeId, 'Financiële verhoudingen');
    const kinds = ['udo_trajectory', 'bofv_agreement'];
    const commitments: string[] = [];
    for (const kind of kinds) {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO commitments (programme_id, kind, title, attributes)
         VALUES ($1, $2, $3, '{}') RETURNING id`,
        [cast.programmeId, kind, `Afspraak ${kind}`],
      );
      commitments.push(row.id);
    }
    // Sixty actions spread deterministically over every dimension the overview shows.
    const owners = [cast.owner.id, cast.other.id, cast.partner.id];
    const levels = [null, 'official', null, 'administrative', null, 'overhedenoverleg'];
    for (let i = 0; i < 60; i++) {
      const status = STATUSES[i % 5];
      const closed = !OPEN.includes(status);
      await db.query(
        `INSERT INTO actions (programme_id, track_id, title, owner_organisation_id, deadline,
           status, health, closed_at, escalation_level, commitment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          cast.programmeId,
          i % 3 === 0 ? secondTrack : cast.trackId,
          `Actie ${i}`,
          owners[i % 3],
          i % 4 === 0 ? '2024-03-01' : '2099-03-01',
          status,
          HEALTHS[(i * 7) % 4],
          closed ? new Date() : null,
          levels[i % 6],
          [null, commitments[0], commitments[1]][i % 4 === 3 ? 0 : (i % 7) % 3],
        ],
      );
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it('agrees with the list for every figure, without filters and with each kind of filter', async () => {
    expect(await compare({})).toBe(60);
    expect(await compare({ track: secondTrack })).toBe(20);
    expect(await compare({ ownerOrganisation: cast.other.id })).toBe(20);
    await compare({ status: ['in_progress', 'met'], health: ['at_risk', 'off_track'] });
    await compare({ overdue: true });
    await compare({ escalationLevel: ['official', 'none'] });
    await compare({ commitmentKind: 'udo_trajectory', track: cast.trackId });
    await compare({ escalationLevel: ['administrative'], overdue: false });
  });

  it('filters the list by escalation level, several at once and none, and refuses others', async () => {
    const escalated = await listed({ escalationLevel: ['official', 'administrative'] });
    const all = await listed({});
    const none = await listed({ escalationLevel: ['none'] });
    expect(escalated).toBe(20);
    expect(none).toBe(30);
    expect(await listed({ escalationLevel: ['overhedenoverleg'] })).toBe(all - escalated - none);
    const bad = await get(`/v1/actions?programme=${cast.programmeId}&escalationLevel=minister`);
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'escalationLevel',
    ]);
    const badSummary = await get(
      `/v1/programmes/${cast.programmeId}/reports/progress/summary?escalationLevel=minister`,
    );
    expect(badSummary.status).toBe(400);
  });

  it('counts open actions by escalation level, as counted from the table', async () => {
    const res = await get(`/v1/programmes/${cast.programmeId}/reports/progress/summary`).expect(
      200,
    );
    const rows: { level: string; n: number }[] = await db.query(
      `SELECT coalesce(escalation_level, 'none') AS level, count(*)::int AS n FROM actions
        WHERE programme_id = $1 AND status IN ('not_started', 'in_progress') GROUP BY 1`,
      [cast.programmeId],
    );
    const expected = Object.fromEntries(LEVELS.map((l) => [l, 0]));
    for (const row of rows) expected[row.level] = row.n;
    expect(res.body.summary.byEscalationLevel).toEqual(expected);
    expect(res.body.filters).toEqual({});
    const filtered = await get(
      `/v1/programmes/${cast.programmeId}/reports/progress/summary?escalationLevel=official,none`,
    ).expect(200);
    expect(filtered.body.filters).toEqual({ escalationLevel: ['official', 'none'] });
    // A report of the past (reconstructed in memory) filters and counts alike.
    const past = await get(
      `/v1/programmes/${cast.programmeId}/reports/progress/summary?escalationLevel=official,none&asOf=${new Date().toISOString()}`,
    ).expect(200);
    expect(past.body.summary).toEqual(filtered.body.summary);
    expect(past.body.summary.byEscalationLevel).toEqual({
      ...expected,
      administrative: 0,
      overhedenoverleg: 0,
    });
  });
});
