/**
 * Fills a fresh scratch database with a programme the size the API benchmark asks for: the
 * Actieagenda's organisations and people, one programme with four tracks, commitments,
 * actions with partners, progress updates and comments, and the audit events all of that
 * would have left. Rows go in with set-based SQL; the audit events go through the real
 * AuditService, so that the chain they form is valid.
 *
 * Pseudo-random choices come from `hashint4` of the row number: the same sizes give the
 * same data on every run.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedAudit } from './api-seed-audit';
import {
  COMMENTS,
  COMMITMENTS,
  KINDS,
  NARRATIVES,
  ORGANISATIONS,
  SUBJECTS,
  TAGS,
  TOPICS,
  TRACKS,
  VERBS,
} from './api-seed-data';

export interface SeedSizes {
  actions: number;
  /** Events per AuditService.recordMany call (one transaction each). */
  auditBatch: number;
}

export interface SeededProgramme {
  programmeId: string;
  /** The editor whose bearer token the load uses, and its organisation (owner of many actions). */
  editor: { userId: string; organisationId: string };
  counts: Record<string, number>;
  elapsedMs: Record<string, number>;
}

/** `(hashint4(expr) & 2147483647) % n`: a stable pseudo-random number in [0, n). */
const pick = (expression: string, n: number | string) =>
  `((hashint4(${expression}) & 2147483647) % ${n})`;

async function timed<T>(
  elapsed: Record<string, number>,
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  elapsed[label] = performance.now() - started;
  return result;
}

async function seedIdentity(dataSource: DataSource): Promise<string> {
  await dataSource.query(
    `INSERT INTO organisations (code, name, kind)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
    [
      ORGANISATIONS.map((o) => o[0]),
      ORGANISATIONS.map((o) => o[1]),
      ORGANISATIONS.map((o) => o[2]),
    ],
  );
  // Per organisation: editors by weight (BZK 16), one or two liaisons, one viewer; BZK also
  // has the programme's coordinators.
  await dataSource.query(
    `INSERT INTO users (email, display_name, organisation_id)
     SELECT lower(o.code) || '-' || r.role || '-' || n || '@bench.example.nl',
            initcap(r.role) || ' ' || n || ' (' || o.code || ')', o.id
     FROM organisations o
     JOIN unnest($1::text[], $2::int[]) AS w(code, weight) ON w.code = o.code
     CROSS JOIN LATERAL (VALUES
       ('editor', greatest(2, least(16, w.weight / 2 + 1))),
       ('liaison', CASE WHEN w.weight > 2 THEN 2 ELSE 1 END),
       ('viewer', 1),
       ('coordinator', CASE WHEN o.code = 'BZK' THEN 3 ELSE 0 END)) AS r(role, count)
     CROSS JOIN LATERAL generate_series(1, r.count) AS n`,
    [ORGANISATIONS.map((o) => o[0]), ORGANISATIONS.map((o) => o[3])],
  );
  const [programme] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO programmes (name, slug, description, start_date, end_date)
     VALUES ('Actieagenda Sterk Bestuur', 'actieagenda-sterk-bestuur',
             'Samen werken aan een sterk en slagvaardig openbaar bestuur.', '2024-01-01', '2029-12-31')
     RETURNING id`,
  );
  await dataSource.query(
    `INSERT INTO tracks (programme_id, name, position)
     SELECT $1, name, position FROM unnest($2::text[]) WITH ORDINALITY AS t(name, position)`,
    [programme.id, TRACKS],
  );
  await dataSource.query(
    `INSERT INTO memberships (programme_id, user_id, role)
     SELECT $1, id, split_part(split_part(email, '@', 1), '-', -2) FROM users`,
    [programme.id],
  );
  return programme.id;
}

async function seedCommitments(dataSource: DataSource, programmeId: string, count: number) {
  await dataSource.query(
    `INSERT INTO commitments (programme_id, kind, title, description, date_agreed, attributes)
     SELECT $1, ($2::text[])[1 + ${pick('g', 6)}],
            'Afspraak ' || g || ': ' || ($3::text[])[1 + ${pick('g * 3', SUBJECTS.length)}]
              || ' voor ' || ($4::text[])[1 + ${pick('g * 5', TOPICS.length)}],
            'Vastgelegd in het overleg tussen Rijk en medeoverheden.',
            date '2023-01-01' + ${pick('g * 7', 900)},
            jsonb_build_object('source', 'bench', 'number', g)
     FROM generate_series(1, $5::int) AS g`,
    [programmeId, KINDS, SUBJECTS, TOPICS, count],
  );
}

/**
 * Actions through a numbering table (`bench_action_numbers`: row number → id), so that
 * partners, progress updates, comments and parents can refer to an action by its number.
 */
async function seedActions(dataSource: DataSource, programmeId: string, count: number) {
  await dataSource.query(
    `CREATE UNLOGGED TABLE bench_action_numbers AS
     SELECT g, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS g`,
    [count],
  );
  await dataSource.query('ALTER TABLE bench_action_numbers ADD PRIMARY KEY (g)');
  // Owners by weight; each action's owner user is one of the organisation's editors.
  await dataSource.query(
    `CREATE UNLOGGED TABLE bench_owner_slots AS
     SELECT row_number() OVER () - 1 AS slot, o.id AS organisation_id
     FROM unnest($1::text[], $2::int[]) AS w(code, weight)
     JOIN organisations o ON o.code = w.code
     CROSS JOIN LATERAL generate_series(1, w.weight)`,
    [ORGANISATIONS.map((o) => o[0]), ORGANISATIONS.map((o) => o[3])],
  );
  await dataSource.query(
    `CREATE UNLOGGED TABLE bench_editors AS
     SELECT organisation_id, row_number() OVER (PARTITION BY organisation_id ORDER BY email) - 1 AS n,
            count(*) OVER (PARTITION BY organisation_id) AS of, id AS user_id
     FROM users WHERE email LIKE '%-editor-%'`,
  );
  const [{ slots }] = await dataSource.query<{ slots: number }[]>(
    'SELECT count(*)::int AS slots FROM bench_owner_slots',
  );
  // Status mix: 20 % not started, 45 % in progress, 20 % met, 8 % partially met, 7 % lapsed.
  // Updates (and so the version) 0–6 per action, about 3 on average.
  await dataSource.query(
    `WITH base AS (
       SELECT n.g, n.id,
              ${pick('n.g', 100)} AS s,
              ${pick('n.g * 31 + 1', 100)} AS h,
              date '2025-01-01' + ${pick('n.g * 13 + 2', 1826)} AS deadline,
              now() - make_interval(days => 1 + ${pick('n.g * 17 + 3', 700)}) AS created_at,
              ${pick('n.g * 19 + 4', slots)} AS slot
       FROM bench_action_numbers n
     ), shaped AS (
       SELECT b.*,
              CASE WHEN b.s < 20 THEN 'not_started' WHEN b.s < 65 THEN 'in_progress'
                   WHEN b.s < 85 THEN 'met' WHEN b.s < 93 THEN 'partially_met'
                   ELSE 'lapsed' END AS status,
              CASE WHEN b.s < 20 THEN ${pick('b.g * 23 + 5', 2)}
                   ELSE 1 + ${pick('b.g * 23 + 5', 6)} END AS updates,
              least(now() - interval '1 hour', b.created_at
                + make_interval(days => 1 + ${pick('b.g * 71 + 15', 60)}, secs => b.g % 86400)) AS updated_at
       FROM base b
     )
     INSERT INTO actions (id, programme_id, track_id, commitment_id, title, description,
       owner_organisation_id, owner_user_id, start_date, deadline, status, health, verification,
       percent_complete, closed_at, tags, latest_narrative, version, created_at, updated_at)
     SELECT s.id, $1,
            t.id,
            CASE WHEN ${pick('s.g * 37 + 7', 10)} <> 0 THEN c.id END,
            ($2::text[])[1 + ${pick('s.g * 43 + 9', VERBS.length)}] || ' '
              || ($3::text[])[1 + ${pick('s.g * 47 + 10', SUBJECTS.length)}] || ' voor '
              || ($4::text[])[1 + ${pick('s.g * 53 + 11', TOPICS.length)}],
            'Deze actie volgt uit de afspraken in de Actieagenda Sterk Bestuur. '
              || ($5::text[])[1 + ${pick('s.g * 59 + 12', NARRATIVES.length)}]
              || ' Betrokken partijen leveren input via de bestuurlijke overleggen.',
            o.organisation_id, e.user_id,
            s.deadline - (30 + ${pick('s.g * 61 + 13', 600)}),
            s.deadline, s.status,
            CASE WHEN s.status NOT IN ('not_started', 'in_progress') THEN 'not_set'
                 WHEN s.h < 60 THEN 'on_track' WHEN s.h < 85 THEN 'at_risk'
                 WHEN s.h < 95 THEN 'off_track' ELSE 'not_set' END,
            CASE WHEN s.status IN ('not_started', 'in_progress') THEN 'self_reported'
                 WHEN s.h < 50 THEN 'self_reported' WHEN s.h < 80 THEN 'partner_reviewed'
                 ELSE 'verified' END,
            CASE s.status WHEN 'not_started' THEN 0 WHEN 'met' THEN 100
                 WHEN 'in_progress' THEN 5 + ${pick('s.g * 67 + 14', 91)}
                 WHEN 'partially_met' THEN 40 + ${pick('s.g * 67 + 14', 51)}
                 ELSE ${pick('s.g * 67 + 14', 61)} END,
            CASE WHEN s.status IN ('met', 'partially_met', 'lapsed') THEN s.updated_at END,
            ARRAY(SELECT DISTINCT ($7::text[])[1 + ${pick('s.g * 73 + k', TAGS.length)}]
                  FROM generate_series(1, 1 + ${pick('s.g * 79 + 16', 3)}) AS k),
            CASE WHEN s.updates > 0
                 THEN ($5::text[])[1 + ${pick('s.g * 83 + 17', NARRATIVES.length)}] END,
            1 + s.updates,
            s.created_at,
            s.updated_at
     FROM shaped s
     JOIN tracks t ON t.programme_id = $1 AND t.position = 1 + ${pick('s.g * 29 + 6', TRACKS.length)}
     JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM commitments) c
       ON c.i = ${pick('s.g * 41 + 8', '$6::int')}
     JOIN bench_owner_slots o ON o.slot = s.slot
     JOIN bench_editors e ON e.organisation_id = o.organisation_id
                         AND e.n = ${pick('s.g * 89 + 18', 'e.of')}`,
    [programmeId, VERBS, SUBJECTS, TOPICS, NARRATIVES, COMMITMENTS, TAGS],
  );
  // Three in a hundred are sub-actions of an earlier top-level action (one level deep).
  await dataSource.query(
    `UPDATE actions a SET parent_action_id = p.id, track_id = pa.track_id
     FROM bench_action_numbers n, bench_action_numbers p, actions pa
     WHERE a.id = n.id AND n.g % 33 = 0 AND p.g = 1 + ${pick('n.g * 97 + 19', 'n.g - 1')}
       AND p.g % 33 <> 0 AND pa.id = p.id`,
  );
  // Partners: 0–3 other organisations per action, with roles.
  await dataSource.query(
    `INSERT INTO action_partners (action_id, organisation_id, role)
     SELECT a.id, o.id, (ARRAY['co_owner', 'contributor', 'contributor', 'informed'])[1 + ${pick('n.g * 101 + k', 4)}]
     FROM bench_action_numbers n
     JOIN actions a ON a.id = n.id
     CROSS JOIN LATERAL generate_series(1, ${pick('n.g * 103 + 20', 4)}) AS k
     JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS i FROM organisations) o
       ON o.i = ${pick('n.g * 107 + k * 11', ORGANISATIONS.length)}
     WHERE o.id <> a.owner_organisation_id
     ON CONFLICT DO NOTHING`,
  );
}

/** The timeline: `version - 1` progress updates per action, the last one's narrative on the action. */
async function seedTimeline(dataSource: DataSource) {
  await dataSource.query(
    `INSERT INTO progress_updates (action_id, kind, author_user_id, author_organisation_id,
       status, health, percent_complete, narrative, reason, created_at)
     SELECT a.id, 'progress', a.owner_user_id, a.owner_organisation_id,
            CASE WHEN k = 1 AND a.status <> 'not_started' THEN 'in_progress'
                 WHEN k = a.version - 1 AND a.status NOT IN ('not_started', 'in_progress') THEN a.status END,
            CASE WHEN a.status IN ('not_started', 'in_progress') AND k = a.version - 1 THEN a.health END,
            CASE WHEN k = a.version - 1 THEN a.percent_complete
                 ELSE a.percent_complete * k / a.version END,
            CASE WHEN k = a.version - 1 THEN a.latest_narrative
                 ELSE ($1::text[])[1 + ${pick('n.g * 109 + k', NARRATIVES.length)}] END,
            CASE WHEN k = a.version - 1 AND a.status IN ('partially_met', 'lapsed')
                 THEN 'Niet volledig haalbaar binnen de afgesproken termijn.' END,
            a.created_at + (a.updated_at - a.created_at) * k / (a.version - 1)
     FROM bench_action_numbers n
     JOIN actions a ON a.id = n.id
     CROSS JOIN LATERAL generate_series(1, a.version - 1) AS k`,
    [NARRATIVES],
  );
  // Reviews: a quarter of the actions has a comment by a partner's liaison, half with a position.
  await dataSource.query(
    `INSERT INTO comments (action_id, author_user_id, author_organisation_id, body, position, created_at)
     SELECT DISTINCT ON (a.id) a.id, u.id, u.organisation_id,
            ($1::text[])[1 + ${pick('n.g * 113 + 21', COMMENTS.length)}],
            CASE WHEN n.g % 8 < 4 THEN (ARRAY['supports', 'concerns', 'objects'])[1 + ${pick('n.g * 127 + 22', 3)}] END,
            a.updated_at
     FROM bench_action_numbers n
     JOIN actions a ON a.id = n.id
     JOIN action_partners p ON p.action_id = a.id
     JOIN users u ON u.organisation_id = p.organisation_id AND u.email LIKE '%-liaison-1@%'
     WHERE n.g % 4 = 0
     ORDER BY a.id, p.organisation_id`,
    [COMMENTS],
  );
}

/** Seeds the programme into the (empty, migrated) database of `context`, then VACUUM ANALYZE. */
export async function seedProgramme(
  context: INestApplicationContext,
  sizes: SeedSizes,
  signal: AbortSignal,
  progress: (line: string) => void,
): Promise<SeededProgramme> {
  const dataSource = context.get(DataSource);
  const elapsedMs: Record<string, number> = {};
  const programmeId = await timed(elapsedMs, 'identity', () => seedIdentity(dataSource));
  await timed(elapsedMs, 'commitments', () =>
    seedCommitments(dataSource, programmeId, COMMITMENTS),
  );
  progress(
    `identity and commitments: ${Math.round(elapsedMs.identity + elapsedMs.commitments)} ms`,
  );
  await timed(elapsedMs, 'actions', () => seedActions(dataSource, programmeId, sizes.actions));
  progress(`actions and partners: ${Math.round(elapsedMs.actions)} ms`);
  await timed(elapsedMs, 'timeline', () => seedTimeline(dataSource));
  progress(`progress updates and comments: ${Math.round(elapsedMs.timeline)} ms`);
  signal.throwIfAborted();
  const events = await timed(elapsedMs, 'audit', () =>
    seedAudit(context, sizes.actions, sizes.auditBatch, signal),
  );
  progress(`audit events through AuditService.recordMany: ${Math.round(elapsedMs.audit)} ms`);
  await timed(elapsedMs, 'analyze', async () => {
    await dataSource.query('DROP TABLE bench_action_numbers, bench_owner_slots, bench_editors');
    await dataSource.query('VACUUM ANALYZE');
  });

  const [counts] = await dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM organisations) AS organisations,
            (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM tracks) AS tracks,
            (SELECT count(*)::int FROM commitments) AS commitments,
            (SELECT count(*)::int FROM actions) AS actions,
            (SELECT count(*)::int FROM action_partners) AS partners,
            (SELECT count(*)::int FROM progress_updates) AS "progress updates",
            (SELECT count(*)::int FROM comments) AS comments,
            (SELECT count(*)::int FROM audit_events) AS "audit events"`,
  );
  if (counts['audit events'] !== events) throw new Error('audit event count mismatch');
  const [editor] = await dataSource.query<{ userId: string; organisationId: string }[]>(
    `SELECT u.id AS "userId", u.organisation_id AS "organisationId"
     FROM users u WHERE u.email = 'bzk-editor-1@bench.example.nl'`,
  );
  return { programmeId, editor, counts, elapsedMs };
}
