import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, loadConfig, type RedisConnections } from '@app/core';
import { RateLimits } from './rate-limits.service';

/** Stands in for ioredis as the quota leases use it: their taking script, by key. */
class FakeRedis {
  status = 'ready';
  mode: 'up' | 'down' | 'hanging' = 'up';
  readonly counts = new Map<string, number>();

  defineCommand(): void {}

  sbtTakeQuota(key: string, points: number): Promise<[number, number]> {
    if (this.mode === 'down') return Promise.reject(new Error('Connection is closed.'));
    if (this.mode === 'hanging') return new Promise(() => undefined);
    const count = (this.counts.get(key) ?? 0) + points;
    this.counts.set(key, count);
    return Promise.resolve([count, 60_000]);
  }
}

const config = loadConfig({
  DATABASE_URL: 'postgres://app@db:5432/tracker',
  REDIS_URL: 'redis://cache:6379',
  REDIS_PREFIX: 'unit',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  AUDIT_CHECKPOINT_KEY: 'k'.repeat(32),
  IDENTITY_PROVIDER_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
  RATE_LIMIT_PRINCIPAL_READS: '2',
  RATE_LIMIT_ADDRESS_READS: '5',
});

function response() {
  const headers = new Map<string, string>();
  const res = {
    locals: {},
    setHeader: (name: string, value: string) => headers.set(name, value),
  } as unknown as Response;
  return { res, headers };
}

describe('RateLimits', () => {
  let redis: FakeRedis;
  let limits: RateLimits;
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  let now: number;

  beforeEach(async () => {
    redis = new FakeRedis();
    limits = new RateLimits(config, {
      shared: () => redis,
    } as unknown as RedisConnections);
    await limits.onModuleInit();
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    now = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });

  afterEach(() => {
    limits.onModuleDestroy();
    jest.restoreAllMocks();
  });

  const admit = (res: Response, key = 'user:u1') => limits.admit(res, 'principal', 'read', key);
  const events = (spy: jest.SpyInstance) =>
    spy.mock.calls.map(([fields]) => (fields as { event?: string }).event);

  it('counts in Redis, under the run’s prefix, and writes both policies into the fields', async () => {
    const { res, headers } = response();
    await limits.admit(res, 'address', 'read', '203.0.113.7');
    await admit(res);
    expect([...redis.counts]).toEqual([
      ['unit:ratelimit:address-read:203.0.113.7', 1],
      ['unit:ratelimit:principal-read:user:u1', 1],
    ]);
    expect(headers.get('RateLimit-Policy')).toBe(
      '"address-read";q=5;w=60, "principal-read";q=2;w=60',
    );
    expect(headers.get('RateLimit')).toBe('"address-read";r=4;t=60, "principal-read";r=1;t=60');
  });

  it('refuses past the quota with a 429 that says when to come back, and logs the first refusal', async () => {
    await admit(response().res);
    await admit(response().res);
    const { res, headers } = response();
    const refused = await admit(res).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'rate_limited', code: 'RATE_LIMITED' });
    expect((refused as DomainError).retryAfterSeconds).toBe(60);
    expect(headers.get('RateLimit')).toBe('"principal-read";r=0;t=60');
    await admit(response().res).catch(() => undefined);
    expect(events(warn)).toEqual(['rate_limited']);
  });

  it('keeps one budget per key', async () => {
    await admit(response().res);
    await admit(response().res);
    await expect(admit(response().res, 'user:u2')).resolves.toBeUndefined();
  });

  it('counts in memory when Redis fails, still refusing past the quota, and warns once', async () => {
    redis.mode = 'down';
    const { res, headers } = response();
    await admit(res);
    expect(headers.get('RateLimit')).toBe('"principal-read";r=1;t=60');
    await admit(response().res);
    await expect(admit(response().res)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(events(warn)).toEqual(['rate_limit_store_unavailable', 'rate_limited']);
  });

  it('leaves Redis alone for a moment after a failure, then counts there again', async () => {
    redis.mode = 'down';
    await admit(response().res);
    redis.mode = 'up';
    await admit(response().res, 'user:u2');
    expect(redis.counts.size).toBe(0);
    now += 2000;
    await admit(response().res, 'user:u2');
    expect([...redis.counts]).toEqual([['unit:ratelimit:principal-read:user:u2', 1]]);
    expect(events(log)).toEqual(['rate_limit_store_recovered']);
  });

  it('waits for a hanging Redis no longer than a moment', async () => {
    redis.mode = 'hanging';
    const started = performance.now();
    await admit(response().res);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(events(warn)).toEqual(['rate_limit_store_unavailable']);
  });
});
