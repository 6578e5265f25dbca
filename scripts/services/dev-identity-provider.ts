/**
 * A real OpenID provider for development and tests (the certified `oidc-provider` package):
 * one issuer per realm (`<url>/<realm>`, e.g. one per organisation), its own signing key,
 * a client per realm, and known accounts. Its sign-in page (oidc-provider's development
 * interactions) takes any password for a known login: never run it where real people sign in.
 *
 * Tests may tamper with the ID tokens it issues (another audience, an old expiry, a wrong
 * nonce, another key, no signature), to prove that the product refuses them.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type * as OidcProvider from 'oidc-provider';

export interface DevAccount {
  /** The login typed at the provider's sign-in page, and the subject (`sub`). */
  login: string;
  email: string;
  name: string;
  /** Default true. */
  emailVerified?: boolean;
}

export interface DevRealm {
  /** Path segment of the issuer: `<url>/<name>`. */
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accounts: DevAccount[];
}

/** What a test does to an ID token before the client gets it. */
export interface IdTokenTamper {
  claims?: (claims: Record<string, unknown>) => Record<string, unknown>;
  /** `foreign`: signed with a key that is not the provider's; `none`: not signed at all. */
  signature?: 'foreign' | 'none';
}

export interface DevIdentityProvider {
  url: string;
  issuer(realm: string): string;
  /** Applies to the ID tokens of the realm's next token responses, until cleared. */
  tamper(realm: string, tamper: IdTokenTamper | undefined): void;
  /**
   * Rotates the realm's signing key: a new key joins its JWKS and signs every ID token from
   * now on (the old one stays published, as providers do while tokens signed with it live).
   */
  rotateKey(realm: string): void;
  /** How many requests the realm has answered at a path (e.g. `/jwks`). */
  requests(realm: string, path: string): number;
  stop(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

function newSigningKey(): SigningKey & { jwk: OidcProvider.JWK; publicJwk: object } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const { n, e, kty } = jwk;
  const publicJwk = { kty, n, e, kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk, publicJwk };
}

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Re-issues an ID token as a tamper asks, signed with the realm's key unless it says other. */
function rewrite(idToken: string, tamper: IdTokenTamper, key: SigningKey): string {
  const [, payload] = idToken.split('.');
  let claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  if (tamper.claims) claims = tamper.claims(claims);
  if (tamper.signature === 'none') {
    return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
  }
  const signer = tamper.signature === 'foreign' ? newSigningKey() : key;
  // A foreign key claims the provider's key id: the signature alone gives it away.
  const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${base64url(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), signer.privateKey).toString('base64url')}`;
}

/** oidc-provider ships ESM only; Node 24 requires it (and so does Jest's module system). */
function providerClass(): typeof OidcProvider.default {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('oidc-provider') as { default?: typeof OidcProvider.default };
  return loaded.default ?? (loaded as unknown as typeof OidcProvider.default);
}

export async function startDevIdentityProvider(options: {
  realms: DevRealm[];
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
}): Promise<DevIdentityProvider> {
  const Provider = providerClass();
  const app = express();
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(listening),
    );
    listening.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  const tampers = new Map<string, IdTokenTamper>();
  const counts = new Map<string, number>();
  const realms = new Map<string, { published: object[]; signer: SigningKey }>();

  for (const realm of options.realms) {
    const key = newSigningKey();
    const state = { published: [key.publicJwk], signer: key as SigningKey };
    realms.set(realm.name, state);
    const accounts = new Map(realm.accounts.map((account) => [account.login, account]));
    const provider = new Provider(`${url}/${realm.name}`, {
      clients: [
        {
          client_id: realm.clientId,
          client_secret: realm.clientSecret,
          redirect_uris: realm.redirectUris,
          post_logout_redirect_uris: realm.postLogoutRedirectUris ?? [],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [key.jwk] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      pkce: { required: () => true },
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        IdToken: 600,
        Interaction: 600,
        Grant: 8 * 3600,
        Session: 8 * 3600,
      },
      features: {
        devInteractions: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          // The question a provider asks before ending its own session too.
          logoutSource: (ctx, form) => {
            ctx.body = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Afmelden bij ${realm.name.toUpperCase()}</title></head><body><main>
<h1>Ook afmelden bij de inlogdienst van ${realm.name.toUpperCase()}?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, afmelden</button>
<button type="submit" form="op.logoutForm">Nee, aangemeld blijven</button>
</main></body></html>`;
          },
        },
      },
      findAccount: (_ctx, id) => {
        const account = accounts.get(id);
        if (!account) return undefined;
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
          }),
        };
      },
      // No consent screen: the organisation's own application, as a real tenant configures it.
      loadExistingGrant: async (ctx) => {
        const session = ctx.oidc.session;
        const client = ctx.oidc.client;
        if (!session?.accountId || !client) return undefined;
        // The session's grant when there is one: a new grant would end the codes of a
        // sign-in started in another tab.
        const existing = session.grantIdFor(client.clientId);
        if (existing) {
          const found = await ctx.oidc.provider.Grant.find(existing);
          if (found) return found;
        }
        const grant = new ctx.oidc.provider.Grant({
          clientId: client.clientId,
          accountId: session.accountId,
        });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
    });
    provider.proxy = false;
    app.use(`/${realm.name}`, (req, res, next) => {
      const counted = `${realm.name}${req.path}`;
      counts.set(counted, (counts.get(counted) ?? 0) + 1);
      if (req.method === 'GET' && req.path === '/jwks' && state.signer !== key) {
        res.json({ keys: state.published });
        return;
      }
      const tamper = tampers.get(realm.name) ?? (state.signer !== key ? {} : undefined);
      if (tamper && req.method === 'POST' && req.path === '/token') {
        const end = res.end.bind(res) as (chunk?: unknown) => typeof res;
        res.end = ((chunk?: unknown) => {
          const body = JSON.parse(String(chunk)) as { id_token?: string };
          if (body.id_token) body.id_token = rewrite(body.id_token, tamper, state.signer);
          const text = JSON.stringify(body);
          if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(text));
          return end(text);
        }) as typeof res.end;
      }
      next();
    });
    app.use(`/${realm.name}`, provider.callback());
  }

  return {
    url,
    issuer: (realm) => `${url}/${realm}`,
    tamper: (realm, tamper) => {
      if (tamper) tampers.set(realm, tamper);
      else tampers.delete(realm);
    },
    rotateKey: (realm) => {
      const state = realms.get(realm);
      if (!state) throw new Error(`no realm ${realm}`);
      const next = newSigningKey();
      state.published = [...state.published, next.publicJwk];
      state.signer = next;
    },
    requests: (realm, path) => counts.get(`${realm}${path}`) ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
