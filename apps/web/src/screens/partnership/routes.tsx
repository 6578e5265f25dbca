import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const PartnershipScreen = lazy(() => import('./partnership-screen'));

/** The routes of this area (registered in app.tsx). */
export function partnershipRoutes() {
  return (
    <>
      <Route
        path="/partnerschap"
        element={
          <SignedIn>
            <PartnershipScreen />
          </SignedIn>
        }
      />
    </>
  );
}
