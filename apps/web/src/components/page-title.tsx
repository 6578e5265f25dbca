import { useEffect } from 'react';
import { useT } from '../i18n';

/** The browser tab names the screen first (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = `${title} – ${t.app.name}`;
  }, [title, t]);
}
