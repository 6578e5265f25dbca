import { useEffect, useState } from 'react';
import { api, cursorOf } from '../../api/client';
import type { Member } from './member-values';

/** More pages than a programme has members in practice; a stop against a runaway loop. */
const MAX_PAGES = 25;

export function useMemberList(programmeId: string, version: number) {
  const [state, setState] = useState<Member[] | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let current = true;
    void (async () => {
      const all: Member[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await api
          .GET('/programmes/{id}/members', {
            params: { path: { id: programmeId }, query: { limit: 200, cursor } },
          })
          .catch(() => ({ data: undefined }));
        if (!data) {
          if (current) setState('failed');
          return;
        }
        all.push(...data.data);
        cursor = cursorOf(data._links.next);
        if (!cursor) break;
      }
      if (current) setState(all);
    })();
    return () => {
      current = false;
    };
  }, [programmeId, version]);
  return state;
}
