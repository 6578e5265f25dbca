import { eventually } from '../../../test/support/e2e';
import { ReportExportFinishedProcessor } from '../src/processors/report-export-finished.processor';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

describe('a report export that is ready', () => {
  const world = new ReminderWorld('report_ready');
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
    await world.createAction(cast);
  });
  afterAll(() => world.stop());

  const readyOf = async (token: string) =>
    (
      await world
        .http()
        .get('/v1/me/notifications?limit=200')
        .set('Authorization', `Bearer ${token}`)
    ).body.data.filter((n: any) => n.kind === 'report_ready');

  it('tells the one who asked for it, once, in the app and by e-mail, linking to the reports page', async () => {
    const created = await world
      .http()
      .post('/v1/report-exports')
      .set('Authorization', `Bearer ${cast.viewer.token}`)
      .send({ programmeId: cast.programmeId, format: 'csv' });
    expect(created.status).toBe(202);

    const [notice] = await eventually(async () => {
      const found = await readyOf(cast.viewer.token);
      return found.length > 0 && found;
    });
    const done = (
      await world
        .http()
        .get(`/v1/report-exports/${created.body.id}`)
        .set('Authorization', `Bearer ${cast.viewer.token}`)
    ).body;
    // Told only once the file is there.
    expect(done.status).toBe('done');
    expect(notice).toMatchObject({
      programmeId: cast.programmeId,
      actionId: null,
      reason: 'requester',
      title: `Uw rapport is klaar: ${done.filename}`,
      reasonText: 'U ontvangt dit omdat u dit rapport heeft aangevraagd.',
    });
    expect(notice.body).toContain('Rapportages');

    const mail = await eventually(() =>
      world.sink.to(cast.viewer.email).find((m) => m.subject.startsWith('Uw rapport is klaar')),
    );
    expect(mail.text).toContain(`Naar Rapportages: ${world.config.http.publicUrl}/rapportages`);
    expect(mail.text).toContain('Your report is ready');

    // Nobody else is told, and a job run again tells no one twice.
    await world.settled();
    expect(await readyOf(cast.coordinator.token)).toHaveLength(0);
    await world.worker.get(ReportExportFinishedProcessor).process({ exportId: created.body.id });
    expect(await readyOf(cast.viewer.token)).toHaveLength(1);
  });

  it('tells no one who has lost access to the programme meanwhile (review of issue 18)', async () => {
    // A finished export of the other editor's, who then leaves the programme before the job runs.
    const [finished] = await world.dataSource.query<{ id: string }[]>(
      `INSERT INTO report_exports (programme_id, requester_user_id, format, parameters, status,
              progress, runs, file_run, filename, size_bytes, expires_at)
       VALUES ($1, $2, 'csv', '{}', 'done', 100, 1, 1, 'rapport.csv', 0, now() + interval '1 day')
       RETURNING id`,
      [cast.programmeId, cast.otherEditor.userId],
    );
    await world.dataSource.query(
      'DELETE FROM memberships WHERE programme_id = $1 AND user_id = $2',
      [cast.programmeId, cast.otherEditor.userId],
    );
    await world.worker.get(ReportExportFinishedProcessor).process({ exportId: finished.id });
    const notices = await world.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'report_ready'`,
      [cast.otherEditor.userId],
    );
    expect(Number(notices[0].count)).toBe(0);
    // A deactivated requester is not told either.
    await world.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [
      cast.coordinator.userId,
    ]);
    const [another] = await world.dataSource.query<{ id: string }[]>(
      `INSERT INTO report_exports (programme_id, requester_user_id, format, parameters, status,
              progress, runs, file_run, filename, size_bytes, expires_at)
       VALUES ($1, $2, 'csv', '{}', 'done', 100, 1, 1, 'rapport.csv', 0, now() + interval '1 day')
       RETURNING id`,
      [cast.programmeId, cast.coordinator.userId],
    );
    await world.worker.get(ReportExportFinishedProcessor).process({ exportId: another.id });
    const toCoordinator = await world.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'report_ready'`,
      [cast.coordinator.userId],
    );
    expect(Number(toCoordinator[0].count)).toBe(0);
  });
});
