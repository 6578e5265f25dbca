// Shared by scripts/start.ts (which runs the development identity provider) and the seed
// that registers it; no imports, so that start.ts loads it without the app's path aliases.

/** The organisations whose demo users `npm start`'s development identity provider signs in. */
export const DEV_IDENTITY_PROVIDER_ORGANISATIONS = ['BZK', 'VNG', 'IPO', 'UVW'] as const;

/** The client id `npm start` registers at its development identity provider. */
export const DEV_IDENTITY_PROVIDER_CLIENT_ID = 'sterk-bestuur-tracker';

/** The demo users' e-mail domain: every development provider allows it. */
export const DEMO_EMAIL_DOMAIN = 'demo.sterk-bestuur.nl';

/** The issuer of an organisation's realm at the development identity provider. */
export const devIssuer = (url: string, organisationCode: string) =>
  `${url}/${organisationCode.toLowerCase()}`;
