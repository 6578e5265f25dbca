import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const AdminScreen = lazy(() => import('./admin-screen'));
const MembersScreen = lazy(() => import('./members-screen'));
const OrganisationsScreen = lazy(() => import('./organisations-screen'));
const UsersScreen = lazy(() => import('./users-screen'));
const ApiTokensScreen = lazy(() => import('./api-tokens-screen'));
const IdentityProvidersScreen = lazy(() => import('./identity-providers-screen'));
const QueuesScreen = lazy(() => import('./queues-screen'));

/** The routes of this area (registered in app.tsx). */
export function adminRoutes() {
  return (
    <>
      <Route
        path="/beheer"
        element={
          <SignedIn>
            <AdminScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/leden"
        element={
          <SignedIn>
            <MembersScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/organisaties"
        element={
          <SignedIn>
            <OrganisationsScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/gebruikers"
        element={
          <SignedIn>
            <UsersScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/identiteitsproviders"
        element={
          <SignedIn>
            <IdentityProvidersScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/wachtrijen"
        element={
          <SignedIn>
            <QueuesScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/api-tokens"
        element={
          <SignedIn>
            <ApiTokensScreen />
          </SignedIn>
        }
      />
    </>
  );
}
