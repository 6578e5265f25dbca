import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const SearchScreen = lazy(() => import('./search-screen'));

/** The routes of this area (registered in app.tsx). */
export function searchRoutes() {
  return (
    <>
      <Route
        path="/zoeken"
        element={
          <SignedIn>
            <SearchScreen />
          </SignedIn>
        }
      />
    </>
  );
}
