import { useEffect, useState } from 'react';
import { api, cursorOf } from '../../api/client';
import type { paths } from '../../api/schema';
import type { Commitment } from './use-commitment';

export type CommitmentQuery = NonNullable<paths['/commitments']['get']['parameters']['query']>;

interface Page {
  items: Commitment[];
  loading: boolean;
  failed: boolean;
  next?: string;
  prev?: string;
}

export function useCommitmentPage(query: CommitmentQuery | null, cursor: string | undefined): Page {
  const [page, setPage] = useState<Page>({ items: [], loading: true, failed: false });
  const key = JSON.stringify([query, cursor]);
  useEffect(() => {
    if (query === null) return;
    let current = true;
    setPage((previous) => ({ ...previous, loading: true }));
    void api
      .GET('/commitments', { params: { query: { ...query, cursor } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (!current) return;
        setPage(
          data
            ? {
                items: data.data,
                loading: false,
                failed: false,
                next: cursorOf(data._links.next),
                prev: cursorOf(data._links.prev),
              }
            : { items: [], loading: false, failed: true },
        );
      });
    return () => {
      current = false;
    };
    // The key is the query's value; the objects themselves are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value
  }, [key]);
  return page;
}
