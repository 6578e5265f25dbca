import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const ActionFormScreen = lazy(() => import('./action-form-screen'));
const BulkChangeScreen = lazy(() => import('./bulk-change-screen'));

/** The routes of this area (registered in app.tsx). */
export function actionEditRoutes() {
  return (
    <>
      <Route
        path="/acties/nieuw"
        element={
          <SignedIn>
            <ActionFormScreen />
          </SignedIn>
        }
      />
      <Route
        path="/acties/:id/bewerken"
        element={
          <SignedIn>
            <ActionFormScreen />
          </SignedIn>
        }
      />
      <Route
        path="/acties/wijzigen"
        element={
          <SignedIn>
            <BulkChangeScreen />
          </SignedIn>
        }
      />
    </>
  );
}
