import { useCallback, useEffect, useRef, useState } from 'react';
import { api, cursorOf, type Schemas } from '../../api/client';

export type Notification = Schemas['NotificationResponse'];

export type NotificationsState =
  | { status: 'loading' }
  | { status: 'failed' }
  | {
      status: 'loaded';
      notifications: Notification[];
      unreadCount: number;
      next?: string;
      prev?: string;
    };

/** Notifications per page: a screenful or two. */
export const PAGE_SIZE = 20;

/**
 * One page of the person's notifications (GET /me/notifications, newest first), following the
 * API's cursors; `reload` reads the same page again, `update` changes one in place.
 */
export function useNotifications(
  unreadOnly: boolean,
  cursor: string | undefined,
): {
  state: NotificationsState;
  reload: () => Promise<void>;
  update: (notification: Notification) => void;
} {
  const [state, setState] = useState<NotificationsState>({ status: 'loading' });
  // Only the answer to the latest request counts: an older one (another filter or page, which
  // the person left meanwhile) may arrive after it.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const asked = ++latest.current;
    const { data } = await api
      .GET('/me/notifications', {
        params: {
          query: { limit: PAGE_SIZE, cursor, ...(unreadOnly && { unread: true }) },
        },
      })
      .catch(() => ({ data: undefined }));
    if (asked !== latest.current) return;
    setState(
      data
        ? {
            status: 'loaded',
            notifications: data.data,
            unreadCount: data.unreadCount,
            next: cursorOf(data._links.next),
            prev: cursorOf(data._links.prev),
          }
        : { status: 'failed' },
    );
  }, [unreadOnly, cursor]);
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);
  const update = useCallback((notification: Notification) => {
    setState((current) =>
      current.status !== 'loaded'
        ? current
        : {
            ...current,
            notifications: current.notifications.map((n) =>
              n.id === notification.id ? notification : n,
            ),
            unreadCount: Math.max(0, current.unreadCount - 1),
          },
    );
  }, []);
  return { state, reload, update };
}
