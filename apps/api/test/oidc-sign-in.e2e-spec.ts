import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { SessionsPurge } from '@app/identity';
import {
  type DevIdentityProvider,
  startDevIdentityProvider,
} from '../../../scripts/services/dev-identity-provider';
import { startApi, testConfig } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';
import { OidcBrowser } from '../../../test/support/oidc-browser';
import { stateCookieName } from '../src/identity/auth/oidc.controller';

const SECRET_A = `client-secret-a-${Date.now().toString(36)}`;
const SECRET_B = `client-secret-b-${Date.now().toString(36)}`;

/**
 * Signing in through an organisation's own provider, end to end: a real OpenID provider
 * (oidc-provider, in this process, with its own keys and accounts), the real API, and a
 * browser's part played by hand. Every refusal of issue 20 is proven here, with its audit
 * event.
 */
describe('signing in through your organisation (OpenID Connect)', () => {
  let config: AppConfig;
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: IdentityFixtures;
  let idp: DevIdentityProvider;
  let admin: Actor;
  let orgA: { id: string };
  let orgB: { id: string };
  let providerA: { id: string; etag: string };
  let providerB: { id: string; etag: string };
  let alice: Actor;
  let callbackUrl: string;
  let publicUrl: string;

  beforeAll(async () => {
    config = testConfig();
    publicUrl = config.http.publicUrl;
    callbackUrl = `${publicUrl}/v1/auth/oidc/callback`;
    app = await startApi({ config });
    db = app.get(DataSource);
    fixtures = new IdentityFixtures(app);
    idp = await startDevIdentityProvider({
      realms: [
        {
          name: 'a',
          clientId: 'tracker-a',
          clientSecret: SECRET_A,
          redirectUris: [callbackUrl],
          postLogoutRedirectUris: [`${publicUrl}/aanmelden?afgemeld`],
          accounts: [
            { login: 'alice', email: 'Alice@A.example.nl', name: 'Alice A' },
            { login: 'admin-a', email: 'admin@a.example.nl', name: 'Beheerder A' },
            { login: 'alice-twin', email: 'alice@a.example.nl', name: 'Alice (twin)' },
            { login: 'newcomer', email: 'newcomer@a.example.nl', name: 'Nieuw Persoon' },
            { login: 'outsider', email: 'outsider@b.example.nl', name: 'Outsider' },
            { login: 'bob', email: 'bob@a.example.nl', name: 'Bob of B' },
            { login: 'retired', email: 'retired@a.example.nl', name: 'Retired' },
            {
              login: 'unverified',
              email: 'unverified@a.example.nl',
              name: 'Unverified',
              emailVerified: false,
            },
          ],
        },
        {
          name: 'b',
          clientId: 'tracker-b',
          clientSecret: SECRET_B,
          redirectUris: [callbackUrl],
          accounts: [
            { login: 'carol', email: 'carol@b.example.nl', name: 'Carol van B' },
            { login: 'dave', email: 'dave@b.example.nl', name: 'Dave van B' },
          ],
        },
      ],
    });
    admin = await fixtures.user({ isPlatformAdmin: true });
    orgA = await fixtures.organisation();
    orgB = await fixtures.organisation();
    alice = await fixtures.user({ organisationId: orgA.id, email: 'alice@a.example.nl' });
    await fixtures.user({ organisationId: orgB.id, email: 'bob@a.example.nl' });
    await fixtures.user({
      organisationId: orgA.id,
      email: 'retired@a.example.nl',
      isActive: false,
    });
    await fixtures.user({ organisationId: orgA.id, email: 'unverified@a.example.nl' });
    providerA = await addProvider({
      organisationId: orgA.id,
      displayName: 'Organisatie A',
      issuer: idp.issuer('a'),
      clientId: 'tracker-a',
      clientSecret: SECRET_A,
      allowedDomains: ['a.example.nl'],
    });
    providerB = await addProvider({
      organisationId: orgB.id,
      displayName: 'Organisatie B',
      issuer: idp.issuer('b'),
      clientId: 'tracker-b',
      clientSecret: SECRET_B,
      allowedDomains: ['b.example.nl'],
      createUsers: true,
    });
  });

  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  async function addProvider(body: object): Promise<{ id: string; etag: string }> {
    const res = await request(app.getHttpServer())
      .post('/v1/identity-providers')
      .set('Authorization', `Bearer ${admin.token}`)
      .send(body)
      .expect(201);
    return { id: res.body.id, etag: res.headers.etag };
  }

  async function changeProvider(provider: { id: string; etag: string }, body: object) {
    const res = await request(app.getHttpServer())
      .patch(`/v1/identity-providers/${provider.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .set('If-Match', provider.etag)
      .send(body)
      .expect(200);
    provider.etag = res.headers.etag;
  }

  const startA = (returnTo?: string) =>
    `/v1/auth/oidc/start?provider=${providerA.id}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`;

  /** The browser session the callback left in the cookie, exchanged as the web app does. */
  async function refresh(browser: OidcBrowser): Promise<request.Response> {
    const res = await request(app.getHttpServer())
      .post('/v1/auth/browser/refresh')
      .set('Origin', publicUrl)
      .set('X-CSRF-Protection', '1')
      .set('Cookie', browser.cookieHeader('app'));
    browser.absorb('app', res.headers['set-cookie']);
    return res;
  }

  function refusal(res: request.Response): string | null {
    expect(res.status).toBe(303);
    const location = new URL(res.headers.location);
    expect(`${location.origin}${location.pathname}`).toBe(`${publicUrl}/aanmelden`);
    return location.searchParams.get('sso-fout');
  }

  /** The newest refused sign-in in the audit log. */
  async function lastRefusalEvent(): Promise<{
    entity_type: string;
    entity_id: string | null;
    details: Record<string, unknown>;
  }> {
    const [row] = await db.query(
      `SELECT entity_type, entity_id, details FROM audit_events
        WHERE operation = 'login_failed' ORDER BY sequence DESC LIMIT 1`,
    );
    return row;
  }

  async function expectRefused(res: request.Response, code: string): Promise<void> {
    expect(refusal(res)).toBe(code);
    const event = await lastRefusalEvent();
    expect(event.details).toMatchObject({ method: 'oidc', reason: code });
  }

  describe('a person with an account signs in', () => {
    let browser: OidcBrowser;
    let signedIn: { callback: request.Response; callbackUrl: string };

    beforeAll(async () => {
      browser = new OidcBrowser(app, publicUrl);
      signedIn = await browser.signIn(startA('/acties?filter=mijn'), 'alice');
    });

    it('sends the browser to the provider with PKCE, state and nonce, bound by a cookie', async () => {
      const res = await new OidcBrowser(app, publicUrl).visitApp(startA());
      expect(res.status).toBe(303);
      const url = new URL(res.headers.location);
      expect(url.href.startsWith(idp.issuer('a'))).toBe(true);
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        client_id: 'tracker-a',
        redirect_uri: callbackUrl,
        response_type: 'code',
        scope: 'openid email profile',
        code_challenge_method: 'S256',
      });
      for (const name of ['state', 'nonce', 'code_challenge']) {
        expect(url.searchParams.get(name)?.length).toBeGreaterThanOrEqual(43);
      }
      const state = url.searchParams.get('state')!;
      const cookie = (res.headers['set-cookie'] as unknown as string[]).find((line) =>
        line.startsWith(`${stateCookieName(state)}=`),
      );
      expect(cookie).toContain(`${stateCookieName(state)}=${state}`);
      expect(stateCookieName(state)).toMatch(/^sbt_oidc_state_[0-9a-f]{12}$/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\/v1\/auth\/oidc/);
    });

    it('lands where they were going, with the browser session of a password sign-in', async () => {
      expect(signedIn.callback.status).toBe(303);
      expect(signedIn.callback.headers.location).toBe(`${publicUrl}/acties?filter=mijn`);
      expect(browser.cookie('app', 'sbt_refresh')).toMatch(/^sbr_/);
      const state = new URL(signedIn.callbackUrl).searchParams.get('state')!;
      expect(browser.cookie('app', stateCookieName(state))).toBeUndefined();
      const refreshed = await refresh(browser);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.identityProviderId).toBe(providerA.id);
      const me = await request(app.getHttpServer())
        .get('/v1/me')
        .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
        .expect(200);
      expect(me.body.email).toBe('alice@a.example.nl');
      const [login] = await db.query(
        `SELECT actor_id, details FROM audit_events WHERE operation = 'login'
          ORDER BY sequence DESC LIMIT 1`,
      );
      expect(login).toEqual({
        actor_id: alice.userId,
        details: { method: 'oidc', identityProviderId: providerA.id },
      });
    });

    it('is linked to the account at the provider, found by it from then on', async () => {
      const links = await db.query(
        'SELECT user_id, issuer, subject FROM user_identities WHERE user_id = $1',
        [alice.userId],
      );
      expect(links).toEqual([{ user_id: alice.userId, issuer: idp.issuer('a'), subject: 'alice' }]);
      const again = await new OidcBrowser(app, publicUrl).signIn(startA(), 'alice');
      expect(again.callback.headers.location).toBe(`${publicUrl}/`);
    });

    it('may still create API tokens, as their role allows', async () => {
      const { body } = await refresh(browser);
      const programme = await fixtures.programme();
      await fixtures.member(programme.id, alice.userId, 'editor');
      const created = await request(app.getHttpServer())
        .post('/v1/me/api-tokens')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .send({ name: 'Koppeling', programmeId: programme.id, scope: 'read' });
      expect(created.status).toBe(201);
    });

    it('refuses the same callback a second time: a replayed state', async () => {
      const replay = new OidcBrowser(app, publicUrl);
      // The same browser cookie too: the attacker holds everything but a fresh state.
      replay.absorb(
        'app',
        `${stateCookieName(new URL(signedIn.callbackUrl).searchParams.get('state')!)}=${new URL(signedIn.callbackUrl).searchParams.get('state')}`,
      );
      await expectRefused(await replay.visitApp(signedIn.callbackUrl), 'OIDC_STATE_REPLAYED');
    });

    it('signs out at the provider too (RP-initiated logout)', async () => {
      const res = await new OidcBrowser(app, publicUrl).visitApp(
        `/v1/auth/oidc/logout?provider=${providerA.id}`,
      );
      expect(res.status).toBe(303);
      const url = new URL(res.headers.location);
      expect(url.href.startsWith(`${idp.issuer('a')}/`)).toBe(true);
      expect(url.searchParams.get('client_id')).toBe('tracker-a');
      expect(url.searchParams.get('post_logout_redirect_uri')).toBe(
        `${publicUrl}/aanmelden?afgemeld`,
      );
      const plain = await new OidcBrowser(app, publicUrl).visitApp('/v1/auth/oidc/logout');
      expect(plain.headers.location).toBe(`${publicUrl}/aanmelden?afgemeld`);
    });
  });

  it('starts at the provider of the e-mail address’s domain, and lists the providers by name', async () => {
    const res = await new OidcBrowser(app, publicUrl).visitApp(
      '/v1/auth/oidc/start?email=Alice%40A.example.nl',
    );
    const url = new URL(res.headers.location);
    expect(url.href.startsWith(idp.issuer('a'))).toBe(true);
    expect(url.searchParams.get('login_hint')).toBe('Alice@A.example.nl');
    const list = await request(app.getHttpServer()).get('/v1/auth/oidc/providers').expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        {
          id: providerA.id,
          displayName: 'Organisatie A',
          organisationId: orgA.id,
          organisationName: expect.any(String),
        },
      ]),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/issuer|tracker-a|example\.nl|secret/);
  });

  it('creates a person new here when the provider may, with no programme roles', async () => {
    const browser = new OidcBrowser(app, publicUrl);
    const { callback } = await browser.signIn(
      `/v1/auth/oidc/start?provider=${providerB.id}`,
      'carol',
    );
    expect(callback.headers.location).toBe(`${publicUrl}/`);
    const [user] = await db.query(
      `SELECT id, display_name, organisation_id, password_hash, is_platform_admin FROM users
        WHERE email = 'carol@b.example.nl'`,
    );
    expect(user).toMatchObject({
      display_name: 'Carol van B',
      organisation_id: orgB.id,
      password_hash: null,
      is_platform_admin: false,
    });
    expect(await db.query('SELECT 1 FROM memberships WHERE user_id = $1', [user.id])).toEqual([]);
    expect((await refresh(browser)).status).toBe(200);
  });

  it('caches the provider’s discovery document and keys, and follows its key rotation', async () => {
    const signInCarol = async () =>
      (
        await new OidcBrowser(app, publicUrl).signIn(
          `/v1/auth/oidc/start?provider=${providerB.id}`,
          'carol',
        )
      ).callback.headers.location;
    expect(await signInCarol()).toBe(`${publicUrl}/`);
    expect(await signInCarol()).toBe(`${publicUrl}/`);
    expect(idp.requests('b', '/.well-known/openid-configuration')).toBe(1);
    expect(idp.requests('b', '/jwks')).toBe(1);
    idp.rotateKey('b');
    // A token signed with a key the cached set lacks makes openid-client fetch the set again,
    // once the cached one is a minute old: a minute on, the rotated key is found.
    jest.useFakeTimers({
      now: Date.now() + 61_000,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      expect(await signInCarol()).toBe(`${publicUrl}/`);
    } finally {
      jest.useRealTimers();
    }
    expect(idp.requests('b', '/jwks')).toBe(2);
    expect(idp.requests('b', '/.well-known/openid-configuration')).toBe(1);
  });

  describe('refusals, each with a Dutch message on the sign-in page and an audit event', () => {
    afterEach(() => {
      idp.tamper('a', undefined);
    });

    it('an e-mail domain no provider serves', async () => {
      const res = await new OidcBrowser(app, publicUrl).visitApp(
        '/v1/auth/oidc/start?email=someone%40elders.example.nl&returnTo=%2Facties',
      );
      await expectRefused(res, 'OIDC_PROVIDER_UNKNOWN');
      expect(new URL(res.headers.location).searchParams.get('terug')).toBe('/acties');
      expect((await lastRefusalEvent()).details.emailDomain).toBe('elders.example.nl');
    });

    it('a provider that is switched off, also between start and callback', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      const started = await browser.visitApp(startA());
      await changeProvider(providerA, { enabled: false });
      try {
        await expectRefused(
          await new OidcBrowser(app, publicUrl).visitApp(startA()),
          'OIDC_PROVIDER_DISABLED',
        );
        const callback = await browser.throughProvider(started.headers.location, 'alice');
        await expectRefused(await browser.visitApp(callback), 'OIDC_PROVIDER_DISABLED');
      } finally {
        await changeProvider(providerA, { enabled: true });
      }
    });

    it('a person whose e-mail is of another organisation’s domain', async () => {
      const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'outsider');
      await expectRefused(callback, 'OIDC_DOMAIN_NOT_ALLOWED');
    });

    it('an account here of another organisation than the provider’s', async () => {
      const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'bob');
      await expectRefused(callback, 'OIDC_OTHER_ORGANISATION');
    });

    it('a deactivated user', async () => {
      const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'retired');
      await expectRefused(callback, 'OIDC_USER_INACTIVE');
      expect((await lastRefusalEvent()).entity_type).toBe('user');
    });

    it('an e-mail address the provider has not verified', async () => {
      const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'unverified');
      await expectRefused(callback, 'OIDC_EMAIL_UNVERIFIED');
      expect(await db.query("SELECT 1 FROM user_identities WHERE subject = 'unverified'")).toEqual(
        [],
      );
    });

    it('a person without an account where the provider may not create one', async () => {
      const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'newcomer');
      await expectRefused(callback, 'OIDC_NO_ACCOUNT');
      expect(await db.query("SELECT 1 FROM users WHERE email = 'newcomer@a.example.nl'")).toEqual(
        [],
      );
    });

    it('a second account at the provider for a user linked already', async () => {
      await new OidcBrowser(app, publicUrl).signIn(startA(), 'alice');
      const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'alice-twin');
      await expectRefused(callback, 'OIDC_ALREADY_LINKED');
    });

    it('a callback this browser did not start (login CSRF), or with no state', async () => {
      const attacker = new OidcBrowser(app, publicUrl);
      const started = await attacker.visitApp(startA());
      const callback = await attacker.throughProvider(started.headers.location, 'alice');
      // The victim's browser opens the attacker's callback link: it has no such cookie.
      await expectRefused(
        await new OidcBrowser(app, publicUrl).visitApp(callback),
        'OIDC_STATE_INVALID',
      );
      await expectRefused(
        await new OidcBrowser(app, publicUrl).visitApp('/v1/auth/oidc/callback?code=x'),
        'OIDC_STATE_INVALID',
      );
    });

    it('two sign-ins started in two tabs of one browser both finish', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      const first = await browser.visitApp(startA('/acties'));
      const second = await browser.visitApp(startA('/meldingen'));
      const firstBack = await browser.throughProvider(first.headers.location, 'alice');
      const secondBack = await browser.throughProvider(second.headers.location, 'alice');
      expect((await browser.visitApp(firstBack)).headers.location).toBe(`${publicUrl}/acties`);
      expect((await browser.visitApp(secondBack)).headers.location).toBe(`${publicUrl}/meldingen`);
    });

    it('a sign-in that took too long', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      const started = await browser.visitApp(startA());
      await db.query(
        "UPDATE oidc_login_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL",
      );
      const callback = await browser.throughProvider(started.headers.location, 'alice');
      await expectRefused(await browser.visitApp(callback), 'OIDC_STATE_EXPIRED');
    });

    it('started sign-ins are purged: unspent once expired, spent a day later', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      await browser.visitApp(startA());
      await db.query(
        "UPDATE oidc_login_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL",
      );
      const spent: { count: number }[] = await db.query(
        'SELECT count(*)::int AS count FROM oidc_login_states WHERE used_at IS NOT NULL',
      );
      await app.get(SessionsPurge).purge();
      expect(await db.query('SELECT 1 FROM oidc_login_states WHERE used_at IS NULL')).toEqual([]);
      // The spent ones stay a day, so that a replay is told apart from a forgery.
      expect(
        await db.query(
          'SELECT count(*)::int AS count FROM oidc_login_states WHERE used_at IS NOT NULL',
        ),
      ).toEqual(spent);
      expect(spent[0].count).toBeGreaterThan(0);
    });

    it('a person who cancels at the provider', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      const started = await browser.visitApp(startA());
      const state = new URL(started.headers.location).searchParams.get('state')!;
      const res = await browser.visitApp(
        `/v1/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer('a'))}`,
      );
      await expectRefused(res, 'OIDC_PROVIDER_REFUSED');
    });

    it.each([
      [
        'a wrong nonce',
        { claims: (c: Record<string, unknown>) => ({ ...c, nonce: 'another-sign-in' }) },
        'OIDC_NONCE_MISMATCH',
      ],
      ['an unsigned token', { signature: 'none' as const }, 'OIDC_TOKEN_SIGNATURE'],
      [
        'a token signed with another key',
        { signature: 'foreign' as const },
        'OIDC_TOKEN_SIGNATURE',
      ],
      [
        'a token for another audience',
        { claims: (c: Record<string, unknown>) => ({ ...c, aud: 'another-app' }) },
        'OIDC_AUDIENCE_MISMATCH',
      ],
      [
        'an expired token',
        {
          claims: (c: Record<string, unknown>) => {
            const now = Math.floor(Date.now() / 1000);
            return { ...c, iat: now - 7200, exp: now - 3600 };
          },
        },
        'OIDC_TOKEN_EXPIRED',
      ],
    ])('%s', async (_name, tamper, code) => {
      idp.tamper('a', tamper);
      const browser = new OidcBrowser(app, publicUrl);
      const { callback } = await browser.signIn(startA(), 'alice');
      await expectRefused(callback, code);
      expect(browser.cookie('app', 'sbt_refresh')).toBeUndefined();
    });

    it('a platform administrator by e-mail address; they link their account themselves, signed in', async () => {
      const adminA = await fixtures.user({
        organisationId: orgA.id,
        email: 'admin@a.example.nl',
        isPlatformAdmin: true,
      });
      // Whoever controls the organisation's directory must not become platform administrator.
      const byEmail = await new OidcBrowser(app, publicUrl).signIn(startA(), 'admin-a');
      await expectRefused(byEmail.callback, 'OIDC_LINK_NOT_ALLOWED');

      const switchOff = (token: string) =>
        request(app.getHttpServer())
          .patch(`/v1/identity-providers/${providerA.id}`)
          .set('Authorization', `Bearer ${token}`)
          .set('If-Match', providerA.etag)
          .send({ passwordSignInDisabled: true });
      const refused = await switchOff(adminA.token);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 409,
        code: 'SIGN_IN_WOULD_LOCK_YOU_OUT',
      });

      // Signed in, they link their own account: the provider asks them to sign in afresh.
      const browser = new OidcBrowser(app, publicUrl);
      const link = await request(app.getHttpServer())
        .post('/v1/auth/oidc/link')
        .set('Authorization', `Bearer ${adminA.token}`)
        .send({});
      expect(link.status).toBe(200);
      browser.absorb('app', link.headers['set-cookie']);
      expect(new URL(link.body.authorizationUrl).searchParams.get('prompt')).toBe('login');
      const callback = await browser.visitApp(
        await browser.throughProvider(link.body.authorizationUrl, 'admin-a'),
      );
      expect(callback.headers.location).toBe(`${publicUrl}/account`);
      const [linked] = await db.query(
        `SELECT details FROM audit_events WHERE operation = 'create'
            AND entity_type = 'user_identity' ORDER BY sequence DESC LIMIT 1`,
      );
      expect(linked.details).toMatchObject({
        userId: adminA.userId,
        linkedBy: 'the_user_signed_in',
      });
      const allowed = await switchOff((await refresh(browser)).body.accessToken);
      expect(allowed.status).toBe(200);
      providerA.etag = allowed.headers.etag;
      await changeProvider(providerA, { passwordSignInDisabled: false });
      // From now on found by the account at the provider, as anyone.
      const again = await new OidcBrowser(app, publicUrl).signIn(startA(), 'admin-a');
      expect(again.callback.headers.location).toBe(`${publicUrl}/`);
    });

    it('linking one’s account where the organisation has no provider', async () => {
      const loner = await fixtures.user();
      const res = await request(app.getHttpServer())
        .post('/v1/auth/oidc/link')
        .set('Authorization', `Bearer ${loner.token}`)
        .send({});
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 409,
        code: 'NO_IDENTITY_PROVIDER',
      });
    });

    it('password sign-in where the organisation signs in through its provider only', async () => {
      await changeProvider(providerA, { passwordSignInDisabled: true });
      try {
        const right = await request(app.getHttpServer())
          .post('/v1/auth/login')
          .send({ email: alice.email, password: alice.password });
        expect({ status: right.status, code: right.body.code }).toEqual({
          status: 403,
          code: 'PASSWORD_SIGN_IN_DISABLED',
        });
        const [event] = await db.query(
          `SELECT entity_id, details FROM audit_events WHERE operation = 'login_failed'
            ORDER BY sequence DESC LIMIT 1`,
        );
        expect(event).toMatchObject({
          entity_id: alice.userId,
          details: { reason: 'password_sign_in_disabled' },
        });
        // A wrong password hears what it always hears: nothing about the organisation.
        const wrong = await request(app.getHttpServer())
          .post('/v1/auth/login')
          .send({ email: alice.email, password: 'not the password at all' });
        expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
        // Through the provider, it works.
        const { callback } = await new OidcBrowser(app, publicUrl).signIn(startA(), 'alice');
        expect(callback.headers.location).toBe(`${publicUrl}/`);
      } finally {
        await changeProvider(providerA, { passwordSignInDisabled: false });
      }
    });
  });

  describe('what the organisation decides ends sessions', () => {
    it('a session signed in through a provider ends when the provider is switched off', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      await browser.signIn(startA(), 'alice');
      await changeProvider(providerA, { enabled: false });
      try {
        expect((await refresh(browser)).status).toBe(401);
      } finally {
        await changeProvider(providerA, { enabled: true });
      }
    });

    it('... and, however often refreshed, OIDC_SESSION_MAX_SECONDS after it began', async () => {
      const browser = new OidcBrowser(app, publicUrl);
      await browser.signIn(startA(), 'alice');
      expect((await refresh(browser)).status).toBe(200);
      await db.query(
        `UPDATE refresh_tokens SET created_at = created_at - make_interval(secs => $1)
          WHERE user_id = $2 AND identity_provider_id IS NOT NULL`,
        [config.auth.oidcSessionMaxSeconds, alice.userId],
      );
      expect((await refresh(browser)).status).toBe(401);
    });

    it('a password session ends once the organisation signs in through its provider only', async () => {
      const login = await request(app.getHttpServer())
        .post('/v1/auth/login')
        .send({ email: alice.email, password: alice.password })
        .expect(200);
      await changeProvider(providerA, { passwordSignInDisabled: true });
      try {
        const res = await request(app.getHttpServer())
          .post('/v1/auth/refresh')
          .send({ refreshToken: login.body.refreshToken });
        expect(res.status).toBe(401);
      } finally {
        await changeProvider(providerA, { passwordSignInDisabled: false });
      }
    });
  });

  describe('providers that go wrong, and people at once', () => {
    let orgC: { id: string };

    beforeAll(async () => {
      orgC = await fixtures.organisation();
    });

    it('a provider deleted between start and callback', async () => {
      const temporary = await addProvider({
        organisationId: orgC.id,
        displayName: 'Tijdelijk',
        issuer: idp.issuer('a'),
        clientId: 'tracker-a',
        clientSecret: SECRET_A,
        allowedDomains: ['c.example.nl'],
      });
      const browser = new OidcBrowser(app, publicUrl);
      const started = await browser.visitApp(`/v1/auth/oidc/start?provider=${temporary.id}`);
      await request(app.getHttpServer())
        .delete(`/v1/identity-providers/${temporary.id}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(204);
      const callback = await browser.throughProvider(started.headers.location, 'alice');
      await expectRefused(await browser.visitApp(callback), 'OIDC_PROVIDER_UNKNOWN');
    });

    it('a wrong client secret, told apart from a person’s mistake', async () => {
      const misconfigured = await addProvider({
        organisationId: orgC.id,
        displayName: 'Verkeerd geheim',
        issuer: idp.issuer('a'),
        clientId: 'tracker-a',
        clientSecret: 'not-the-client-secret-at-all',
        allowedDomains: ['c.example.nl'],
      });
      try {
        const { callback } = await new OidcBrowser(app, publicUrl).signIn(
          `/v1/auth/oidc/start?provider=${misconfigured.id}&returnTo=%2Facties`,
          'alice',
        );
        await expectRefused(callback, 'OIDC_PROVIDER_MISCONFIGURED');
        // Where the person was going survives the refusal.
        expect(new URL(callback.headers.location).searchParams.get('terug')).toBe('/acties');
      } finally {
        await request(app.getHttpServer())
          .delete(`/v1/identity-providers/${misconfigured.id}`)
          .set('Authorization', `Bearer ${admin.token}`)
          .expect(204);
      }
    });

    it('two first sign-ins of one new person at once: one account, one link, both signed in', async () => {
      const first = new OidcBrowser(app, publicUrl);
      const second = new OidcBrowser(app, publicUrl);
      const start = `/v1/auth/oidc/start?provider=${providerB.id}`;
      const [a, b] = [await first.visitApp(start), await second.visitApp(start)];
      const urls = [
        await first.throughProvider(a.headers.location, 'dave'),
        await second.throughProvider(b.headers.location, 'dave'),
      ];
      const answers = await Promise.all([first.visitApp(urls[0]), second.visitApp(urls[1])]);
      expect(answers.map((res) => res.headers.location)).toEqual([
        `${publicUrl}/`,
        `${publicUrl}/`,
      ]);
      const users = await db.query("SELECT id FROM users WHERE email = 'dave@b.example.nl'");
      expect(users).toHaveLength(1);
      expect(
        await db.query('SELECT 1 FROM user_identities WHERE user_id = $1', [users[0].id]),
      ).toHaveLength(1);
    });

    it('a platform administrator removes a link; the next sign-in links afresh', async () => {
      const [carol] = await db.query("SELECT id FROM users WHERE email = 'carol@b.example.nl'");
      const mine = await (async () => {
        const browser = new OidcBrowser(app, publicUrl);
        await browser.signIn(`/v1/auth/oidc/start?provider=${providerB.id}`, 'carol');
        const token = (await refresh(browser)).body.accessToken;
        return request(app.getHttpServer())
          .get('/v1/me/identities')
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
      })();
      expect(mine.body.items).toEqual([
        {
          id: expect.any(String),
          issuer: idp.issuer('b'),
          subject: 'carol',
          createdAt: expect.any(String),
          lastSignInAt: expect.any(String),
        },
      ]);
      const path = `/v1/users/${carol.id}/identities`;
      const listed = await request(app.getHttpServer())
        .get(path)
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([
        mine.body.items[0].id,
      ]);
      await request(app.getHttpServer())
        .delete(`${path}/${mine.body.items[0].id}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(204);
      await request(app.getHttpServer())
        .delete(`${path}/${mine.body.items[0].id}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(404);
      const [removed] = await db.query(
        `SELECT actor_id, details FROM audit_events WHERE operation = 'delete'
            AND entity_type = 'user_identity' ORDER BY sequence DESC LIMIT 1`,
      );
      expect(removed).toEqual({
        actor_id: admin.userId,
        details: { userId: carol.id, issuer: idp.issuer('b') },
      });
      const again = await new OidcBrowser(app, publicUrl).signIn(
        `/v1/auth/oidc/start?provider=${providerB.id}`,
        'carol',
      );
      expect(again.callback.headers.location).toBe(`${publicUrl}/`);
      expect(
        await db.query('SELECT 1 FROM user_identities WHERE user_id = $1', [carol.id]),
      ).toHaveLength(1);
    });
  });
});
