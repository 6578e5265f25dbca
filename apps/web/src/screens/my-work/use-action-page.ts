import { useEffect, useState } from 'react';
import { api, cursorOf } from '../../api/client';
import type { Action } from '../../components/action-table';
import type { paths } from '../../api/schema';

export type ActionQuery = NonNullable<paths['/actions']['get']['parameters']['query']>;

export interface ActionPage {
  actions: Action[];
  loading: boolean;
  failed: boolean;
  next?: string;
  prev?: string;
}

/** One page of `GET /actions` for `query`, following the API's cursors. */
export function useActionPage(query: ActionQuery | null, cursor: string | undefined): ActionPage {
  const [page, setPage] = useState<ActionPage>({ actions: [], loading: true, failed: false });
  const key = JSON.stringify([query, cursor]);
  useEffect(() => {
    if (query === null) return;
    let current = true;
    setPage((previous) => ({ ...previous, loading: true }));
    void api
      .GET('/actions', { params: { query: { ...query, cursor } } })
      .then(({ data }) => {
        if (!current) return;
        setPage(
          data
            ? {
                actions: data.data,
                loading: false,
                failed: false,
                next: cursorOf(data._links.next),
                prev: cursorOf(data._links.prev),
              }
            : { actions: [], loading: false, failed: true },
        );
      })
      .catch(() => current && setPage({ actions: [], loading: false, failed: true }));
    return () => {
      current = false;
    };
    // The key is the query's value; the objects themselves are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value
  }, [key]);
  return page;
}
