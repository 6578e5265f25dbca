/**
 * The programme of `npm run bench:imports` (issue 19), put in with set-based SQL (no API):
 * BENCH_IMPORT_ORGANISATIONS organisations with two editors each, the ten tracks of the
 * reports benchmark, BENCH_IMPORT_COMMITMENTS agenda items, a coordinator, and the actions.
 *
 * The actions are shaped for the update scenario: every third one is `not_started` (its row
 * can move to In uitvoering), the others `in_progress` with a health, a percentage and the
 * progress update that set them (so `latest_narrative` matches a timeline). All deadlines lie
 * ahead, so a moved deadline needs only its reason. Commitments are agenda items because that
 * kind has no attributes of its own: their rows come back unchanged, never as errors.
 *
 * Pseudo-random choices come from `hashint4` of the row number, as in `reports-seed.ts`.
 */
import type { DataSource } from 'typeorm';
import { NARRATIVES, ORGANISATIONS, SUBJECTS, TAGS, TOPICS, VERBS } from './api-seed-data';
import { REPORT_TRACKS } from './reports-seed';

export interface ImportSeedSizes {
  actions: number;
  commitments: number;
  organisations: number;
}

export interface SeededImports {
  programmeId: string;
  coordinatorId: string;
  counts: Record<string, number>;
}

/** `(hashint4(expr) & 2147483647) % n`: a stable pseudo-random number in [0, n). */
const pick = (expression: string, n: number | string) =>
  `((hashint4(${expression}) & 2147483647) % ${n})`;

export async function seedImports(
  dataSource: DataSource,
  sizes: ImportSeedSizes,
): Promise<SeededImports> {
  const q = <T = unknown>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    dataSource.query<T[]>(sql, parameters);
  const orgs = ORGANISATIONS.slice(0, Math.min(sizes.organisations, ORGANISATIONS.length));
  if (orgs.length < 2) throw new Error('BENCH_IMPORT_ORGANISATIONS must be at least 2');

  await q(
    `INSERT INTO organisations (code, name, kind)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
    [orgs.map((o) => o[0]), orgs.map((o) => o[1]), orgs.map((o) => o[2])],
  );
  await q(
    `INSERT INTO users (email, display_name, organisation_id)
     SELECT lower(o.code) || '-editor-' || n || '@bench.example.nl',
            'Editor ' || n || ' (' || o.code || ')', o.id
       FROM organisations o CROSS JOIN generate_series(1, 2) AS n`,
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
  const programmeId = programme.id;
  await q(
    `INSERT INTO tracks (programme_id, name, position)
     SELECT $1, name, position - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(name, position)`,
    [programmeId, REPORT_TRACKS],
  );
  await q(
    `INSERT INTO memberships (programme_id, user_id, role)
     SELECT $1, id, CASE WHEN id = $2 THEN 'coordinator' ELSE 'editor' END FROM users`,
    [programmeId, coordinator.id],
  );
  await q(
    `INSERT INTO commitments (programme_id, kind, title, description, date_agreed, attributes)
     SELECT $1, 'agenda_item',
            'Afspraak ' || g || ': ' || ($2::text[])[1 + ${pick('g * 3', SUBJECTS.length)}]
              || ' voor ' || ($3::text[])[1 + ${pick('g * 5', TOPICS.length)}],
            'Vastgelegd in het overleg tussen Rijk en medeoverheden.',
            date '2024-01-01' + ${pick('g * 7', 600)}, '{}'::jsonb
       FROM generate_series(1, $4::int) AS g`,
    [programmeId, SUBJECTS, TOPICS, sizes.commitments],
  );

  // Numbered helpers: the g-th organisation, editor, track and commitment, for the joins.
  await q(
    `CREATE UNLOGGED TABLE bench_import_orgs AS
     SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM organisations`,
  );
  await q(
    `CREATE UNLOGGED TABLE bench_import_editors AS
     SELECT organisation_id, (row_number() OVER (PARTITION BY organisation_id ORDER BY email) - 1)::int AS n,
            id AS user_id
       FROM users WHERE email LIKE '%-editor-%'`,
  );
  await q(
    `CREATE UNLOGGED TABLE bench_import_commitments AS
     SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM commitments`,
  );
  const orgCount = orgs.length;
  const commitments = Math.max(1, sizes.commitments);
  await q(
    `WITH base AS (
       SELECT g, gen_random_uuid() AS id,
              g % 3 = 0 AS fresh,
              current_date + 60 + ${pick('g * 13 + 2', 600)} AS deadline,
              ${pick('g * 23 + 5', orgCount)} AS org
         FROM generate_series(1, $2::int) AS g
     )
     INSERT INTO actions (id, programme_id, track_id, commitment_id, title, description,
       owner_organisation_id, owner_user_id, start_date, deadline, status, health, verification,
       percent_complete, tags, latest_narrative, version, created_at, updated_at)
     SELECT b.id, $1, t.id,
            CASE WHEN b.g % 2 = 0 AND ${sizes.commitments} > 0 THEN c.id END,
            ($3::text[])[1 + ${pick('b.g * 43 + 9', VERBS.length)}] || ' '
              || ($4::text[])[1 + ${pick('b.g * 47 + 10', SUBJECTS.length)}] || ' voor '
              || ($5::text[])[1 + ${pick('b.g * 53 + 11', TOPICS.length)}] || ' (' || b.g || ')',
            'Deze actie volgt uit de afspraken in de Actieagenda Sterk Bestuur.',
            o.id, e.user_id,
            CASE WHEN b.g % 4 <> 0 THEN b.deadline - (90 + ${pick('b.g * 61 + 13', 300)}) END,
            b.deadline,
            CASE WHEN b.fresh THEN 'not_started' ELSE 'in_progress' END,
            CASE WHEN b.fresh THEN 'not_set'
                 ELSE (ARRAY['on_track', 'on_track', 'at_risk'])[1 + ${pick('b.g * 31 + 1', 3)}] END,
            'self_reported',
            CASE WHEN b.fresh THEN 0 ELSE 5 + ${pick('b.g * 71 + 15', 90)} END,
            ARRAY[($6::text[])[1 + ${pick('b.g * 83 + 3', TAGS.length)}]],
            CASE WHEN NOT b.fresh THEN ($7::text[])[1 + ${pick('b.g * 113 + 22', NARRATIVES.length)}] END,
            CASE WHEN b.fresh THEN 1 ELSE 2 + b.g % 3 END,
            now() - interval '200 days', now() - make_interval(days => 1 + ${pick('b.g * 97 + 19', 60)})
       FROM base b
       JOIN tracks t ON t.programme_id = $1 AND t.position = ${pick('b.g * 29 + 6', REPORT_TRACKS.length)}
       JOIN bench_import_orgs o ON o.n = b.org
       JOIN bench_import_editors e ON e.organisation_id = o.id AND e.n = b.g % 2
       LEFT JOIN bench_import_commitments c ON c.n = ${pick('b.g * 41 + 8', commitments)}`,
    [programmeId, sizes.actions, VERBS, SUBJECTS, TOPICS, TAGS, NARRATIVES],
  );
  // The progress update that put each started action where it is.
  await q(
    `INSERT INTO progress_updates (action_id, kind, author_user_id, author_organisation_id,
       status, health, percent_complete, narrative, reason, created_at)
     SELECT id, 'progress', owner_user_id, owner_organisation_id, status, health,
            percent_complete, latest_narrative, NULL, updated_at
       FROM actions WHERE programme_id = $1 AND status = 'in_progress'`,
    [programmeId],
  );
  // A partner on about a third of the actions: the organisation after the owner's.
  await q(
    `INSERT INTO action_partners (action_id, organisation_id, role)
     SELECT a.id, p.id, 'contributor'
       FROM actions a
       JOIN bench_import_orgs o ON o.id = a.owner_organisation_id
       JOIN bench_import_orgs p ON p.n = (o.n + 1) % $2
      WHERE a.programme_id = $1 AND (hashtext(a.id::text) & 3) = 0`,
    [programmeId, orgCount],
  );
  await q('DROP TABLE bench_import_orgs, bench_import_editors, bench_import_commitments');
  await q('VACUUM ANALYZE');

  const [counts] = await q<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM organisations) AS organisations,
            (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM tracks) AS tracks,
            (SELECT count(*)::int FROM commitments) AS commitments,
            (SELECT count(*)::int FROM actions) AS actions,
            (SELECT count(*)::int FROM actions WHERE status = 'not_started') AS "not started",
            (SELECT count(*)::int FROM action_partners) AS partners,
            (SELECT count(*)::int FROM progress_updates) AS "progress updates"`,
  );
  return { programmeId, coordinatorId: coordinator.id, counts };
}
