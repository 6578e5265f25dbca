import {
  ACTION_HEALTHS,
  type ActionHealth,
  type ActionStatus,
  isClosed,
} from '../actions/action-states';

/**
 * Roll-ups (issue 18): the progress and health of a commitment, a track or a parent action,
 * derived from its actions. The rules, in one place for the live reads (SQL below) and the
 * reports of the past (`sumsOfAction`):
 *
 * - which actions: every action of the commitment or track, sub-actions included (a sub-action
 *   is an action of the same commitment and track, and so are the lists and the summary
 *   counts a figure links to); of a parent action, its sub-actions.
 * - percentage: the mean of the actions' `percentComplete`, each weighted by its `rollupWeight`
 *   (null: 1), which coordinators set. A `met` action counts as 100, a `partially_met` one
 *   with its own percentage, a `lapsed` one not at all (it will not be done: it is neither
 *   progress nor a lack of it). Rounded to one decimal; null when no action counts.
 * - health: the worst health among the open actions (off_track, at_risk, on_track, not_set),
 *   with how many open actions have it; null without open actions.
 */

/** From worst to best: the first one any open action has is the roll-up's health. */
export const HEALTH_SEVERITY: readonly ActionHealth[] = [
  'off_track',
  'at_risk',
  'on_track',
  'not_set',
];

/** What a roll-up is derived from; the sums of two sets of actions add up. */
export interface RollupSums {
  total: number;
  open: number;
  overdue: number;
  /** The sum of the weights of the actions that count towards the percentage. */
  weight: number;
  /** The sum of weight × percentage of those actions. */
  weighted: number;
  /** Open actions per health. */
  openByHealth: Record<ActionHealth, number>;
}

export interface Rollup {
  /** 0–100, one decimal; null when no action counts (none, or all lapsed). */
  percentComplete: number | null;
  /** The worst health among the open actions; null without open actions. */
  health: ActionHealth | null;
  /** How many open actions have that health. */
  healthCount: number;
  /** Open actions per health. */
  byHealth: Record<ActionHealth, number>;
  total: number;
  open: number;
  closed: number;
  overdue: number;
}

export const emptyRollupSums = (): RollupSums => ({
  total: 0,
  open: 0,
  overdue: 0,
  weight: 0,
  weighted: 0,
  openByHealth: { not_set: 0, on_track: 0, at_risk: 0, off_track: 0 },
});

export function addRollupSums(into: RollupSums, from: RollupSums): RollupSums {
  into.total += from.total;
  into.open += from.open;
  into.overdue += from.overdue;
  into.weight += from.weight;
  into.weighted += from.weighted;
  for (const health of ACTION_HEALTHS) into.openByHealth[health] += from.openByHealth[health];
  return into;
}

/** The sums of one action. */
export function sumsOfAction(action: {
  status: ActionStatus;
  health: ActionHealth;
  percentComplete: number;
  rollupWeight: number | null;
  overdue: boolean;
}): RollupSums {
  const sums = emptyRollupSums();
  const open = !isClosed(action.status);
  sums.total = 1;
  sums.open = open ? 1 : 0;
  sums.overdue = action.overdue ? 1 : 0;
  if (action.status !== 'lapsed') {
    const weight = action.rollupWeight ?? 1;
    sums.weight = weight;
    sums.weighted = weight * (action.status === 'met' ? 100 : action.percentComplete);
  }
  if (open) sums.openByHealth[action.health] = 1;
  return sums;
}

export function rollupOf(sums: RollupSums): Rollup {
  const health = HEALTH_SEVERITY.find((h) => sums.openByHealth[h] > 0) ?? null;
  return {
    percentComplete: sums.weight === 0 ? null : Math.round((sums.weighted / sums.weight) * 10) / 10,
    health,
    healthCount: health === null ? 0 : sums.openByHealth[health],
    byHealth: { ...sums.openByHealth },
    total: sums.total,
    open: sums.open,
    closed: sums.total - sums.open,
    overdue: sums.overdue,
  };
}

/** An action's weight towards the percentage (0: it does not count), for SQL over `actions t`. */
const weightSql = (t: string) =>
  `(CASE WHEN ${t}.status = 'lapsed' THEN 0 ELSE coalesce(${t}.rollup_weight, 1) END)`;

/** An action's weight × percentage, for SQL over `actions t`. */
const weightedSql = (t: string) => `(CASE WHEN ${t}.status = 'lapsed' THEN 0
  ELSE coalesce(${t}.rollup_weight, 1) * CASE WHEN ${t}.status = 'met' THEN 100 ELSE ${t}.percent_complete END END)`;

/** An action's weight towards the percentage, for SQL over `actions a` (0: it does not count). */
export const ROLLUP_WEIGHT_SQL = weightSql('a');

/** An action's weight × percentage, for SQL over `actions a`. */
export const ROLLUP_WEIGHTED_SQL = weightedSql('a');

/**
 * The aggregate columns of `RollupSums` over `actions a` (or another `alias`) in a GROUP BY,
 * given the SQL of "open" and "overdue"; `rollupSumsFrom` reads them back.
 */
export function rollupSumsSql(open: string, overdue: string, alias = 'a'): string {
  return `count(*) AS "rollupTotal",
    count(*) FILTER (WHERE ${open}) AS "rollupOpen",
    count(*) FILTER (WHERE ${overdue}) AS "rollupOverdue",
    coalesce(sum(${weightSql(alias)}), 0) AS "rollupWeight",
    coalesce(sum(${weightedSql(alias)}), 0) AS "rollupWeighted",
    ${ACTION_HEALTHS.map(
      (h) => `count(*) FILTER (WHERE ${open} AND ${alias}.health = '${h}') AS "rollupOpen_${h}"`,
    ).join(',\n    ')}`;
}

export function rollupSumsFrom(row: Record<string, unknown>): RollupSums {
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    total: n('rollupTotal'),
    open: n('rollupOpen'),
    overdue: n('rollupOverdue'),
    weight: n('rollupWeight'),
    weighted: n('rollupWeighted'),
    openByHealth: Object.fromEntries(
      ACTION_HEALTHS.map((h) => [h, n(`rollupOpen_${h}`)]),
    ) as Record<ActionHealth, number>,
  };
}
