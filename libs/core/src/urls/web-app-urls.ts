/**
 * The pages of the web app (apps/web) that the product links people to. Every link sent to a
 * person (e-mail, calendar, notification) opens one of these, never the API (DESIGN §7): the
 * app signs the person in and returns to the page. The paths are the app's routes, in Dutch
 * like its interface, and are fixed: links already sent must keep working. The API's own
 * `_links` stay API addresses; they are for clients, not people.
 */
export interface WebAppUrls {
  home(): string;
  /** An action's page. */
  action(actionId: string): string;
  /** The form for a progress update on an action (what a request for an update asks for). */
  progressUpdate(actionId: string): string;
  /** The person's notifications. */
  notifications(): string;
  /** Which notifications reach the person by e-mail. */
  notificationPreferences(): string;
  /** The progress reports, where a person's exports wait for them. */
  reports(): string;
  /** A programme's webhooks, for its coordinators. */
  webhooks(): string;
}

/** The web app's addresses under `publicUrl` (PUBLIC_URL, no trailing slash). */
export function webAppUrls(publicUrl: string): WebAppUrls {
  const base = publicUrl.replace(/\/+$/, '');
  const action = (actionId: string) => `${base}/acties/${encodeURIComponent(actionId)}`;
  return {
    home: () => `${base}/`,
    action,
    progressUpdate: (actionId) => `${action(actionId)}/voortgang`,
    notifications: () => `${base}/meldingen`,
    notificationPreferences: () => `${base}/meldingen/voorkeuren`,
    reports: () => `${base}/rapportages`,
    webhooks: () => `${base}/beheer/webhooks`,
  };
}
