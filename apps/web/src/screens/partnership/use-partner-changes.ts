import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';

type HistoryEntry = Schemas['HistoryEntryResponse'];

/** A field's value then and now (audit events carry old and new). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ActionChanges {
  action: Action;
  /** Per field, from its value at `since` to its value now; fields that came back are left out. */
  fields: FieldChange[];
  /** Progress updates with a narrative since `since`, newest first. */
  narratives: HistoryEntry[];
  /** Comments since `since`, newest first. */
  comments: HistoryEntry[];
  /** The latest of all of them. */
  latest: string;
}

export type PartnerChanges =
  | { status: 'loading' }
  | { status: 'failed' }
  | {
      status: 'loaded';
      changed: ActionChanges[];
      unchanged: Action[];
      /** False when the organisation is a partner in more actions than were read. */
      complete: boolean;
    };

/** Partner actions read at most (one page): each costs a request for its history. */
const MAX_ACTIONS = 200;
const HISTORY_PAGE = 50;
/** Histories read at once. */
const PARALLEL = 4;

/** An action's history back to `since` (GET /actions/{id}/history is newest first). */
async function historySince(actionId: string, since: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  const from = Date.parse(since);
  let cursor: string | undefined;
  for (;;) {
    const { data } = await api.GET('/actions/{id}/history', {
      params: { path: { id: actionId }, query: { limit: HISTORY_PAGE, cursor } },
    });
    if (!data) throw new Error('history not available');
    for (const entry of data.data) {
      if (Date.parse(entry.at) < from) return entries;
      entries.push(entry);
    }
    const next = data._links.next?.href;
    if (!next) return entries;
    cursor = new URL(next, window.location.origin).searchParams.get('cursor') ?? undefined;
    if (!cursor) return entries;
  }
}

/**
 * The net change of each field over the entries (newest first): the newest `new` against
 * the oldest `old`. A field changed and changed back is no change to report.
 */
export function netFieldChanges(entries: HistoryEntry[]): FieldChange[] {
  const byField = new Map<string, FieldChange>();
  for (const entry of entries) {
    if (entry.source !== 'audit' || entry.kind === 'create' || !entry.changes) continue;
    for (const [field, change] of Object.entries(entry.changes)) {
      if (change === null || typeof change !== 'object' || !('old' in change)) continue;
      const { old, new: next } = change as { old: unknown; new: unknown };
      const known = byField.get(field);
      byField.set(field, { field, from: old, to: known ? known.to : next });
    }
  }
  return [...byField.values()].filter(
    (change) => JSON.stringify(change.from) !== JSON.stringify(change.to),
  );
}

function changesOf(action: Action, entries: HistoryEntry[]): ActionChanges | null {
  const fields = netFieldChanges(entries);
  const narratives = entries.filter((entry) => entry.source === 'progress' && entry.text);
  const comments = entries.filter((entry) => entry.source === 'comment');
  if (fields.length === 0 && narratives.length === 0 && comments.length === 0) return null;
  return { action, fields, narratives, comments, latest: entries[0].at };
}

/**
 * What changed since `since` in the actions in which `organisationId` is a partner: per
 * action its changed fields, new narratives and new comments, from its history (audit
 * events, progress timeline and comments, as GET /actions/{id}/history merges them). A comment
 * does not move an action's `updatedAt`, so `updatedSince` alone would miss actions that were
 * only commented on: each partner action's history is read, a few at a time.
 */
export function usePartnerChanges(
  programmeId: string,
  organisationId: string,
  since: string,
): { state: PartnerChanges; reloadAction: (actionId: string) => Promise<void> } {
  const [state, setState] = useState<PartnerChanges>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void (async () => {
      const { data } = await api.GET('/actions', {
        params: {
          query: {
            programme: programmeId,
            partnerOrganisation: organisationId,
            sort: '-updatedAt',
            limit: MAX_ACTIONS,
          },
        },
      });
      if (!data) throw new Error('actions not available');
      const actions = data.data;
      const results: Array<ActionChanges | null> = actions.map(() => null);
      let next = 0;
      const worker = async () => {
        while (current && next < actions.length) {
          const index = next++;
          results[index] = changesOf(actions[index], await historySince(actions[index].id, since));
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      if (!current) return;
      const changed = results
        .filter((result): result is ActionChanges => result !== null)
        .sort((a, b) => b.latest.localeCompare(a.latest));
      const changedIds = new Set(changed.map((result) => result.action.id));
      setState({
        status: 'loaded',
        changed,
        unchanged: actions.filter((action) => !changedIds.has(action.id)),
        complete: !data._links.next,
      });
    })().catch(() => current && setState({ status: 'failed' }));
    return () => {
      current = false;
    };
  }, [programmeId, organisationId, since]);

  /**
   * After a comment or a confirmation on one action: that action and its changes are read
   * again, in place (the list is not re-sorted under the person's focus).
   */
  const reloadAction = useCallback(
    async (actionId: string) => {
      const [{ data: action }, entries] = await Promise.all([
        api.GET('/actions/{id}', { params: { path: { id: actionId } } }),
        historySince(actionId, since),
      ]);
      if (!action) return;
      setState((previous) =>
        previous.status !== 'loaded'
          ? previous
          : {
              ...previous,
              changed: previous.changed.map((changes) =>
                changes.action.id === actionId ? (changesOf(action, entries) ?? changes) : changes,
              ),
            },
      );
    },
    [since],
  );
  return { state, reloadAction };
}
