import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AnnouncerProvider } from './components/announcer';
import { Shell } from './components/shell';
import { SignedIn } from './components/signed-in';
import { SessionProvider } from './session/session';
import { MyWorkScreen } from './screens/my-work/my-work-screen';
import { NotFoundScreen } from './screens/not-found/not-found-screen';
import { SignInScreen } from './screens/sign-in/sign-in-screen';
import { actionEditRoutes } from './screens/action-edit/routes';
import { actionListRoutes } from './screens/action-list/routes';
import { adminRoutes } from './screens/admin/routes';
import { adminOpsRoutes } from './screens/admin-ops/routes';
import { commitmentRoutes } from './screens/commitments/routes';
import { importRoutes } from './screens/imports/routes';
import { overviewRoutes } from './screens/overview/routes';
import { partnershipRoutes } from './screens/partnership/routes';
import { reportRoutes } from './screens/reports/routes';
import { searchRoutes } from './screens/search/routes';
import { updateRoundRoutes } from './screens/update-rounds/routes';
import { webhookRoutes } from './screens/webhooks/routes';

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
              {overviewRoutes()}
              {actionListRoutes()}
              {actionEditRoutes()}
              {commitmentRoutes()}
              {updateRoundRoutes()}
              {partnershipRoutes()}
              {reportRoutes()}
              {adminRoutes()}
              {adminOpsRoutes()}
              {importRoutes()}
              {webhookRoutes()}
              {searchRoutes()}
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
