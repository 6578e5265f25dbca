import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const ReminderPolicyScreen = lazy(() => import('./reminder-policy-screen'));
const DeliveriesScreen = lazy(() => import('./deliveries-screen'));
const AuditScreen = lazy(() => import('./audit-screen'));
const AuditEventScreen = lazy(() => import('./audit-event-screen'));

/** The routes of this area (registered in app.tsx). */
export function adminOpsRoutes() {
  return (
    <>
      <Route
        path="/beheer/herinneringen"
        element={
          <SignedIn>
            <ReminderPolicyScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/verzendingen"
        element={
          <SignedIn>
            <DeliveriesScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/audit"
        element={
          <SignedIn>
            <AuditScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/audit/:sequence"
        element={
          <SignedIn>
            <AuditEventScreen />
          </SignedIn>
        }
      />
    </>
  );
}
