import { lazy } from 'react';
import { Route } from 'react-router';
import { SignedIn } from '../../components/signed-in';

// Each screen of this area loads when first opened (its own chunk).
const WebhooksScreen = lazy(() => import('./webhooks-screen'));
const WebhookScreen = lazy(() => import('./webhook-screen'));

/**
 * The routes of this area (registered in app.tsx): Beheer › Webhooks, for coordinators.
 * `/beheer/webhooks` is where e-mails about a webhook switched off lead (libs/core web-app URLs).
 */
export function webhookRoutes() {
  return (
    <>
      <Route
        path="/beheer/webhooks"
        element={
          <SignedIn>
            <WebhooksScreen />
          </SignedIn>
        }
      />
      <Route
        path="/beheer/webhooks/:webhookId"
        element={
          <SignedIn>
            <WebhookScreen />
          </SignedIn>
        }
      />
    </>
  );
}
