import { randomUUID } from 'node:crypto';
import { ClientSecretCipher } from '@app/identity';
import {
  DEMO_EMAIL_DOMAIN,
  DEV_IDENTITY_PROVIDER_ORGANISATIONS,
  devIssuer,
} from './dev-identity-provider.constants';
import type { Seed } from './index';

const isDevelopmentIssuer = (issuer: string) =>
  /^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(issuer);

/**
 * Registers `npm start`'s development identity provider (scripts/start.ts) as the provider of
 * BZK, VNG, IPO and UvW, so that signing in through one's organisation can be tried on a
 * fresh machine. Runs only when start.ts runs that provider (never in production). An
 * organisation whose provider an administrator set to a real one keeps it; a development
 * one is pointed at this start's provider (its port and client secret change per start).
 */
export const devIdentityProvidersSeed: Seed = {
  name: 'development identity providers',
  async run(dataSource, config) {
    const dev = config.devIdentityProvider;
    if (!dev || !config.demoUsers) return;
    const cipher = new ClientSecretCipher({ identityProviders: { secretKey: dev.secretKey } });
    const organisations: {
      id: string;
      code: string;
      name: string;
      provider_id: string | null;
      issuer: string | null;
    }[] = await dataSource.query(
      `SELECT o.id, o.code, o.name, p.id AS provider_id, p.issuer
           FROM organisations o LEFT JOIN identity_providers p ON p.organisation_id = o.id
          WHERE o.code = ANY($1)`,
      [[...DEV_IDENTITY_PROVIDER_ORGANISATIONS]],
    );
    for (const organisation of organisations) {
      const issuer = devIssuer(dev.url, organisation.code);
      if (organisation.provider_id === null) {
        const id = randomUUID();
        await dataSource.query(
          `INSERT INTO identity_providers
             (id, organisation_id, display_name, issuer, client_id, client_secret_encrypted,
              scopes, allowed_domains)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            id,
            organisation.id,
            `${organisation.name} (ontwikkelomgeving)`,
            issuer,
            dev.clientId,
            cipher.encrypt(dev.clientSecret, id),
            ['openid', 'email', 'profile'],
            [DEMO_EMAIL_DOMAIN],
          ],
        );
      } else if (organisation.issuer !== null && isDevelopmentIssuer(organisation.issuer)) {
        await dataSource.query(
          `UPDATE identity_providers
              SET issuer = $2, client_id = $3, client_secret_encrypted = $4,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            organisation.provider_id,
            issuer,
            dev.clientId,
            cipher.encrypt(dev.clientSecret, organisation.provider_id),
          ],
        );
      }
    }
  },
};
