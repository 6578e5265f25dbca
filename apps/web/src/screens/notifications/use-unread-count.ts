import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';

/** The event a screen sends after it marks notifications read (or anything else changes them). */
export const NOTIFICATIONS_CHANGED = 'sbt:notifications-changed';

/** How many notifications are unread; checked on every navigation, every minute and on change. */
export function useUnreadCount(): number {
  const location = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    let latest = 0;
    // The list says how many are unread in all (`unreadCount`), whatever the page size; an
    // answer to an older check never overwrites a newer one.
    const check = () => {
      const asked = ++latest;
      void api
        .GET('/me/notifications', { params: { query: { unread: true, limit: 1 } } })
        .then(({ data }) => {
          if (current && data && asked === latest) setCount(data.unreadCount);
        })
        .catch(() => undefined);
    };
    check();
    const timer = window.setInterval(check, 60_000);
    window.addEventListener(NOTIFICATIONS_CHANGED, check);
    return () => {
      current = false;
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, check);
    };
  }, [location.pathname]);
  return count;
}
