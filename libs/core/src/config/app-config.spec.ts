import { resolve } from 'node:path';
import { ConfigValidationError } from './config-validation';
import { loadDatabaseConfig } from './database-config';
import { loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://app@db:5432/tracker',
  REDIS_URL: 'redis://cache:6379',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
  IDENTITY_PROVIDER_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('builds a typed config with defaults from a minimal environment', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.http.publicUrl).toBe('http://localhost:3000');
    expect(config.redis.prefix).toBe('sbt');
    expect(config.database.migrationsRun).toBe(true);
    expect(config.auth.accessTtlSeconds).toBe(900);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('runs no metrics server unless METRICS_PORT is set, and listens on loopback by default', () => {
    expect(loadConfig(valid).metrics).toEqual({ port: undefined, host: '127.0.0.1' });
    expect(loadConfig({ ...valid, METRICS_PORT: '' }).metrics.port).toBeUndefined();
    expect(loadConfig({ ...valid, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual(
      { port: 9464, host: '0.0.0.0' },
    );
  });

  it('rejects a metrics port that is no port, or the API port itself', () => {
    expect(problemsOf({ ...valid, METRICS_PORT: '70000' })).toEqual([
      expect.stringMatching(/^METRICS_PORT /),
    ]);
    expect(problemsOf({ ...valid, PORT: '3000', METRICS_PORT: '3000' })).toEqual([
      'METRICS_PORT must differ from PORT: metrics have a server of their own, apart from the API',
    ]);
    expect(problemsOf({ ...valid, METRICS_HOST: 'not a host' })).toEqual([
      expect.stringMatching(/^METRICS_HOST /),
    ]);
  });

  it('lists every missing variable at once', () => {
    expect(problemsOf({})).toEqual([
      'DATABASE_URL is required',
      'REDIS_URL is required',
      'JWT_ACCESS_SECRET is required',
      'JWT_REFRESH_SECRET is required',
      'AUDIT_CHECKPOINT_KEY is required',
      'IDENTITY_PROVIDER_SECRET_KEY is required',
    ]);
  });

  it('treats an empty variable as missing', () => {
    expect(problemsOf({ ...valid, REDIS_URL: '' })).toEqual(['REDIS_URL is required']);
  });

  it('rejects malformed values with a reason, and never echoes a secret', () => {
    const problems = problemsOf({
      ...valid,
      DATABASE_URL: 'mysql://x',
      PORT: 'eighty',
      JWT_ACCESS_SECRET: 'short-secret-value',
      LOG_LEVEL: 'loud',
      CORS_ORIGINS: 'https://ok.example.nl, not an origin',
      JWT_ACCESS_TTL_SECONDS: '3600',
    });
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(
      /DATABASE_URL must be a URL with scheme postgres: or postgresql:/,
    );
    expect(problems.join('\n')).toMatch(/^PORT /m);
    expect(problems.join('\n')).toMatch(/JWT_ACCESS_SECRET must be at least 32 characters/);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL /m);
    expect(problems.join('\n')).toMatch(/^CORS_ORIGINS /m);
    expect(problems.join('\n')).toMatch(/^JWT_ACCESS_TTL_SECONDS /m);
    expect(problems.join('\n')).not.toContain('short-secret-value');
  });

  it("reads the identity providers' key as 32 bytes of base64, and nothing else", () => {
    expect(loadConfig(valid).identityProviders.secretKey).toEqual(Buffer.alloc(32, 7));
    const short = Buffer.alloc(16, 7).toString('base64');
    const notBase64 = 'x'.repeat(43) + '!';
    for (const key of [short, notBase64, 'q'.repeat(32)]) {
      const problems = problemsOf({ ...valid, IDENTITY_PROVIDER_SECRET_KEY: key });
      expect(problems).toEqual([
        'IDENTITY_PROVIDER_SECRET_KEY must be 32 bytes in base64 (44 characters), e.g. from openssl rand -base64 32',
      ]);
      expect(problems.join('\n')).not.toContain(key);
    }
  });

  it("wants the identity providers' key to differ from the other secrets", () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    expect(
      problemsOf({ ...valid, JWT_ACCESS_SECRET: key, IDENTITY_PROVIDER_SECRET_KEY: key }),
    ).toEqual([
      'IDENTITY_PROVIDER_SECRET_KEY must differ from the JWT secrets and the audit checkpoint key',
    ]);
  });

  it('parses lists, booleans and numbers', () => {
    const config = loadConfig({
      ...valid,
      PORT: '8080',
      PUBLIC_URL: 'https://tracker.example.nl/',
      CORS_ORIGINS: 'https://a.example.nl, https://b.example.nl',
      MIGRATIONS_RUN: 'false',
      TRUST_PROXY: '1',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.publicUrl).toBe('https://tracker.example.nl');
    expect(config.http.corsOrigins).toEqual(['https://a.example.nl', 'https://b.example.nl']);
    expect(config.database.migrationsRun).toBe(false);
    expect(config.http.trustProxy).toBe(1);
  });

  it("serves the web app from the repository's dist/web, wherever the process started", () => {
    const root = resolve(__dirname, '../../../..');
    expect(loadConfig(valid).http.webAppDir).toBe(resolve(root, 'dist/web'));
    expect(loadConfig({ ...valid, WEB_APP_DIR: 'build/web' }).http.webAppDir).toBe(
      resolve(root, 'build/web'),
    );
    expect(loadConfig({ ...valid, WEB_APP_DIR: '/srv/web' }).http.webAppDir).toBe('/srv/web');
  });

  it('trusts a number of proxies or their addresses, never every hop', () => {
    const trust = (value: string) => loadConfig({ ...valid, TRUST_PROXY: value }).http.trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8, fd00::/8, 192.0.2.10')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.10',
    ]);
    expect(loadConfig(valid).http.trustProxy).toBe(false);
    for (const wrong of ['yes', '11', '10.0.0.0/33', 'proxy.example.nl', '*']) {
      expect(() => loadConfig({ ...valid, TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY must be/);
    }
  });

  it('migrates over DATABASE_URL with one role, and grants no runtime role', () => {
    const config = loadConfig(valid);
    expect(config.database.migrationUrl).toBe(valid.DATABASE_URL);
    expect(config.database.runtimeRole).toBeUndefined();
    const same = loadConfig({
      ...valid,
      MIGRATION_DATABASE_URL: 'postgres://app@direct:5432/tracker',
    });
    expect(same.database.runtimeRole).toBeUndefined();
  });

  it("takes the runtime role from DATABASE_URL's user when the migrations run as another", () => {
    const config = loadConfig({
      ...valid,
      DATABASE_URL: 'postgres://sbt%5Fapp:pw@pgbouncer:6432/tracker',
      MIGRATION_DATABASE_URL: 'postgres://sbt_owner:pw@db:5432/tracker',
    });
    expect(config.database).toMatchObject({
      url: 'postgres://sbt%5Fapp:pw@pgbouncer:6432/tracker',
      migrationUrl: 'postgres://sbt_owner:pw@db:5432/tracker',
      runtimeRole: 'sbt_app',
    });
    expect(
      loadDatabaseConfig({
        DATABASE_URL: 'postgres://sbt_app@db/tracker',
        MIGRATION_DATABASE_URL: 'postgres://sbt_owner@db/tracker',
      }).runtimeRole,
    ).toBe('sbt_app');
  });

  it('wants the runtime role named in DATABASE_URL when MIGRATION_DATABASE_URL is set', () => {
    const env = {
      ...valid,
      DATABASE_URL: 'postgres://db:5432/tracker',
      MIGRATION_DATABASE_URL: 'postgres://sbt_owner@db:5432/tracker',
    };
    expect(problemsOf(env)).toEqual([
      'DATABASE_URL must name its user (the runtime role) when MIGRATION_DATABASE_URL is set',
    ]);
    expect(() => loadDatabaseConfig(env)).toThrow(/DATABASE_URL must name its user/);
  });

  it('reads only the database variables for the migration CLI', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: valid.DATABASE_URL }).url).toBe(valid.DATABASE_URL);
    expect(() => loadDatabaseConfig({})).toThrow(/DATABASE_URL is required/);
  });
});
