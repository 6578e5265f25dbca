import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const ActionListScreen = lazy(() => import('./action-list-screen'));

/** The routes of this area (registered in app.tsx). */
export function actionListRoutes() {
  return (
    <>
      <Route
        path="/acties"
        element={
          <SignedIn>
            <ActionListScreen />
          </SignedIn>
        }
      />
    </>
  );
}
