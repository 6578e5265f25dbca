import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const ImportStartScreen = lazy(() => import('./import-start-screen'));
const ImportScreen = lazy(() => import('./import-screen'));

/** The routes of this area (registered in app.tsx): Beheer › Import, for coordinators. */
export function importRoutes() {
  return (
    <>
      <Route
        path="/beheer/import"
        element={
          <SignedIn>
            <ImportStartScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/import/:importId"
        element={
          <SignedIn>
            <ImportScreen />
          </SignedIn>
        }
      />
    </>
  );
}
