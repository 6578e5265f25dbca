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
});
