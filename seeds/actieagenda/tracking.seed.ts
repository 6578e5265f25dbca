import type { EntityManager } from 'typeorm';
import { JobName, OutboxService } from '@app/core';
import { ACTIEAGENDA } from '../identity.seed';
import type { Seed } from '../index';
import { ACTIONS, COMMITMENTS } from './data';
import { actionId, commitmentId } from './ids';
import { insertActions } from './insert-actions';
import { insertCommitments } from './insert-commitments';

/** The programme's track per line of work: by name, else by position (it may be renamed). */
async function trackIdsOf(manager: EntityManager, programmeId: string): Promise<(string | null)[]> {
  const tracks = await manager.query<{ id: string; name: string; position: number }[]>(
    'SELECT id, name, position FROM tracks WHERE programme_id = $1',
    [programmeId],
  );
  return ACTIEAGENDA.tracks.map(
    (track, index) =>
      (tracks.find((t) => t.name === track.name) ?? tracks.find((t) => t.position === index))?.id ??
      null,
  );
}

/**
 * The Actieagenda's commitments and actions from the source documents, with their timeline
 * and partner reviews: demo data, so only where the demo users are seeded. Inserts what is
 * missing and never updates: a run that finds everything costs one query. Writes no audit
 * events (nobody did anything; the timeline carries the demo history), but an outbox event
 * so that the worker plans their reminders.
 */
export const actieagendaTrackingSeed: Seed = {
  name: 'actieagenda commitments and actions',
  async run(dataSource, config) {
    if (!config.demoUsers) return;
    const [programme]: { id: string }[] = await dataSource.query(
      'SELECT id FROM programmes WHERE slug = $1',
      [ACTIEAGENDA.slug],
    );
    if (!programme) return;
    const commitmentIds = COMMITMENTS.map((c) => commitmentId(programme.id, c.key));
    const actionIds = ACTIONS.map((a) => actionId(programme.id, a.key));
    const [{ present }]: { present: number }[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM commitments WHERE id = ANY($1::uuid[]))::int
            + (SELECT count(*) FROM actions WHERE id = ANY($2::uuid[]))::int AS present`,
      [commitmentIds, actionIds],
    );
    if (present === commitmentIds.length + actionIds.length) return;
    await dataSource.transaction(async (manager) => {
      await insertCommitments(manager, programme.id, COMMITMENTS);
      await insertActions(manager, programme.id, await trackIdsOf(manager, programme.id), ACTIONS);
      // The worker plans the new actions' reminders (and escalations) once this commits.
      await new OutboxService().record(manager, {
        name: JobName.RemindersReschedule,
        data: { programmeId: programme.id, why: 'actions_changed' },
      });
    });
  },
};
