import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';

export type ActionState =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'failed' }
  | { status: 'loaded'; action: Action; etag: string };

/** One action with its ETag (the version a change must name in If-Match); `reload` fetches it again. */
export function useAction(id: string): { state: ActionState; reload: () => Promise<void> } {
  const [state, setState] = useState<ActionState>({ status: 'loading' });
  const reload = useCallback(async () => {
    const { data, response } = await api
      .GET('/actions/{id}', { params: { path: { id } } })
      .catch(() => ({ data: undefined, response: undefined }));
    if (data && response) {
      setState({
        status: 'loaded',
        action: data,
        etag: response.headers.get('ETag') ?? `"${data.version}"`,
      });
    } else if (response?.status === 404 || response?.status === 400) {
      setState({ status: 'notFound' });
    } else {
      setState({ status: 'failed' });
    }
  }, [id]);
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);
  return { state, reload };
}
