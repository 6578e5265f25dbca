/**
 * The actions of `npm run bench:reports` (see `reports-seed.ts`): statuses, health,
 * verification, deadlines in past and future, owners by weight, closed ones with closed_at.
 */
import { NARRATIVES, SUBJECTS, TAGS, TOPICS, VERBS } from './api-seed-data';
import type { ReportSeedSizes } from './reports-seed';
import { CLOSED, ORGS, pick, type SeedQuery } from './reports-seed-sql';

export async function seedActions(
  q: SeedQuery,
  programmeId: string,
  sizes: ReportSeedSizes,
): Promise<void> {
  await q(
    `CREATE UNLOGGED TABLE bench_action_numbers AS
       SELECT g, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS g`,
    [sizes.actions],
  );
  await q('ALTER TABLE bench_action_numbers ADD PRIMARY KEY (g)');
  // Owners by weight; each action's owner user is one of the organisation's editors.
  await q(
    `CREATE UNLOGGED TABLE bench_owner_slots AS
       SELECT (row_number() OVER () - 1)::int AS slot, o.id AS organisation_id
         FROM unnest($1::text[], $2::int[]) AS w(code, weight)
         JOIN organisations o ON o.code = w.code
        CROSS JOIN LATERAL generate_series(1, w.weight)`,
    [ORGS.map((o) => o[0]), ORGS.map((o) => o[3])],
  );
  await q(
    `CREATE UNLOGGED TABLE bench_editors AS
       SELECT organisation_id,
              (row_number() OVER (PARTITION BY organisation_id ORDER BY email) - 1)::int AS n,
              id AS user_id
         FROM users WHERE email LIKE '%-editor-%'`,
  );
  const [{ slots }] = await q<{ slots: number }>(
    'SELECT count(*)::int AS slots FROM bench_owner_slots',
  );
  const [{ tracks }] = await q<{ tracks: number }>('SELECT count(*)::int AS tracks FROM tracks');
  // Status: 20 % not started, 40 % in progress, 22 % met, 8 % partially met, 10 % lapsed.
  // Deadlines from 400 days ago to 700 days ahead; made 370–770 days ago; closed ones
  // closed in the last year (some in the last 30 days).
  await q(
    `WITH base AS (
         SELECT n.g, n.id,
                ${pick('n.g', 100)} AS s,
                ${pick('n.g * 31 + 1', 100)} AS h,
                current_date - 400 + ${pick('n.g * 13 + 2', 1100)} AS deadline,
                now() - make_interval(days => 370 + ${pick('n.g * 17 + 3', 400)},
                                      secs => ${pick('n.g * 19 + 4', 86400)}) AS created_at,
                ${pick('n.g * 23 + 5', slots)} AS slot
           FROM bench_action_numbers n
       ), shaped AS (
         SELECT b.*,
                CASE WHEN b.s < 20 THEN 'not_started' WHEN b.s < 60 THEN 'in_progress'
                     WHEN b.s < 82 THEN 'met' WHEN b.s < 90 THEN 'partially_met'
                     ELSE 'lapsed' END AS status
           FROM base b
       )
       INSERT INTO actions (id, programme_id, track_id, commitment_id, title, description,
         owner_organisation_id, owner_user_id, start_date, deadline, status, health, verification,
         percent_complete, escalation_level, closed_at, tags, version, created_at, updated_at)
       SELECT s.id, $1,
              CASE WHEN s.g % 50 <> 0 THEN t.id END,
              CASE WHEN ${pick('s.g * 37 + 7', 10)} <> 0 THEN c.id END,
              ($2::text[])[1 + ${pick('s.g * 43 + 9', VERBS.length)}] || ' '
                || ($3::text[])[1 + ${pick('s.g * 47 + 10', SUBJECTS.length)}] || ' voor '
                || ($4::text[])[1 + ${pick('s.g * 53 + 11', TOPICS.length)}] || ' (' || s.g || ')',
              'Deze actie volgt uit de afspraken in de Actieagenda Sterk Bestuur. '
                || ($5::text[])[1 + ${pick('s.g * 59 + 12', NARRATIVES.length)}],
              o.organisation_id,
              CASE WHEN s.g % 33 <> 0 THEN e.user_id END,
              s.deadline - (30 + ${pick('s.g * 61 + 13', 300)}),
              s.deadline, s.status,
              CASE WHEN s.status IN ${CLOSED}
                     THEN CASE WHEN s.h < 50 THEN 'not_set' ELSE 'on_track' END
                   WHEN s.h < 55 THEN 'on_track' WHEN s.h < 75 THEN 'at_risk'
                   WHEN s.h < 88 THEN 'off_track' ELSE 'not_set' END,
              (ARRAY['self_reported', 'self_reported', 'partner_reviewed', 'verified'])
                [1 + ${pick('s.g * 67 + 14', 4)}],
              CASE s.status WHEN 'not_started' THEN 0 WHEN 'met' THEN 100
                   WHEN 'in_progress' THEN 5 + ${pick('s.g * 71 + 15', 91)}
                   ELSE 20 + ${pick('s.g * 71 + 15', 71)} END,
              CASE WHEN s.status NOT IN ${CLOSED} AND s.deadline < current_date AND s.g % 7 = 0
                   THEN (ARRAY['official', 'administrative', 'overhedenoverleg'])[1 + s.g % 3] END,
              CASE WHEN s.status IN ${CLOSED}
                   THEN now() - make_interval(days => ${pick('s.g * 73 + 16', 360)},
                                              secs => 60 + ${pick('s.g * 79 + 17', 80000)}) END,
              ARRAY(SELECT DISTINCT ($6::text[])[1 + ${pick('s.g * 83 + k', TAGS.length)}]
                      FROM generate_series(1, 1 + ${pick('s.g * 89 + 18', 3)}) AS k),
              6, s.created_at, now() - make_interval(days => ${pick('s.g * 97 + 19', 30)})
         FROM shaped s
         JOIN tracks t ON t.programme_id = $1 AND t.position = ${pick('s.g * 29 + 6', tracks)}
         JOIN bench_commitment_numbers c ON c.n = 1 + ${pick('s.g * 41 + 8', sizes.commitments)}
         JOIN bench_owner_slots o ON o.slot = s.slot
         JOIN bench_editors e ON e.organisation_id = o.organisation_id
                             AND e.n = ${pick('s.g * 101 + 20', 3)}`,
    [programmeId, VERBS, SUBJECTS, TOPICS, NARRATIVES, TAGS],
  );
}
