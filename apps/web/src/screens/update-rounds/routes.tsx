import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const UpdateRoundListScreen = lazy(() => import('./update-round-list-screen'));
const NewUpdateRoundScreen = lazy(() => import('./new-update-round-screen'));
const UpdateRoundScreen = lazy(() => import('./update-round-screen'));

/** The routes of this area (registered in app.tsx). */
export function updateRoundRoutes() {
  return (
    <>
      <Route
        path="/uitvraagrondes"
        element={
          <SignedIn>
            <UpdateRoundListScreen />
          </SignedIn>
        }
      />
      <Route
        path="/uitvraagrondes/nieuw"
        element={
          <SignedIn>
            <NewUpdateRoundScreen />
          </SignedIn>
        }
      />
      <Route
        path="/uitvraagrondes/:id"
        element={
          <SignedIn>
            <UpdateRoundScreen />
          </SignedIn>
        }
      />
    </>
  );
}
