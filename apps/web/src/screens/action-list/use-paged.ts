import { useCallback, useEffect, useRef, useState } from 'react';
import { cursorOf, type Problem } from '../../api/client';

interface Page<T> {
  data: T[];
  _links: { next?: { href: string } };
}

export interface Paged<T> {
  items: T[];
  status: 'loading' | 'loaded' | 'failed' | 'invalid';
  /** The API's problem when it refused the query (400): the screen says what was wrong. */
  problem?: Problem;
  /** Whether the API has a next page; `loadMore` appends it. */
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

type Fetch<T> = (
  cursor: string | undefined,
) => Promise<{ data?: Page<T>; error?: unknown; response: Response }>;

/**
 * A list of the API, page after page (`_links.next`): the first page whenever `key` changes,
 * the next on request, appended. Answers to an older key are dropped.
 */
export function usePaged<T>(key: string | null, fetchPage: Fetch<T>): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<Paged<T>['status']>('loading');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });
  const generation = useRef(0);

  const load = useCallback((cursor: string | undefined) => {
    const mine = ++generation.current;
    const append = cursor !== undefined;
    if (append) setLoadingMore(true);
    else setStatus('loading');
    fetchRef
      .current(cursor)
      .then(({ data, error, response }) => {
        if (mine !== generation.current) return;
        setLoadingMore(false);
        if (!data) {
          if (response.status === 400 && !append) {
            setProblem(error as Problem);
            setItems([]);
            setNext(undefined);
            setStatus('invalid');
          } else if (!append) setStatus('failed');
          return;
        }
        setProblem(undefined);
        setItems((current) => (append ? [...current, ...data.data] : data.data));
        setNext(cursorOf(data._links.next));
        setStatus('loaded');
      })
      .catch(() => {
        if (mine !== generation.current) return;
        setLoadingMore(false);
        if (!append) setStatus('failed');
      });
  }, []);

  useEffect(() => {
    if (key === null) return;
    setItems([]);
    setNext(undefined);
    load(undefined);
  }, [key, load]);

  return {
    items,
    status,
    problem,
    hasMore: next !== undefined,
    loadingMore,
    loadMore: () => next !== undefined && load(next),
  };
}
