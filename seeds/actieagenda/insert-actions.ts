import type { EntityManager } from 'typeorm';
import { DEMO_USERS } from '../demo-users';
import { commentTime, deriveAction } from './derive';
import { actionId, commitmentId, seedId } from './ids';
import { insertRows } from './insert-rows';
import type { ActionSeed } from './types';

const ORGANISATION_OF = new Map(DEMO_USERS.map((user) => [user.email, user.organisationCode]));

/** Inserts the actions that are missing, each with its partners, timeline and comments. */
export async function insertActions(
  manager: EntityManager,
  programmeId: string,
  trackIds: (string | null)[],
  actions: readonly ActionSeed[],
): Promise<void> {
  const id = (key: string) => actionId(programmeId, key);
  const derived = new Map(actions.map((action) => [action.key, deriveAction(action)]));
  const row = (action: ActionSeed) => {
    const { state, createdAt, updatedAt, version, latestNarrative } = derived.get(action.key)!;
    return {
      id: id(action.key),
      track_id: trackIds[action.track] ?? null,
      commitment_id: action.commitment ? commitmentId(programmeId, action.commitment) : null,
      parent_id: action.parent ? id(action.parent) : null,
      title: action.title,
      description: action.description,
      owner: action.owner,
      owner_user: action.ownerUser ?? null,
      start_date: action.startDate ?? null,
      deadline: state.deadline,
      status: state.status,
      health: state.health,
      verification: state.verification,
      percent_complete: state.percentComplete,
      escalation_level: action.escalation ?? null,
      closed_at: state.closedAt?.toISOString() ?? null,
      tags: action.tags,
      public: action.public ?? false,
      latest_narrative: latestNarrative,
      version,
      created_at: createdAt.toISOString(),
      updated_at: updatedAt.toISOString(),
    };
  };
  // Parents first: a statement does not see the rows it inserts itself.
  const inserted = new Set<string>();
  for (const level of [actions.filter((a) => !a.parent), actions.filter((a) => a.parent)]) {
    const ids = await insertRows(
      manager,
      `INSERT INTO actions (id, programme_id, track_id, commitment_id, parent_action_id, title,
              description, owner_organisation_id, owner_user_id, start_date, deadline, status, health,
              verification, percent_complete, escalation_level, closed_at, tags, public,
              latest_narrative, version, created_at, updated_at)
       SELECT r.id, $2, r.track_id, c.id, p.id, r.title, r.description, o.id, u.id, r.start_date,
              r.deadline, r.status, r.health, r.verification, r.percent_complete, r.escalation_level,
              r.closed_at, r.tags, r.public, r.latest_narrative, r.version, r.created_at, r.updated_at
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, track_id uuid, commitment_id uuid,
              parent_id uuid, title text, description text, owner text, owner_user text,
              start_date date, deadline date, status text, health text, verification text,
              percent_complete smallint, escalation_level text, closed_at timestamptz, tags text[],
              public boolean, latest_narrative text, version int, created_at timestamptz, updated_at timestamptz)
         JOIN organisations o ON o.code = r.owner
         LEFT JOIN users u ON u.email = r.owner_user
         LEFT JOIN commitments c ON c.id = r.commitment_id AND c.programme_id = $2
         LEFT JOIN actions p ON p.id = r.parent_id AND p.programme_id = $2
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      level.map(row),
      programmeId,
    );
    for (const insertedId of ids) inserted.add(insertedId);
  }

  const fresh = actions.filter((action) => inserted.has(id(action.key)));
  await manager.query(
    `INSERT INTO action_partners (action_id, organisation_id, role)
     SELECT r.action_id, o.id, r.role FROM jsonb_to_recordset($1::jsonb) AS r(action_id uuid, code text, role text)
       JOIN organisations o ON o.code = r.code
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        fresh.flatMap((action) =>
          Object.entries(action.partners ?? {}).map(([code, role]) => ({
            action_id: id(action.key),
            code,
            role,
          })),
        ),
      ),
    ],
  );
  // The timeline and the reviews are append-only: inserted once, with their action.
  await manager.query(
    `INSERT INTO progress_updates (id, action_id, kind, author_user_id, author_organisation_id, status,
            health, percent_complete, narrative, reason, created_at)
     SELECT r.id, r.action_id, r.kind, u.id, o.id, r.status, r.health, r.percent_complete,
            r.narrative, r.reason, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, action_id uuid, kind text, author text, organisation text,
            status text, health text, percent_complete smallint, narrative text, reason text,
            created_at timestamptz)
       JOIN organisations o ON o.code = r.organisation
       LEFT JOIN users u ON u.email = r.author
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        fresh.flatMap((action) =>
          derived.get(action.key)!.timeline.map((entry, index) => {
            const author = entry.seed.by ?? action.ownerUser ?? null;
            return {
              id: seedId(programmeId, `action/${action.key}/timeline/${index}`),
              action_id: id(action.key),
              author,
              organisation: (author && ORGANISATION_OF.get(author)) ?? action.owner,
              kind: entry.kind,
              status: entry.status,
              health: entry.health,
              percent_complete: entry.percentComplete,
              narrative: entry.narrative,
              reason: entry.seed.reason ?? null,
              created_at: entry.at.toISOString(),
            };
          }),
        ),
      ),
    ],
  );
  await manager.query(
    `INSERT INTO comments (id, action_id, author_user_id, author_organisation_id, body, position, created_at)
     SELECT r.id, r.action_id, u.id, u.organisation_id, r.body, r.position, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, action_id uuid, author text, body text,
            position text, created_at timestamptz)
       JOIN users u ON u.email = r.author
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        fresh.flatMap((action) =>
          (action.comments ?? []).map((comment, index) => ({
            id: seedId(programmeId, `action/${action.key}/comment/${index}`),
            action_id: id(action.key),
            author: comment.by,
            body: comment.body,
            position: comment.position ?? null,
            created_at: commentTime(comment.on, index).toISOString(),
          })),
        ),
      ),
    ],
  );
}
