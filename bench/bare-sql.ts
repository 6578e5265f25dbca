/**
 * The bare comparator's SQL: the product's list statement (its columns, WHERE, ORDER BY and
 * LIMIT) with what the product's response adds to each action as subqueries, and the shape
 * of an action in the response.
 */
import { CLOSED_STATUSES } from '../libs/tracking/src/actions/action-states';
import { rollupOf, rollupSumsFrom, rollupSumsSql } from '../libs/tracking/src/rollups/rollup';

/** Open, and open past its deadline (today in Europe/Amsterdam), over sub-actions `s`. */
const OPEN = `s.status <> ALL('{${CLOSED_STATUSES.join(',')}}'::text[])`;
const OVERDUE = `${OPEN} AND s.deadline < (now() AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * The roll-up of an action's sub-actions, as the product reads it beside the action (its
 * sums, from the product's own SQL; null without sub-actions), answered through the
 * product's `rollupOf` in `view`.
 */
const ROLLUP = `(SELECT row_to_json(r)
     FROM (SELECT ${rollupSumsSql(OPEN, OVERDUE, 's')}
             FROM actions s WHERE s.parent_action_id = a.id) r
    WHERE r."rollupTotal" > 0) AS rollup`;

export const COLUMNS = `a.id, a.programme_id, a.track_id, a.commitment_id, a.parent_action_id, a.title,
  a.description, a.owner_organisation_id, a.owner_user_id, a.start_date, a.deadline, a.status,
  a.health, a.verification, a.percent_complete, a.rollup_weight, a.escalation_level,
  a.closed_at, a.tags, a.public, a.latest_narrative, a.version, a.created_at, a.updated_at,
  ${ROLLUP},
  (SELECT json_build_object('id', o.id, 'code', o.code, 'name', o.name)
     FROM organisations o WHERE o.id = a.owner_organisation_id) AS owner,
  (SELECT coalesce(json_agg(json_build_object(
            'organisation', json_build_object('id', o.id, 'code', o.code, 'name', o.name),
            'role', p.role) ORDER BY o.code), '[]')
     FROM action_partners p JOIN organisations o ON o.id = p.organisation_id
     WHERE p.action_id = a.id) AS partners,
  (SELECT coalesce(json_agg(json_build_object('organisationId', c.author_organisation_id,
            'position', c.position, 'statedAt', c.created_at)), '[]')
     FROM (SELECT DISTINCT ON (c.author_organisation_id) c.author_organisation_id, c.position,
                  c.created_at
           FROM comments c WHERE c.action_id = a.id AND c.position IS NOT NULL
           ORDER BY c.author_organisation_id, c.created_at DESC, c.id DESC) c) AS positions`;

/**
 * One action by id, as the comparators read it (named: prepared once per connection): as one
 * JSON value, as the product reads it (`ActionViewsReader.one`); the row is `view`.
 */
export const GET_STATEMENT = {
  name: 'get',
  text: `SELECT row_to_json(v) AS view FROM (SELECT ${COLUMNS} FROM actions a WHERE a.id = $1) v`,
};

/** The product's sort keys (libs/tracking ActionsRepository); the tiebreaker is `a.id`. */
export const SORT_KEYS: Record<string, string> = {
  deadline: 'a.deadline',
  updatedAt: 'a.updated_at',
  title: 'lower(a.title)',
};

export interface ActionRow {
  id: string;
  programme_id: string;
  track_id: string | null;
  commitment_id: string | null;
  parent_action_id: string | null;
  title: string;
  description: string;
  owner_organisation_id: string;
  owner_user_id: string | null;
  start_date: string | null;
  deadline: string;
  status: string;
  health: string;
  verification: string;
  percent_complete: number;
  rollup_weight: number | null;
  escalation_level: string | null;
  closed_at: Date | string | null;
  tags: string[];
  public: boolean;
  latest_narrative: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  owner: { id: string; code: string; name: string } | null;
  partners: unknown[];
  positions: unknown[];
  rollup: Record<string, unknown> | null;
  k0?: string;
  k1?: string;
}

const CLOSED = new Set<string>(CLOSED_STATUSES);
export const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** A row's instant: a Date from a column, ISO 8601 text from JSON. */
const instant = (value: Date | string) =>
  (typeof value === 'string' ? new Date(value) : value).toISOString();

export function view(row: ActionRow, today: string, publicUrl: string) {
  const self = `${publicUrl}/v1/actions/${row.id}`;
  return {
    id: row.id,
    programmeId: row.programme_id,
    trackId: row.track_id,
    commitmentId: row.commitment_id,
    parentActionId: row.parent_action_id,
    title: row.title,
    description: row.description,
    ownerOrganisation: row.owner,
    ownerUserId: row.owner_user_id,
    partners: row.partners,
    startDate: row.start_date,
    deadline: row.deadline,
    status: row.status,
    health: row.health,
    verification: row.verification,
    percentComplete: row.percent_complete,
    rollupWeight: row.rollup_weight,
    rollup: row.rollup === null ? null : rollupOf(rollupSumsFrom(row.rollup)),
    overdue: !CLOSED.has(row.status) && row.deadline < today,
    escalationLevel: row.escalation_level,
    closedAt: row.closed_at === null ? null : instant(row.closed_at),
    tags: row.tags,
    public: row.public,
    latestNarrative: row.latest_narrative,
    positions: row.positions,
    version: row.version,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
    _links: { self: { href: self }, progressUpdates: { href: `${self}/progress-updates` } },
  };
}

interface ListStatement {
  name: string;
  text: string;
}

const listStatements = new Map<string, ListStatement>();

/**
 * The product's list statement for this sort and these filters (paginateKeyset's form: a row
 * comparison, the tiebreaker in the sort's direction). `equality` names the programme with `=`,
 * as the product does for one programme; without it `= ANY(array)` (`form=any`), the form the
 * product used to send, which makes PostgreSQL sort every row.
 */
export function listStatement(
  sortKey: string,
  desc: boolean,
  statuses: boolean,
  cursor: boolean,
  equality: boolean,
) {
  const name = `list:${desc ? '-' : ''}${sortKey}:${statuses ? 's' : ''}:${cursor ? 'c' : ''}:${equality ? 'e' : ''}`;
  let statement = listStatements.get(name);
  if (statement) return statement;
  const key = SORT_KEYS[sortKey];
  const direction = desc ? 'DESC' : 'ASC';
  const where = [
    equality ? 'a.programme_id = ($1::uuid[])[1]' : 'a.programme_id = ANY($1::uuid[])',
  ];
  let n = 1;
  if (statuses) where.push(`a.status = ANY($${++n})`);
  if (cursor) {
    const [k0, k1] = [++n, ++n];
    where.push(`((${key}, a.id) ${desc ? '<' : '>'} ($${k0}, $${k1}))`);
  }
  statement = {
    name,
    text: `SELECT ${COLUMNS}, (${key})::text AS k0, (a.id)::text AS k1
           FROM actions a WHERE ${where.join(' AND ')}
           ORDER BY ${key} ${direction}, a.id ${direction} LIMIT $${n + 1}`,
  };
  listStatements.set(name, statement);
  return statement;
}

export const AUDIT_COLUMNS = `sequence, occurred_at, actor_type, actor_id, actor_organisation_id,
  client_address, user_agent, request_id, trace_id, operation, result, entity_type, entity_id,
  programme_id, changes, details, prev_hash, hash`;
