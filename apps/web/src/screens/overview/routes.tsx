import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const OverviewScreen = lazy(() => import('./overview-screen'));

/** The routes of this area (registered in app.tsx). */
export function overviewRoutes() {
  return (
    <>
      <Route
        path="/overzicht"
        element={
          <SignedIn>
            <OverviewScreen />
          </SignedIn>
        }
      />
    </>
  );
}
