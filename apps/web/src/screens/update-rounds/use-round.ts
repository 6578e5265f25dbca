import { useCallback, useEffect, useState } from 'react';
import { api, cursorOf, type Schemas } from '../../api/client';
import type { UpdateRound } from './round-words';

export type Reminder = Schemas['ReminderResponse'];

export type RoundState =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'failed' }
  | { status: 'loaded'; round: UpdateRound };

/** One update round with its completion; `reload` reads it again (after a cancel, say). */
export function useRound(
  programmeId: string,
  roundId: string,
): { state: RoundState; reload: () => Promise<void> } {
  const [state, setState] = useState<RoundState>({ status: 'loading' });
  const reload = useCallback(async () => {
    const { data, response } = await api
      .GET('/programmes/{id}/update-rounds/{roundId}', {
        params: { path: { id: programmeId, roundId } },
      })
      .catch(() => ({ data: undefined, response: undefined }));
    if (data) setState({ status: 'loaded', round: data });
    else if (response?.status === 404 || response?.status === 400) setState({ status: 'notFound' });
    else setState({ status: 'failed' });
  }, [programmeId, roundId]);
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);
  return { state, reload };
}

/** Pages of the programme's update-round reminders read at most: 1,000 reminders. */
const MAX_PAGES = 5;

export type RoundReminders =
  | { status: 'loading' }
  | { status: 'forbidden' }
  | { status: 'failed' }
  | { status: 'loaded'; reminders: Reminder[]; complete: boolean };

/**
 * The requests and reminders of one round (GET /programmes/{id}/reminders, which coordinators
 * may read). The API filters by kind, not by round: the programme's update-round reminders
 * are read, soonest first, and this round's kept.
 */
export function useRoundReminders(
  programmeId: string,
  roundId: string,
  generation: number,
): RoundReminders {
  const [state, setState] = useState<RoundReminders>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void (async () => {
      const mine: Reminder[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data, response } = await api
          .GET('/programmes/{id}/reminders', {
            params: {
              path: { id: programmeId },
              query: { kind: 'update_round', limit: 200, cursor },
            },
          })
          .catch(() => ({ data: undefined, response: undefined }));
        if (!current) return;
        if (!data) {
          setState({ status: response?.status === 403 ? 'forbidden' : 'failed' });
          return;
        }
        mine.push(...data.data.filter((reminder) => reminder.updateRoundId === roundId));
        cursor = cursorOf(data._links.next);
        if (!cursor) break;
      }
      if (current) setState({ status: 'loaded', reminders: mine, complete: cursor === undefined });
    })();
    return () => {
      current = false;
    };
  }, [programmeId, roundId, generation]);
  return state;
}
