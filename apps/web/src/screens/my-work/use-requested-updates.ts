import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';

export type RequestedUpdate = Schemas['RoundActionResponse'] & {
  round: Schemas['UpdateRoundResponse'];
};

export interface RequestedUpdates {
  items: RequestedUpdate[];
  loading: boolean;
  failed: boolean;
}

const MAX = 200;

/**
 * The actions an open update round of the programme still asks an update of, of the person
 * (`mine`) or of their organisation. The rounds belong to the reminders context, so this reads
 * its routes (README "Update rounds") rather than a filter of the action list.
 */
export function useRequestedUpdates(
  programmeId: string,
  scope: { ownerUser: 'me' } | { ownerOrganisation: string },
): RequestedUpdates {
  const [state, setState] = useState<RequestedUpdates>({ items: [], loading: true, failed: false });
  const scopeKey = JSON.stringify(scope);
  useEffect(() => {
    let current = true;
    const filter = JSON.parse(scopeKey) as typeof scope;
    setState((previous) => ({ ...previous, loading: true }));
    void (async () => {
      const rounds = await api.GET('/programmes/{id}/update-rounds', {
        params: { path: { id: programmeId }, query: { state: 'open', limit: 50 } },
      });
      if (!rounds.data) throw new Error('rounds');
      const perRound = await Promise.all(
        rounds.data.data.map(async (round) => {
          const { data } = await api.GET('/programmes/{id}/update-rounds/{roundId}/actions', {
            params: {
              path: { id: programmeId, roundId: round.id },
              query: { updated: false, limit: MAX, ...filter },
            },
          });
          if (!data) throw new Error('round actions');
          return data.data.map((item) => ({ ...item, round }));
        }),
      );
      return perRound.flat().sort((a, b) => a.round.dueDate.localeCompare(b.round.dueDate));
    })().then(
      (items) => current && setState({ items, loading: false, failed: false }),
      () => current && setState({ items: [], loading: false, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [programmeId, scopeKey]);
  return state;
}
