import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  foldSummary,
  ProgressReportsService,
  type ReportSummary,
  ReportVersionChangesRepository,
} from '@app/reporting';
import { ActionReportReader, ReportNamesReader } from '@app/tracking';
import { ReportVersionsBackfill1795528200000 } from '../../../migrations/1795528200000-report-versions-backfill';
import { startApi, testConfig } from '../../../test/support/e2e';
import { createOwnDatabase } from '../../../test/support/own-database';
import { expectSummaryMatches, independentCounts } from '../../../test/support/report-counts';
import { type TrackingCast, TrackingFixtures } from '../../../test/support/tracking-fixtures';

/**
 * Issue 23: the first summary after a change counts again only the buckets of actions the
 * change touched (report_version_changes, migration 1795524600000) and adds the kept counts of
 * the others. Every step compares the summary with one counted whole in a fresh snapshot and
 * with independent SQL counts, and checks which buckets were counted again.
 */
describe('a polled summary after a change: only the buckets it touched are counted again', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: TrackingFixtures;
  let cast: TrackingCast;
  let reports: ProgressReportsService;
  let reader: ActionReportReader;
  let counted: jest.SpyInstance;
  let named: jest.SpyInstance;
  let database: { url: string; drop: () => Promise<void> };
  const commitments: string[] = [];
  const actions: string[] = [];

  const http = () => request(app.getHttpServer());
  const bucketOf = async (id: string): Promise<number> => {
    const [row] = await db.query<{ bucket: number }[]>(
      'SELECT report_bucket AS bucket FROM actions WHERE id = $1',
      [id],
    );
    return row.bucket;
  };
  async function progress(id: string, body: Record<string, unknown>): Promise<void> {
    const current = await http()
      .get(`/v1/actions/${id}`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    const res = await http()
      .post(`/v1/actions/${id}/progress-updates`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', current.get('ETag')!)
      .send({ narrative: 'Bijgewerkt.', ...body });
    if (res.status !== 201) throw new Error(`progress: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** The summary through the cache, and the buckets it counted (`all`, a list, or none). */
  async function summary(): Promise<{ summary: ReportSummary; counted: unknown[] }> {
    counted.mockClear();
    const { summary } = await reports.summary(reports.parameters(cast.programmeId, {}));
    return { summary, counted: counted.mock.calls.map((call) => call[4]) };
  }

  /** The summary counted whole in a fresh snapshot, without the cache. */
  async function fresh(): Promise<ReportSummary> {
    const { header } = await reports.summary(reports.parameters(cast.programmeId, {}));
    const from = new Date(header.period.from);
    return db.transaction('REPEATABLE READ', async (manager) => {
      const references = await reader.references(manager, cast.programmeId);
      const groups = await reader.countGroups(
        manager,
        cast.programmeId,
        { today: header.reportDate, periodFrom: from, updatedFrom: from },
        {},
      );
      return foldSummary(groups, references);
    });
  }

  /** The summary equals a whole count and the independent one; answers what it counted. */
  async function expectExact(): Promise<unknown[]> {
    const { summary: cached, counted: buckets } = await summary();
    expect(cached).toEqual(await fresh());
    expectSummaryMatches(cached, await independentCounts(db, cast.programmeId));
    const api = await http()
      .get(`/v1/programmes/${cast.programmeId}/reports/progress/summary`)
      .set('Authorization', `Bearer ${cast.viewer.token}`);
    expect(api.status).toBe(200);
    expectSummaryMatches(api.body.summary, await independentCounts(db, cast.programmeId));
    return buckets;
  }

  const sorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

  /** The summary as a client reads it, and the commitments' buckets whose names it read. */
  async function apiSummary(): Promise<{ summary: ReportSummary; named: unknown[] }> {
    named.mockClear();
    const res = await http()
      .get(`/v1/programmes/${cast.programmeId}/reports/progress/summary`)
      .set('Authorization', `Bearer ${cast.viewer.token}`);
    expect(res.status).toBe(200);
    return { summary: res.body.summary, named: named.mock.calls.map((call) => call[2]) };
  }

  async function patch(path: string, body: Record<string, unknown>): Promise<void> {
    const current = await http().get(path).set('Authorization', `Bearer ${cast.coordinator.token}`);
    const res = await http()
      .patch(path)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .set('If-Match', current.get('ETag')!)
      .send(body);
    if (res.status !== 200) throw new Error(`patch: ${res.status} ${JSON.stringify(res.body)}`);
  }

  beforeAll(async () => {
    database = await createOwnDatabase('summary_recount');
    app = await startApi({ config: testConfig({ DATABASE_URL: database.url }) });
    db = app.get(DataSource);
    reports = app.get(ProgressReportsService);
    reader = app.get(ActionReportReader, { strict: false });
    counted = jest.spyOn(reader, 'countBucketGroups');
    named = jest.spyOn(app.get(ReportNamesReader, { strict: false }), 'commitments');
    fixtures = new TrackingFixtures(app);
    cast = await fixtures.cast();
    for (const [kind, title] of [
      ['agenda_item', 'Actieagenda: werkbare verhoudingen'],
      ['agenda_item', 'Actieagenda: uitvoerbaarheid'],
    ]) {
      const res = await http()
        .post('/v1/commitments')
        .set('Authorization', `Bearer ${cast.coordinator.token}`)
        .send({ programmeId: cast.programmeId, kind, title, attributes: {} });
      expect(res.status).toBe(201);
      commitments.push(res.body.id);
    }
    // Enough actions to fill many of the 64 buckets; a third share a commitment.
    for (let i = 0; i < 36; i++) {
      const res = await fixtures.action(cast.coordinator, {
        ...TrackingFixtures.actionBody(cast, `Actie ${i}`),
        deadline: i % 4 === 0 ? '2024-06-30' : '2030-06-30',
        ...(i % 3 === 0 ? { commitmentId: commitments[i % 2] } : {}),
      });
      actions.push(res.body.id);
    }
    await progress(actions[1], { status: 'in_progress', health: 'on_track', percentComplete: 10 });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('counts the whole programme the first time', async () => {
    expect(await expectExact()).toEqual(['all']);
    // Nothing changed: the kept summary, nothing counted.
    expect((await summary()).counted).toEqual([]);
  });

  it('counts one bucket again after a progress update of one action', async () => {
    await progress(actions[2], { status: 'in_progress', health: 'at_risk', reason: 'Capaciteit' });
    expect(await expectExact()).toEqual([[await bucketOf(actions[2])]]);
  });

  it('counts two buckets again after changes in two buckets, in one transaction or two', async () => {
    const buckets = new Map<number, string>();
    for (const id of actions) if (buckets.size < 3) buckets.set(await bucketOf(id), id);
    const [[b1, a1], [b2, a2], [b3, a3]] = [...buckets];
    await db.query(`UPDATE actions SET health = 'off_track' WHERE id = ANY($1::uuid[])`, [
      [a1, a2],
    ]);
    expect(await expectExact()).toEqual([sorted([b1, b2])]);
    await progress(a1, { health: 'on_track', narrative: 'Hersteld.' });
    // A status change valid from where a3 is: which action lies in the third bucket is chance.
    const [{ status }] = await db.query<{ status: string }[]>(
      'SELECT status FROM actions WHERE id = $1',
      [a3],
    );
    await progress(a3, {
      status: status === 'not_started' ? 'in_progress' : 'met',
      narrative: 'Verder.',
    });
    expect((await expectExact()).map((b) => sorted(b as number[]))).toEqual([sorted([b1, b3])]);
  });

  it('counts everything again after a track is renamed, and shows the new name', async () => {
    await db.query('UPDATE tracks SET name = $2 WHERE id = $1', [cast.trackId, 'Hernoemd spoor']);
    expect(await expectExact()).toEqual(['all']);
    expect((await summary()).summary.byTrack[0].track?.name).toBe('Hernoemd spoor');
  });

  it("counts a commitment's bucket again when it changes, and both when an action moves", async () => {
    await db.query(`UPDATE commitments SET kind = 'parliamentary_pledge' WHERE id = $1`, [
      commitments[0],
    ]);
    const [{ bucket }] = await db.query<{ bucket: number }[]>(
      'SELECT report_bucket_of($1::uuid) AS bucket',
      [commitments[0]],
    );
    expect(await expectExact()).toEqual([[bucket]]);
    const loose = actions[1];
    const before = await bucketOf(loose);
    await db.query('UPDATE actions SET commitment_id = $2 WHERE id = $1', [loose, commitments[0]]);
    expect(await expectExact()).toEqual([sorted([before, bucket])]);
  });

  it('counts everything again after an organisation is renamed, and shows the new name', async () => {
    await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [cast.owner.id, 'Anders']);
    expect(await expectExact()).toEqual(['all']);
    const { summary: renamed } = await summary();
    expect(
      renamed.byOwnerOrganisation.find((o) => o.organisation.id === cast.owner.id)?.organisation
        .name,
    ).toBe('Anders');
  });

  it('counts every bucket with actions after a bulk change', async () => {
    await db.query(
      `UPDATE actions SET percent_complete = least(percent_complete + 5, 100)
        WHERE programme_id = $1`,
      [cast.programmeId],
    );
    const all = sorted(await Promise.all(actions.map(bucketOf)));
    expect((await expectExact()).map((b) => sorted(b as number[]))).toEqual([all]);
  });

  it('counts the bucket of a deleted action again', async () => {
    const gone = actions.pop()!;
    const bucket = await bucketOf(gone);
    await db.transaction(async (manager) => {
      await manager.query('DELETE FROM action_partners WHERE action_id = $1', [gone]);
      await manager.query('DELETE FROM actions WHERE id = $1', [gone]);
    });
    expect(await expectExact()).toEqual([[bucket]]);
  });

  it('counts everything when the log no longer tells what changed (purged)', async () => {
    await progress(actions[4], { health: 'at_risk', reason: 'Te laat', narrative: 'Vertraagd.' });
    await db.query('DELETE FROM report_version_changes WHERE programme_id = $1', [
      cast.programmeId,
    ]);
    expect(await expectExact()).toEqual(['all']);
  });

  it('purges the log older than its retention, in batches, and keeps the newer rows', async () => {
    await progress(actions[6], { health: 'at_risk', reason: 'Te laat', narrative: 'Vertraagd.' });
    await progress(actions[7], { health: 'at_risk', reason: 'Te laat', narrative: 'Vertraagd.' });
    const logged = async () =>
      (
        await db.query<{ version: string }[]>(
          'SELECT version FROM report_version_changes WHERE programme_id = $1 ORDER BY version',
          [cast.programmeId],
        )
      ).map((row) => Number(row.version));
    const [older, newer] = await logged();
    await db.query(
      `UPDATE report_version_changes SET created_at = now() - interval '25 hours'
        WHERE programme_id = $1 AND version = $2`,
      [cast.programmeId, older],
    );
    const purge = app.get(ReportVersionChangesRepository);
    expect(await purge.purge(5000)).toBe(1);
    expect(await purge.purge(5000)).toBe(0);
    expect(await logged()).toEqual([newer]);
    // The summary kept from before both changes can no longer know what the first touched.
    expect(await expectExact()).toEqual(['all']);
  });

  it("shows a commitment's new title right after the change, reading only its bucket's names", async () => {
    await apiSummary();
    await patch(`/v1/commitments/${commitments[1]}`, {
      title: 'Actieagenda: uitvoerbaarheid (herzien)',
    });
    const { summary: after, named: buckets } = await apiSummary();
    expect(after.byCommitment.map((c) => c.commitment?.title)).toContain(
      'Actieagenda: uitvoerbaarheid (herzien)',
    );
    const [{ bucket }] = await db.query<{ bucket: number }[]>(
      'SELECT report_bucket_of($1::uuid) AS bucket',
      [commitments[1]],
    );
    expect(buckets).toEqual([[bucket]]);
    await expectExact();
  });

  it('names an organisation added since as soon as an action is given to it', async () => {
    const added = await fixtures.identity.organisation('municipality');
    await patch(`/v1/actions/${actions[8]}`, { ownerOrganisationId: added.id });
    const { summary: after } = await apiSummary();
    expect(
      after.byOwnerOrganisation.find((o) => o.organisation.id === added.id)?.organisation,
    ).toEqual({ id: added.id, code: added.code, name: `Organisation ${added.code}` });
    await expectExact();
  });

  it("shows one's own progress update in the summary read right after it", async () => {
    const { body } = await fixtures.action(
      cast.coordinator,
      TrackingFixtures.actionBody(cast, 'Nieuwe actie'),
    );
    const { summary: before } = await apiSummary();
    await progress(body.id, { status: 'in_progress', health: 'at_risk', reason: 'Krap' });
    const { summary: after, named: buckets } = await apiSummary();
    expect(after.byStatus.in_progress).toBe(before.byStatus.in_progress + 1);
    expect(after.byHealth.at_risk).toBe(before.byHealth.at_risk + 1);
    // An action without a commitment: its bucket's (unchanged) commitments are read again.
    expect(buckets).toEqual([[await bucketOf(body.id)]]);
    expectSummaryMatches(after, await independentCounts(db, cast.programmeId));
  });

  it('stays exact when summaries are asked for while changes commit', async () => {
    for (let round = 0; round < 4; round++) {
      await Promise.all([
        progress(actions[5 + round], { percentComplete: 40 + round, narrative: 'Verder.' }),
        progress(actions[12 + round], { percentComplete: 50 + round, narrative: 'Verder.' }),
        ...Array.from({ length: 6 }, () =>
          reports.summary(reports.parameters(cast.programmeId, {})),
        ),
      ]);
      expect((await summary()).summary).toEqual(await fresh());
    }
  });

  it("shows an organisation's new name in a programme whose data predates its version row, once migrated", async () => {
    // Data written before migration 1795453200000 has no report_versions row: a process kept
    // its summary at version 0, which an organisation's new name did not move.
    const old = await fixtures.cast();
    await fixtures.action(old.coordinator, TrackingFixtures.actionBody(old, 'Van vóór de versies'));
    await db.query('DELETE FROM report_versions WHERE programme_id = $1', [old.programmeId]);
    const ownerName = async () => {
      const { summary } = await reports.summary(reports.parameters(old.programmeId, {}));
      return summary.byOwnerOrganisation.find((o) => o.organisation.id === old.owner.id)
        ?.organisation.name;
    };
    expect(await ownerName()).toBe(`Organisation ${old.owner.code}`);
    const runner = db.createQueryRunner();
    try {
      await new ReportVersionsBackfill1795528200000().up(runner);
    } finally {
      await runner.release();
    }
    await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [old.owner.id, 'Nieuw']);
    expect(await ownerName()).toBe('Nieuw');
  });
});
