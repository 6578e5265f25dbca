import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ClientSecretCipher } from '@app/identity';
import { startApi } from '../../../test/support/e2e';
import { type Actor, IdentityFixtures } from '../../../test/support/identity-fixtures';

type Method = 'get' | 'post' | 'patch' | 'delete';

const PATH = '/v1/identity-providers';
/** A secret recognisable anywhere it might leak: responses, the table, the audit log. */
const SECRET = `plaintext-client-secret-${Date.now().toString(36)}`;
const NEW_SECRET = `replaced-client-secret-${Date.now().toString(36)}`;

describe('identity providers: an organisation’s OpenID Connect provider', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let fixtures: IdentityFixtures;
  let admin: Actor;
  let coordinator: Actor;
  /** Every response body this file received, to prove no client secret ever leaves. */
  const bodies: string[] = [];

  beforeAll(async () => {
    app = await startApi();
    db = app.get(DataSource);
    fixtures = new IdentityFixtures(app);
    admin = await fixtures.user({ isPlatformAdmin: true });
    coordinator = await fixtures.user();
    await fixtures.member((await fixtures.programme()).id, coordinator.userId, 'coordinator');
  });

  afterAll(async () => {
    await app.close();
  });

  async function call(
    method: Method,
    path: string,
    options: { token?: string; body?: object; ifMatch?: string } = {},
  ): Promise<Response> {
    let req = request(app.getHttpServer())[method](path);
    if (options.token !== undefined) req = req.set('Authorization', `Bearer ${options.token}`);
    if (options.ifMatch !== undefined) req = req.set('If-Match', options.ifMatch);
    const res = options.body === undefined ? await req : await req.send(options.body);
    bodies.push(res.text);
    return res;
  }

  const asAdmin = (
    method: Method,
    path: string,
    options: { body?: object; ifMatch?: string } = {},
  ) => call(method, path, { ...options, token: admin.token });

  function expectProblem(res: Response, status: number, code: string): void {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }

  const invalidNames = (res: Response): string[] =>
    (res.body.invalidParams as { name: string }[]).map((param) => param.name).sort();

  async function provider(organisationId: string, overrides: object = {}): Promise<Response> {
    return asAdmin('post', PATH, {
      body: {
        organisationId,
        displayName: 'Rijksoverheid (Entra ID)',
        issuer: 'https://login.example.nl/tenant/v2.0',
        clientId: 'sterk-bestuur-tracker',
        clientSecret: SECRET,
        allowedDomains: ['MinBZK.nl', 'rijksoverheid.nl'],
        ...overrides,
      },
    });
  }

  async function auditOf(id: string): Promise<{ operation: string; changes: unknown }[]> {
    return db.query(
      `SELECT operation, changes FROM audit_events
        WHERE entity_type = 'identity_provider' AND entity_id = $1 ORDER BY sequence`,
      [id],
    );
  }

  it('lets a platform administrator create, read, list, change and delete a provider', async () => {
    const organisation = await fixtures.organisation('ministry');
    const created = await provider(organisation.id);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.location).toMatch(new RegExp(`${PATH}/${id}$`));
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toEqual({
      id,
      organisation: {
        id: organisation.id,
        code: organisation.code,
        name: `Organisation ${organisation.code}`,
      },
      displayName: 'Rijksoverheid (Entra ID)',
      issuer: 'https://login.example.nl/tenant/v2.0',
      clientId: 'sterk-bestuur-tracker',
      hasClientSecret: true,
      scopes: ['openid', 'email', 'profile'],
      emailClaim: 'email',
      allowedDomains: ['minbzk.nl', 'rijksoverheid.nl'],
      createUsers: false,
      passwordSignInDisabled: false,
      enabled: true,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const read = await asAdmin('get', `${PATH}/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created.body);

    const listed = await asAdmin('get', `${PATH}?organisationId=${organisation.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([created.body]);
    expect(listed.body._links.self.href).toContain(PATH);

    const changed = await asAdmin('patch', `${PATH}/${id}`, {
      ifMatch: '"1"',
      body: { displayName: 'BZK', enabled: false, passwordSignInDisabled: true },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.body).toMatchObject({
      displayName: 'BZK',
      enabled: false,
      passwordSignInDisabled: true,
      hasClientSecret: true,
      version: 2,
    });

    const deleted = await asAdmin('delete', `${PATH}/${id}`);
    expect(deleted.status).toBe(204);
    expectProblem(await asAdmin('get', `${PATH}/${id}`), 404, 'IDENTITY_PROVIDER_NOT_FOUND');
    expectProblem(await asAdmin('delete', `${PATH}/${id}`), 404, 'IDENTITY_PROVIDER_NOT_FOUND');
  });

  it('stores the client secret encrypted, keeps it on a change without one, and never answers it', async () => {
    const organisation = await fixtures.organisation('ministry');
    const created = await provider(organisation.id);
    const id = created.body.id as string;
    const cipher = app.get(ClientSecretCipher);
    const stored = async (): Promise<Buffer> => {
      const [row]: { client_secret_encrypted: Buffer; text: string }[] = await db.query(
        `SELECT client_secret_encrypted, p::text AS text FROM identity_providers p WHERE id = $1`,
        [id],
      );
      expect(row.text).not.toContain(SECRET);
      expect(row.client_secret_encrypted.includes(Buffer.from(SECRET))).toBe(false);
      return row.client_secret_encrypted;
    };
    const first = await stored();
    expect(cipher.decrypt(first, id)).toBe(SECRET);

    await asAdmin('patch', `${PATH}/${id}`, { ifMatch: '"1"', body: { clientId: 'other-client' } });
    expect((await stored()).equals(first)).toBe(true);

    const replaced = await asAdmin('patch', `${PATH}/${id}`, {
      ifMatch: '"2"',
      body: { clientSecret: NEW_SECRET },
    });
    expect(replaced.status).toBe(200);
    expect(cipher.decrypt(await stored(), id)).toBe(NEW_SECRET);

    const everything = bodies.join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(NEW_SECRET);
    expect(everything).not.toMatch(/clientSecret"/);
  });

  it('records an audit event per creation, change and deletion, without the secret', async () => {
    const organisation = await fixtures.organisation('ministry');
    const id = (await provider(organisation.id)).body.id as string;
    await asAdmin('patch', `${PATH}/${id}`, {
      ifMatch: '"1"',
      body: { clientSecret: NEW_SECRET, allowedDomains: ['minbzk.nl'] },
    });
    await asAdmin('delete', `${PATH}/${id}`);

    const events = await auditOf(id);
    expect(events.map((event) => event.operation)).toEqual(['create', 'update', 'delete']);
    const [create, update, remove] = events.map((event) => event.changes as Record<string, any>);
    expect(create).toMatchObject({
      organisationId: { new: organisation.id },
      issuer: { new: 'https://login.example.nl/tenant/v2.0' },
      allowedDomains: { new: ['minbzk.nl', 'rijksoverheid.nl'] },
      clientSecret: '[redacted]',
    });
    expect(update).toEqual({
      allowedDomains: { old: ['minbzk.nl', 'rijksoverheid.nl'], new: ['minbzk.nl'] },
      clientSecret: '[redacted]',
    });
    expect(remove).toMatchObject({ clientId: { old: 'sterk-bestuur-tracker' } });
    expect(remove).not.toHaveProperty('clientSecret');
    const recorded = JSON.stringify(
      await db.query(`SELECT * FROM audit_events WHERE entity_id = $1`, [id]),
    );
    expect(recorded).not.toContain(SECRET);
    expect(recorded).not.toContain(NEW_SECRET);
  });

  it('refuses a second provider for one organisation with 409', async () => {
    const organisation = await fixtures.organisation('association');
    expect((await provider(organisation.id)).status).toBe(201);
    const second = await provider(organisation.id, { displayName: 'Another one' });
    expectProblem(second, 409, 'IDENTITY_PROVIDER_EXISTS');
  });

  it('refuses a stale If-Match with 412, and a change without one with 428', async () => {
    const organisation = await fixtures.organisation('province');
    const id = (await provider(organisation.id)).body.id as string;
    expect(
      (await asAdmin('patch', `${PATH}/${id}`, { ifMatch: '"1"', body: { displayName: 'One' } }))
        .status,
    ).toBe(200);
    const stale = await asAdmin('patch', `${PATH}/${id}`, {
      ifMatch: '"1"',
      body: { displayName: 'Two' },
    });
    expectProblem(stale, 412, 'VERSION_CONFLICT');
    expectProblem(
      await asAdmin('patch', `${PATH}/${id}`, { body: { displayName: 'Three' } }),
      428,
      'PRECONDITION_REQUIRED',
    );
    expectProblem(
      await asAdmin('delete', `${PATH}/${id}`, { ifMatch: '"1"' }),
      412,
      'VERSION_CONFLICT',
    );
    expect((await asAdmin('get', `${PATH}/${id}`)).body.displayName).toBe('One');
  });

  it('answers 403 to a coordinator and 401 without a session, on every route', async () => {
    const organisation = await fixtures.organisation('ministry');
    const id = (await provider(organisation.id)).body.id as string;
    const routes: [Method, string][] = [
      ['get', PATH],
      ['post', PATH],
      ['get', `${PATH}/${id}`],
      ['patch', `${PATH}/${id}`],
      ['delete', `${PATH}/${id}`],
    ];
    for (const [method, path] of routes) {
      expectProblem(
        await call(method, path, { token: coordinator.token, body: {} }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await call(method, path, { body: {} }), 401, 'UNAUTHENTICATED');
    }
    expect((await asAdmin('get', `${PATH}/${id}`)).status).toBe(200);
  });

  it('refuses invalid input with every problem at once', async () => {
    const organisation = await fixtures.organisation('water_board');
    const res = await provider(organisation.id, {
      issuer: 'http://login.example.nl/realm',
      scopes: ['email', 'profile'],
      allowedDomains: ['not a domain', 'vng.nl'],
      displayName: 'x'.repeat(201),
      clientId: 'c'.repeat(256),
      emailClaim: 'e mail',
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(invalidNames(res)).toEqual([
      'allowedDomains',
      'clientId',
      'displayName',
      'emailClaim',
      'issuer',
      'scopes',
    ]);
    const reasons = JSON.stringify(res.body.invalidParams);
    expect(reasons).toContain('https');
    expect(reasons).toContain('openid');

    const fragment = await provider(organisation.id, { issuer: 'https://login.example.nl/#x' });
    expect(invalidNames(fragment)).toEqual(['issuer']);
    const tooMany = await provider(organisation.id, {
      allowedDomains: Array.from({ length: 51 }, (_, i) => `d${i}.example.nl`),
    });
    expect(invalidNames(tooMany)).toEqual(['allowedDomains']);
    const unknown = await provider(organisation.id, { clientSecretEncrypted: 'x', version: 7 });
    expect(invalidNames(unknown)).toEqual(['clientSecretEncrypted', 'version']);
    const noOrganisation = await provider('00000000-0000-4000-8000-000000000000');
    expectProblem(noOrganisation, 400, 'VALIDATION_FAILED');
    expect(invalidNames(noOrganisation)).toEqual(['organisationId']);

    const id = (await provider(organisation.id)).body.id as string;
    const moved = await asAdmin('patch', `${PATH}/${id}`, {
      ifMatch: '"1"',
      body: { organisationId: organisation.id, scopes: ['profile'] },
    });
    expect(invalidNames(moved)).toEqual(['organisationId', 'scopes']);
    expect((await asAdmin('get', `${PATH}/${id}`)).body.version).toBe(1);
  });

  it('accepts http only for a development provider on localhost', async () => {
    const organisation = await fixtures.organisation('other');
    const res = await provider(organisation.id, { issuer: 'http://localhost:4000/oidc' });
    expect(res.status).toBe(201);
  });
});
