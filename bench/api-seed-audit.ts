/**
 * The audit trail of the API benchmark's programme: the events the API would have recorded
 * for the seeded actions, progress updates and comments, appended through the real
 * AuditService.recordMany, so that the chain they form verifies. Reads the actions through
 * api-seed.ts's numbering table (`bench_action_numbers`), which must still exist.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuditActor, AuditContext, type AuditEventInput, AuditService } from '@app/audit';

interface ActionRow {
  g: number;
  id: string;
  programmeId: string;
  ownerOrganisationId: string;
  ownerUserId: string;
  snapshot: Record<string, unknown>;
}

interface TimelineRow {
  actionId: string;
  id: string;
  userId: string | null;
  organisationId: string | null;
  status: string | null;
  health: string | null;
  percentComplete: number | null;
  narrative: string | null;
  reason: string | null;
}

interface CommentRow {
  actionId: string;
  id: string;
  userId: string;
  organisationId: string;
  position: string | null;
}

function byAction<T extends { actionId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.actionId);
    if (list) list.push(row);
    else grouped.set(row.actionId, [row]);
  }
  return grouped;
}

const userActor = (id: string | null, organisationId: string | null): AuditActor => ({
  type: 'user',
  id,
  organisationId,
});

/** The events the API would have recorded for a batch of actions, in the order it would have. */
function eventsFor(
  actions: ActionRow[],
  timeline: TimelineRow[],
  comments: CommentRow[],
): AuditEventInput[] {
  const updates = byAction(timeline);
  const reviews = byAction(comments);
  return actions.flatMap((action) => {
    const actor = userActor(action.ownerUserId, action.ownerOrganisationId);
    const events: AuditEventInput[] = [
      {
        operation: 'create',
        entityType: 'action',
        entityId: action.id,
        programmeId: action.programmeId,
        changes: Object.fromEntries(
          Object.entries(action.snapshot).map(([field, value]) => [field, { new: value }]),
        ),
        actor,
      },
    ];
    for (const update of updates.get(action.id) ?? []) {
      events.push({
        operation: update.status ? 'status_change' : 'update',
        entityType: 'action',
        entityId: action.id,
        programmeId: action.programmeId,
        changes: {
          ...(update.status && { status: { new: update.status } }),
          ...(update.health && { health: { new: update.health } }),
          ...(update.percentComplete !== null && {
            percentComplete: { new: update.percentComplete },
          }),
          latestNarrative: { new: update.narrative },
        },
        details: { progressUpdateId: update.id, ...(update.reason && { reason: update.reason }) },
        actor: userActor(update.userId, update.organisationId),
      });
    }
    for (const comment of reviews.get(action.id) ?? []) {
      events.push({
        operation: 'create',
        entityType: 'comment',
        entityId: comment.id,
        programmeId: action.programmeId,
        changes: { actionId: { new: action.id }, position: { new: comment.position } },
        actor: userActor(comment.userId, comment.organisationId),
      });
    }
    return events;
  });
}

const ORIGIN = {
  clientAddress: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
  requestId: 'bench-seed',
  traceId: null,
};

/** The audit trail of the seeded rows, through AuditService.recordMany, batch by batch. */
export async function seedAudit(
  context: INestApplicationContext,
  actionCount: number,
  batchEvents: number,
  signal: AbortSignal,
): Promise<number> {
  const dataSource = context.get(DataSource);
  const audit = context.get(AuditService);
  // About five events per action: a batch of actions fills about one batch of events.
  const actionsPerBatch = Math.max(1, Math.floor(batchEvents / 5));
  let recorded = 0;
  for (let from = 1; from <= actionCount; from += actionsPerBatch) {
    signal.throwIfAborted();
    const to = from + actionsPerBatch - 1;
    const actions = await dataSource.query<ActionRow[]>(
      `SELECT n.g, a.id, a.programme_id AS "programmeId",
              a.owner_organisation_id AS "ownerOrganisationId", a.owner_user_id AS "ownerUserId",
              jsonb_build_object('title', a.title, 'description', a.description,
                'trackId', a.track_id, 'commitmentId', a.commitment_id,
                'parentActionId', a.parent_action_id, 'ownerOrganisationId', a.owner_organisation_id,
                'ownerUserId', a.owner_user_id, 'startDate', a.start_date, 'deadline', a.deadline,
                'status', 'not_started', 'health', 'not_set', 'verification', 'self_reported',
                'percentComplete', 0, 'tags', a.tags) AS snapshot
       FROM bench_action_numbers n JOIN actions a ON a.id = n.id
       WHERE n.g BETWEEN $1 AND $2 ORDER BY n.g`,
      [from, to],
    );
    const ids = actions.map((action) => action.id);
    const [timeline, comments] = await Promise.all([
      dataSource.query<TimelineRow[]>(
        `SELECT action_id AS "actionId", id, author_user_id AS "userId",
                author_organisation_id AS "organisationId", status, health,
                percent_complete AS "percentComplete", narrative, reason
         FROM progress_updates WHERE action_id = ANY($1::uuid[]) ORDER BY action_id, created_at, id`,
        [ids],
      ),
      dataSource.query<CommentRow[]>(
        `SELECT action_id AS "actionId", id, author_user_id AS "userId",
                author_organisation_id AS "organisationId", position
         FROM comments WHERE action_id = ANY($1::uuid[]) ORDER BY action_id, created_at, id`,
        [ids],
      ),
    ]);
    const events = eventsFor(actions, timeline, comments);
    await AuditContext.run(ORIGIN, () =>
      dataSource.transaction((manager) => audit.recordMany(manager, events)),
    );
    recorded += events.length;
  }
  return recorded;
}
