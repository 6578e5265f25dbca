import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';

/** How many notifications are unread; checked on every navigation and every minute. */
export function useUnreadCount(): number {
  const location = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    const check = () =>
      void api
        .GET('/me/notifications', { params: { query: { unread: true, limit: 200 } } })
        .then(({ data }) => {
          if (current && data) setCount(data.data.length);
        });
    check();
    const timer = window.setInterval(check, 60_000);
    const refresh = () => check();
    window.addEventListener('sbt:notifications-changed', refresh);
    return () => {
      current = false;
      window.clearInterval(timer);
      window.removeEventListener('sbt:notifications-changed', refresh);
    };
  }, [location.pathname]);
  return count;
}
