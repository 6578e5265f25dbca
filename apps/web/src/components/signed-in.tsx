import { type ReactNode, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Paragraph } from './nlds';
import { useT } from '../i18n';
import { useSession } from '../session/session';

/** Screens behind the sign-in: a deep link survives it (`/aanmelden?terug=…`). */
export function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const t = useT();
  if (state.status === 'loading') return <Paragraph>{t.app.loading}</Paragraph>;
  if (state.status === 'signedOut') {
    const back = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={back === '/' ? '/aanmelden' : `/aanmelden?terug=${encodeURIComponent(back)}`}
        replace
      />
    );
  }
  return <Suspense fallback={<Paragraph>{t.app.loading}</Paragraph>}>{children}</Suspense>;
}
