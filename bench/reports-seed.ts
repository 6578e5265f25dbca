/**
 * The data of `npm run bench:reports` (issue 7): one programme the size of a busy year, put in
 * with set-based SQL (no API): ten tracks, twenty organisations, commitments of every kind
 * with their references, BENCH_ACTIONS actions (statuses, health, verification, deadlines in
 * past and future, partners, closed ones with closed_at), five progress updates per action
 * spread over the last year (those that closed an action at its closed_at), comments with
 * positions, and a coordinator. The triggers stay on: the append-only ones and the deferred
 * ones that bump `report_versions` (once per programme per statement's transaction).
 *
 * Pseudo-random choices come from `hashint4` of the row number: the same sizes give the same
 * data on every run (relative to now: deadlines and dates move with the day of the run).
 */
import type { DataSource } from 'typeorm';
import { COMMENTS, KINDS, NARRATIVES, SUBJECTS, TOPICS } from './api-seed-data';
import { seedActions } from './reports-seed-actions';
import { CLOSED, ORGS, pick } from './reports-seed-sql';

export interface ReportSeedSizes {
  actions: number;
  progressUpdates: number;
  commitments: number;
}

export interface SeededReports {
  programmeId: string;
  coordinatorId: string;
  counts: Record<string, number>;
  elapsedMs: Array<[string, number]>;
}

export const REPORT_TRACKS = [
  'Samenwerking tussen overheden',
  'Financiële verhoudingen en uitvoerbaarheid',
  'Lokale democratie en bestuurskracht',
  'Uitvoering, dienstverlening en vertrouwen',
  'Interbestuurlijk toezicht',
  'Regionale samenwerking',
  'Informatiehuishouding en digitalisering',
  'Arbeidsmarkt en capaciteit',
  'Wet- en regelgeving',
  'Kennis en evaluatie',
];

export async function seedReports(
  dataSource: DataSource,
  sizes: ReportSeedSizes,
  progress: (line: string) => void,
): Promise<SeededReports> {
  const elapsedMs: Array<[string, number]> = [];
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const took = performance.now() - started;
    elapsedMs.push([label, took]);
    progress(`${label}: ${(took / 1000).toFixed(1)} s`);
    return result;
  };
  const q = <T = unknown>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    dataSource.query<T[]>(sql, parameters);

  // --- Organisations, people, programme, tracks, memberships ---------------------------------
  const { programmeId, coordinatorId } = await step('identity and tracks', async () => {
    await q(
      `INSERT INTO organisations (code, name, kind)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [ORGS.map((o) => o[0]), ORGS.map((o) => o[1]), ORGS.map((o) => o[2])],
    );
    await q(
      `INSERT INTO users (email, display_name, organisation_id)
       SELECT lower(o.code) || '-' || r.role || '-' || n || '@bench.example.nl',
              initcap(r.role) || ' ' || n || ' (' || o.code || ')', o.id
         FROM organisations o
        CROSS JOIN (VALUES ('editor', 3), ('liaison', 1), ('viewer', 1)) AS r(role, count)
        CROSS JOIN LATERAL generate_series(1, r.count) AS n`,
    );
    const [coordinator] = await q<{ id: string }>(
      `INSERT INTO users (email, display_name, organisation_id)
       SELECT 'coordinator@bench.example.nl', 'Coördinator Actieagenda', id
         FROM organisations WHERE code = 'BZK'
       RETURNING id`,
    );
    const [programme] = await q<{ id: string }>(
      `INSERT INTO programmes (name, slug, description, start_date, end_date)
       VALUES ('Actieagenda Sterk Bestuur', 'actieagenda-sterk-bestuur',
               'Samen werken aan een sterk en slagvaardig openbaar bestuur.', '2024-01-01', '2029-12-31')
       RETURNING id`,
    );
    await q(
      `INSERT INTO tracks (programme_id, name, position)
       SELECT $1, name, position - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(name, position)`,
      [programme.id, REPORT_TRACKS],
    );
    await q(
      `INSERT INTO memberships (programme_id, user_id, role)
       SELECT $1, id, CASE WHEN email LIKE 'coordinator@%' THEN 'coordinator'
                           ELSE split_part(split_part(email, '@', 1), '-', -2) END
         FROM users`,
      [programme.id],
    );
    return { programmeId: programme.id, coordinatorId: coordinator.id };
  });

  // --- Commitments of every kind, most with one or two references ----------------------------
  await step('commitments and references', async () => {
    await q(
      `INSERT INTO commitments (programme_id, kind, title, description, date_agreed, attributes)
       SELECT $1, ($2::text[])[1 + g % 6],
              'Afspraak ' || g || ': ' || ($3::text[])[1 + ${pick('g * 3', SUBJECTS.length)}]
                || ' voor ' || ($4::text[])[1 + ${pick('g * 5', TOPICS.length)}],
              'Vastgelegd in het overleg tussen Rijk en medeoverheden.',
              date '2023-01-01' + ${pick('g * 7', 900)},
              jsonb_build_object('source', 'bench', 'number', g)
         FROM generate_series(1, $5::int) AS g`,
      [programmeId, KINDS, SUBJECTS, TOPICS, sizes.commitments],
    );
    await q(
      `CREATE UNLOGGED TABLE bench_commitment_numbers AS
       SELECT (attributes->>'number')::int AS n, id FROM commitments`,
    );
    await q('ALTER TABLE bench_commitment_numbers ADD PRIMARY KEY (n)');
    await q(
      `INSERT INTO commitment_references (commitment_id, position, document, kamerstuk, date)
       SELECT c.id, r.position,
              CASE r.position WHEN 0 THEN 'Kamerbrief voortgang Actieagenda ' || c.n
                              ELSE 'Verslag bestuurlijk overleg ' || c.n END,
              CASE WHEN r.position = 0 THEN '35896-' || (1 + c.n % 200) END,
              date '2023-01-01' + ${pick('c.n * 11', 900)}
         FROM bench_commitment_numbers c
        CROSS JOIN (VALUES (0), (1)) AS r(position)
        WHERE c.n % 5 <> 0 AND (r.position = 0 OR c.n % 3 = 0)`,
    );
  });

  // --- Actions --------------------------------------------------------------------------------
  await step('actions', () => seedActions(q, programmeId, sizes));

  // --- Partners: 0–2 other organisations on about 45 % of the actions -------------------------
  await step('partners', async () => {
    await q(
      `INSERT INTO action_partners (action_id, organisation_id, role)
       SELECT a.id, o.id, (ARRAY['co_owner', 'contributor', 'contributor', 'informed'])[1 + ${pick('n.g * 103 + k', 4)}]
         FROM bench_action_numbers n
         JOIN actions a ON a.id = n.id
        CROSS JOIN LATERAL generate_series(1, CASE WHEN ${pick('n.g * 107 + 21', 100)} < 45
                                                   THEN 1 + n.g % 2 ELSE 0 END) AS k
         JOIN (SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM organisations) o
           ON o.i = ${pick('n.g * 109 + k * 11', ORGS.length)}
        WHERE o.id <> a.owner_organisation_id
       ON CONFLICT DO NOTHING`,
    );
  });

  // --- The timeline: the closing update of every closed action at its closed_at, and the rest
  // of BENCH_PROGRESS_UPDATES spread over the last year on random actions. --------------------
  await step('progress updates', async () => {
    const [{ closing }] = await q<{ closing: number }>(
      `WITH inserted AS (
         INSERT INTO progress_updates (action_id, kind, author_user_id, author_organisation_id,
           status, health, percent_complete, narrative, reason, created_at)
         SELECT a.id, 'progress', a.owner_user_id, a.owner_organisation_id, a.status, NULL,
                a.percent_complete,
                ($1::text[])[1 + ${pick('n.g * 113 + 22', NARRATIVES.length)}] || ' Afgerond.',
                CASE WHEN a.status <> 'met' THEN 'Niet volledig haalbaar binnen de termijn.' END,
                a.closed_at
           FROM bench_action_numbers n JOIN actions a ON a.id = n.id
          WHERE a.status IN ${CLOSED}
         RETURNING 1)
       SELECT count(*)::int AS closing FROM inserted`,
      [NARRATIVES],
    );
    const rest = Math.max(0, sizes.progressUpdates - closing);
    await q(
      `INSERT INTO progress_updates (action_id, kind, author_user_id, author_organisation_id,
         status, health, percent_complete, narrative, reason, created_at)
       SELECT a.id, 'progress', a.owner_user_id, a.owner_organisation_id,
              CASE WHEN i % 9 = 0 AND a.status <> 'not_started' THEN 'in_progress' END,
              CASE WHEN i % 3 = 0 THEN (ARRAY['on_track', 'at_risk', 'off_track'])[1 + i % 3] END,
              ${pick('i * 7 + 23', 101)},
              CASE WHEN i % 10 <> 0
                   THEN ($1::text[])[1 + ${pick('i * 127 + 24', NARRATIVES.length)}]
                        || ' Stand van zaken ' || i || '.' END,
              NULL,
              now() - make_interval(secs => 60 + ${pick('i * 131 + 25', 365 * 86400)})
         FROM generate_series(1, $2::int) AS i
         JOIN bench_action_numbers n ON n.g = 1 + ${pick('i * 137 + 26', sizes.actions)}
         JOIN actions a ON a.id = n.id`,
      [NARRATIVES, rest],
    );
  });

  // --- Comments by partners' liaisons: about two thirds with a position; some organisations
  // state a second, later position on the same action. ----------------------------------------
  await step('comments', async () => {
    // hashtext() is any int4: keep 20 bits before doing arithmetic on it.
    const h = `(hashtext(p.action_id::text) & 1048575)`;
    const ho = `(hashtext(p.organisation_id::text || p.action_id::text) & 1048575)`;
    await q(
      `INSERT INTO comments (action_id, author_user_id, author_organisation_id, body, position, created_at)
       SELECT p.action_id, u.id, u.organisation_id,
              ($1::text[])[1 + ${pick(`${h} + r`, COMMENTS.length)}],
              CASE WHEN ${pick(`${h} * 3 + r`, 3)} <> 0
                   THEN (ARRAY['supports', 'concerns', 'objects'])[1 + ${pick(`${ho} + r`, 3)}] END,
              now() - make_interval(secs => 60 + ${pick(`${h} * 5 + r * 7`, 180 * 86400)})
                    - make_interval(days => 180 * (2 - r))
         FROM action_partners p
         JOIN users u ON u.organisation_id = p.organisation_id AND u.email LIKE '%-liaison-1@%'
        CROSS JOIN (VALUES (1), (2)) AS x(r)
        WHERE ${pick(h, 2)} = 0
          AND (r = 1 OR ${pick(`${h} + 99`, 4)} = 0)`,
      [COMMENTS],
    );
  });

  await step('VACUUM ANALYZE', async () => {
    await q(
      'DROP TABLE bench_action_numbers, bench_owner_slots, bench_editors, bench_commitment_numbers',
    );
    await q('VACUUM ANALYZE');
  });

  const [counts] = await q<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM organisations) AS organisations,
            (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM tracks) AS tracks,
            (SELECT count(*)::int FROM commitments) AS commitments,
            (SELECT count(*)::int FROM commitment_references) AS "commitment references",
            (SELECT count(*)::int FROM actions) AS actions,
            (SELECT count(*)::int FROM action_partners) AS partners,
            (SELECT count(*)::int FROM progress_updates) AS "progress updates",
            (SELECT count(*)::int FROM comments) AS comments,
            (SELECT count(*)::int FROM comments WHERE position IS NOT NULL) AS positions`,
  );
  return { programmeId, coordinatorId, counts, elapsedMs };
}
