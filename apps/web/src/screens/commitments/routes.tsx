import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const CommitmentListScreen = lazy(() => import('./commitment-list-screen'));
const CommitmentScreen = lazy(() => import('./commitment-screen'));
const CommitmentFormScreen = lazy(() => import('./commitment-form-screen'));

/** The routes of this area (registered in app.tsx). */
export function commitmentRoutes() {
  return (
    <>
      <Route
        path="/toezeggingen"
        element={
          <SignedIn>
            <CommitmentListScreen />
          </SignedIn>
        }
      />
      <Route
        path="/toezeggingen/nieuw"
        element={
          <SignedIn>
            <CommitmentFormScreen />
          </SignedIn>
        }
      />
      <Route
        path="/toezeggingen/:id"
        element={
          <SignedIn>
            <CommitmentScreen />
          </SignedIn>
        }
      />
      <Route
        path="/toezeggingen/:id/bewerken"
        element={
          <SignedIn>
            <CommitmentFormScreen />
          </SignedIn>
        }
      />
    </>
  );
}
