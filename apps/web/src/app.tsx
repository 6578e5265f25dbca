import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Paragraph } from './components/nlds';
import { AnnouncerProvider } from './components/announcer';
import { Shell } from './components/shell';
import { useT } from './i18n';
import { SessionProvider, useSession } from './session/session';
import { MyWorkScreen } from './screens/my-work/my-work-screen';
import { NotFoundScreen } from './screens/not-found/not-found-screen';
import { SignInScreen } from './screens/sign-in/sign-in-screen';

// The first screen (Mijn werk) is in the main bundle; the others load when opened.
const ActionScreen = lazy(() => import('./screens/action/action-screen'));
const ProgressUpdateScreen = lazy(() => import('./screens/progress-update/progress-update-screen'));
const NotificationsScreen = lazy(() => import('./screens/notifications/notifications-screen'));
const PreferencesScreen = lazy(() => import('./screens/notifications/preferences-screen'));
const AccountScreen = lazy(() => import('./screens/account/account-screen'));

/**
 * The routes are Dutch, as the people who use them (and the links in e-mails and calendar
 * events: libs/core web-app URLs) — `/acties/{id}` opens an action.
 */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AnnouncerProvider>
          <Shell>
            <Routes>
              <Route path="/aanmelden" element={<SignInScreen />} />
              <Route
                path="/"
                element={
                  <SignedIn>
                    <MyWorkScreen />
                  </SignedIn>
                }
              />
              <Route
                path="/acties/:id"
                element={
                  <SignedIn>
                    <ActionScreen />
                  </SignedIn>
                }
              />
              <Route
                path="/acties/:id/voortgang"
                element={
                  <SignedIn>
                    <ProgressUpdateScreen />
                  </SignedIn>
                }
              />
              <Route
                path="/meldingen"
                element={
                  <SignedIn>
                    <NotificationsScreen />
                  </SignedIn>
                }
              />
              <Route
                path="/meldingen/voorkeuren"
                element={
                  <SignedIn>
                    <PreferencesScreen />
                  </SignedIn>
                }
              />
              <Route
                path="/account"
                element={
                  <SignedIn>
                    <AccountScreen />
                  </SignedIn>
                }
              />
              <Route
                path="*"
                element={
                  <SignedIn>
                    <NotFoundScreen />
                  </SignedIn>
                }
              />
            </Routes>
          </Shell>
        </AnnouncerProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}

/** Screens behind the sign-in: a deep link survives it (`/aanmelden?terug=…`). */
function SignedIn({ children }: { children: ReactNode }) {
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
