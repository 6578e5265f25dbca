import { useCallback, useEffect, useRef, useState } from 'react';
import { cursorOf } from '../../api/client';

interface Page<T> {
  data: T[];
  _links: { next?: { href: string } };
}

export interface PagedList<T> {
  items: T[];
  status: 'loading' | 'loaded' | 'failed';
  /** Whether the API has a next page; `loadMore` appends it. */
  hasMore: boolean;
  loadMore: () => void;
  /** Loads the first page again (after a change to the list). */
  reload: () => void;
}

/**
 * One of the lists on the action page (timeline, comments, history, sub-actions): the first
 * page when `key` changes, the next pages on request, following the API's cursors.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<T> | undefined>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [next, setNext] = useState<string | undefined>(undefined);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });
  // Answers to an older request (another key, or a reload since) are dropped.
  const generation = useRef(0);

  const load = useCallback((cursor: string | undefined, append: boolean) => {
    const mine = ++generation.current;
    if (!append) setStatus('loading');
    fetchRef
      .current(cursor)
      .then((page) => {
        if (mine !== generation.current) return;
        if (!page) {
          setStatus('failed');
          return;
        }
        setItems((current) => (append ? [...current, ...page.data] : page.data));
        setNext(cursorOf(page._links.next));
        setStatus('loaded');
      })
      .catch(() => mine === generation.current && setStatus('failed'));
  }, []);

  useEffect(() => {
    setItems([]);
    setNext(undefined);
    load(undefined, false);
  }, [key, load]);

  return {
    items,
    status,
    hasMore: next !== undefined,
    loadMore: () => load(next, true),
    reload: () => load(undefined, false),
  };
}
