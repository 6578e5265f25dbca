/**
 * Tracking's tables as other contexts' statements may use them, where a join must stay in one
 * statement (DESIGN §3, issue 24): tracking vouches for these fragments, and they are the one
 * place outside tracking's own code that names `actions` and `progress_updates`.
 */

/**
 * Actions as other contexts join them, a derived table PostgreSQL inlines (so indexes and
 * row locks work through it: `FOR KEY SHARE OF <alias>` locks the action rows): `id`,
 * `programme_id`, `track_id`, `title`, `deadline`, `status`, `owner_organisation_id`,
 * `owner_user_id`. It must stay a plain projection: with DISTINCT, GROUP BY or UNION in it,
 * PostgreSQL would refuse the update rounds' lock.
 */
export const ACTION_HEADERS = `(SELECT id, programme_id, track_id, title, deadline, status,
    owner_organisation_id, owner_user_id FROM actions)`;

/**
 * Whether the action `actionId` (an SQL expression) has had an owner's progress update (a timeline
 * entry of kind `progress`, not a moved deadline or an escalation) at or after `since` (an SQL expression).
 */
export function progressSinceSql(actionId: string, since: string): string {
  return `EXISTS (SELECT 1 FROM progress_updates u
  WHERE u.action_id = ${actionId} AND u.kind = 'progress' AND u.created_at >= ${since})`;
}

/** When the action `actionId` (an SQL expression) last had an owner's progress update, or null. */
export function lastProgressAtSql(actionId: string): string {
  return `(SELECT max(u.created_at) FROM progress_updates u
                WHERE u.action_id = ${actionId} AND u.kind = 'progress')`;
}
