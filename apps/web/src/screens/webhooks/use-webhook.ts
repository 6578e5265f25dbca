import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { etagOf, type Webhook } from './webhook-words';

export type LoadedWebhook =
  | { status: 'loading' | 'failed' | 'notFound' }
  | { status: 'loaded'; webhook: Webhook; etag: string };

/**
 * One webhook with its ETag, read again when `version` changes; meanwhile (and when reading
 * again fails) the last one read stays on the screen. The setter takes a webhook as a change
 * answered it.
 */
export function useWebhook(programmeId: string, webhookId: string, version: number) {
  const [loaded, setLoaded] = useState<LoadedWebhook>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    if (!/^[0-9a-f-]{36}$/i.test(webhookId)) {
      setLoaded({ status: 'notFound' });
      return;
    }
    const failed = () =>
      setLoaded((before) => (before.status === 'loaded' ? before : { status: 'failed' }));
    void api
      .GET('/programmes/{id}/webhooks/{webhookId}', {
        params: { path: { id: programmeId, webhookId } },
      })
      .then(({ data, response }) => {
        if (!current) return;
        if (data) setLoaded({ status: 'loaded', webhook: data, etag: etagOf(response, data) });
        else if (response.status === 404) setLoaded({ status: 'notFound' });
        else failed();
      })
      .catch(() => current && failed());
    return () => {
      current = false;
    };
  }, [programmeId, webhookId, version]);
  return [loaded, setLoaded] as const;
}
