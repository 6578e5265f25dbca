import { useEffect, useState } from 'react';
import { api, cursorOf, type Schemas } from '../../api/client';

export type Member = Schemas['MemberResponse'];

export type MembersState =
  { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; members: Member[] };

/** More pages than a programme has members in practice; a stop against a runaway loop. */
const MAX_PAGES = 10;

/**
 * The active members of a programme, by name: the people a comment may mention. Every member
 * may read the list (GET /programmes/{id}/members); all pages are read, 200 at a time.
 */
export function useMembers(programmeId: string): MembersState {
  const [state, setState] = useState<MembersState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void (async () => {
      const members: Member[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await api
          .GET('/programmes/{id}/members', {
            params: { path: { id: programmeId }, query: { limit: 200, cursor } },
          })
          .catch(() => ({ data: undefined }));
        if (!data) {
          if (current) setState({ status: 'failed' });
          return;
        }
        members.push(...data.data.filter((member) => member.isActive));
        cursor = cursorOf(data._links.next);
        if (!cursor) break;
      }
      if (current) setState({ status: 'loaded', members });
    })();
    return () => {
      current = false;
    };
  }, [programmeId]);
  return state;
}
