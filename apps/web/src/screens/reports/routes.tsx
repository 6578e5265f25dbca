import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const ReportsScreen = lazy(() => import('./reports-screen'));

/** The routes of this area (registered in app.tsx). */
export function reportRoutes() {
  return (
    <>
      <Route
        path="/rapportages"
        element={
          <SignedIn>
            <ReportsScreen />
          </SignedIn>
        }
      />
    </>
  );
}
