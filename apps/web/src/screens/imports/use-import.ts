import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { type Import, isBusy } from './import-words';

export type ImportState =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'failed' }
  | { status: 'loaded'; item: Import };

/** How often an import the worker is busy with is asked for its state. */
const POLL_MS = 1_000;

/**
 * One import, read again every second while the worker makes its dry run or applies it;
 * `replace` takes the import an action answered with (a choice, the apply).
 */
export function useImport(
  programmeId: string,
  importId: string,
): { state: ImportState; replace: (item: Import) => void } {
  const [state, setState] = useState<ImportState>({ status: 'loading' });
  // Moves after every poll, answered or not: a lost answer must not stop the polling.
  const [polls, setPolls] = useState(0);

  const read = useCallback(
    () =>
      api
        .GET('/programmes/{id}/imports/{importId}', {
          params: { path: { id: programmeId, importId } },
        })
        .catch(() => ({ data: undefined, response: undefined })),
    [programmeId, importId],
  );

  useEffect(() => {
    let current = true;
    void read().then(({ data, response }) => {
      if (!current) return;
      if (data) setState({ status: 'loaded', item: data });
      else if (response && [400, 403, 404].includes(response.status))
        setState({ status: 'notFound' });
      else setState({ status: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [read]);

  const busy = state.status === 'loaded' && isBusy(state.item);
  useEffect(() => {
    if (!busy) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void read().then(({ data }) => {
        if (!current) return;
        if (data) setState({ status: 'loaded', item: data });
        setPolls((count) => count + 1);
      });
    }, POLL_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [busy, polls, read]);

  const replace = useCallback((item: Import) => setState({ status: 'loaded', item }), []);
  return { state, replace };
}
