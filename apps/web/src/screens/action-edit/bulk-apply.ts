import { api, type Problem, type Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';

/** One change for all chosen actions (exactly one kind at a time). */
export type BulkChange =
  | { kind: 'owner'; ownerOrganisationId: string; ownerUserId: string }
  | { kind: 'track'; trackId: string }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'deadline'; deadline: string; reason: string };

export type Outcome = 'changed' | 'unchanged' | 'conflict' | 'refused' | 'invalid' | 'failed';

export interface BulkResult {
  /** The action as it was used for the change (after a change: as it is now). */
  action: Action;
  outcome: Outcome;
  /** For `invalid`: the API's invalidParams; for `failed`: the HTTP status (none: no answer). */
  problems?: Problem['invalidParams'];
  status?: number;
}

/**
 * The body of the change for one action, computed from the version the person saw (so that
 * "add a tag" keeps the tags it had); undefined when the action already is as asked.
 */
export function bodyFor(
  change: BulkChange,
  action: Action,
): Schemas['UpdateActionDto'] | undefined {
  switch (change.kind) {
    case 'owner': {
      const user = change.ownerUserId || null;
      if (action.ownerOrganisation.id === change.ownerOrganisationId && action.ownerUserId === user)
        return undefined;
      return { ownerOrganisationId: change.ownerOrganisationId, ownerUserId: user };
    }
    case 'track':
      return action.trackId === change.trackId ? undefined : { trackId: change.trackId };
    case 'addTag':
      return action.tags.includes(change.tag) ? undefined : { tags: [...action.tags, change.tag] };
    case 'removeTag':
      return action.tags.includes(change.tag)
        ? { tags: action.tags.filter((tag) => tag !== change.tag) }
        : undefined;
    case 'deadline':
      return action.deadline === change.deadline
        ? undefined
        : { deadline: change.deadline, reason: change.reason };
  }
}

/**
 * Applies the change to one action through the API, with the action's own If-Match (the
 * version it had when the person saw it): a change made by someone else meanwhile is a 412,
 * reported as a conflict, never overwritten.
 */
export async function applyTo(change: BulkChange, action: Action): Promise<BulkResult> {
  const body = bodyFor(change, action);
  if (!body) return { action, outcome: 'unchanged' };
  const result = await api
    .PATCH('/actions/{id}', {
      params: { path: { id: action.id }, header: { 'If-Match': `"${action.version}"` } },
      body,
    })
    .catch(() => null);
  if (!result) return { action, outcome: 'failed' };
  if (result.data) return { action: result.data, outcome: 'changed' };
  const status = result.response.status;
  const problem = result.error as Problem | undefined;
  if (status === 412) return { action, outcome: 'conflict' };
  if (status === 403) return { action, outcome: 'refused' };
  if (status === 400) return { action, outcome: 'invalid', problems: problem?.invalidParams ?? [] };
  return { action, outcome: 'failed', status };
}

/** Reads the action as it is now, for a retry of a conflicted change on the fresh version. */
export async function fresh(action: Action): Promise<Action | undefined> {
  const { data } = await api
    .GET('/actions/{id}', { params: { path: { id: action.id } } })
    .catch(() => ({ data: undefined }));
  return data;
}

/** The filters of the action list's URL (README: the URL contract) that the API's list takes. */
export const FILTER_KEYS = [
  'status',
  'health',
  'track',
  'ownerOrganisation',
  'partnerOrganisation',
  'overdue',
  'escalationLevel',
  'commitmentKind',
  'commitment',
  'verification',
  'tag',
  'q',
  'sort',
] as const;

export function listQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query;
}
