import { Logger } from '@nestjs/common';
import type { AppConfig, RedisConnections } from '@app/core';
import type { Principal } from '../access/principal';
import { PRINCIPAL_MAX_AGE_MS, PrincipalCache } from './principal-cache';
import { PrincipalChanges } from './principal-changes';

const config = { redis: { prefix: 'sbt-test' } } as AppConfig;
const USER = '0d4f0a52-8c8e-4f7a-9d55-3d1f3a6c2b11';
const OTHER = '7a1c9e0b-2f4d-4c6e-8a9b-1c2d3e4f5a6b';

/** A Redis of GET and SET that two caches (two API processes) can share; it can fail or hang. */
class FakeRedis {
  readonly values = new Map<string, string>();
  mode: 'up' | 'down' | 'hanging' = 'up';

  get(key: string): Promise<string | null> {
    if (this.mode === 'down') return Promise.reject(new Error('connection refused'));
    if (this.mode === 'hanging') return new Promise(() => undefined);
    return Promise.resolve(this.values.get(key) ?? null);
  }

  publish(): Promise<number> {
    if (this.mode === 'hanging') return new Promise(() => undefined);
    if (this.mode !== 'up') return Promise.reject(new Error('connection refused'));
    return Promise.resolve(0);
  }

  set(key: string, value: string): Promise<'OK'> {
    if (this.mode === 'hanging') return new Promise(() => undefined);
    if (this.mode !== 'up') return Promise.reject(new Error('connection refused'));
    this.values.set(key, value);
    return Promise.resolve('OK');
  }
}

const principal = (userId: string, sessionId: string): Principal => ({
  kind: 'user',
  userId,
  organisationId: 'b3e1f6a0-1111-4222-8333-944455556666',
  isPlatformAdmin: false,
  memberships: new Map([['a1b2c3d4-0000-4000-8000-000000000001', 'editor']]),
  sessionId,
});

const inADay = () => new Date(Date.now() + 86_400_000);

describe('PrincipalCache', () => {
  let redis: FakeRedis;
  /** A process whose subscription to changes never stands: only epochs tell it of changes. */
  const cache = () => {
    const connections = { shared: () => redis } as unknown as RedisConnections;
    return new PrincipalCache(config, connections, new PrincipalChanges(config, connections));
  };

  beforeEach(() => {
    redis = new FakeRedis();
  });
  afterEach(() => jest.useRealTimers());

  it('answers a kept principal while its epoch stays, and not once another process moved it', async () => {
    const here = cache();
    const there = cache();
    const kept = principal(USER, 's1');
    const epoch = await here.epoch(USER);
    here.put(kept, epoch, inADay());
    expect(here.get(USER, 's1', await here.epoch(USER))).toBe(kept);
    // Another session of the same user, and another user, are not this one.
    expect(here.get(USER, 's2', await here.epoch(USER))).toBeUndefined();
    expect(here.get(OTHER, 's1', await here.epoch(OTHER))).toBeUndefined();

    await there.changed([USER]);
    expect(redis.values.get(`sbt-test:principal-epoch:${USER}`)).toMatch(/^[0-9a-f-]{36}$/);
    expect(here.get(USER, 's1', await here.epoch(USER))).toBeUndefined();
  });

  it('does not keep a principal read under an epoch older than the last change', async () => {
    const here = cache();
    const before = await here.epoch(USER);
    // The change commits and is announced after the epoch was read, before the rows were.
    await cache().changed([USER]);
    here.put(principal(USER, 's1'), before, inADay());
    expect(here.get(USER, 's1', await here.epoch(USER))).toBeUndefined();
  });

  it('forgets a changed user at once in its own process, Redis or not', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const here = cache();
      const epoch = await here.epoch(USER);
      here.put(principal(USER, 's1'), epoch, inADay());
      here.put(principal(OTHER, 's9'), epoch, inADay());
      redis.mode = 'down';
      await here.changed([USER]);
      redis.mode = 'up';
      expect(here.get(USER, 's1', epoch)).toBeUndefined();
      expect(here.get(OTHER, 's9', epoch)).toBeDefined();
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ event: 'principal_epoch_not_announced', users: 1 }),
        expect.stringContaining('15 s'),
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('gives up announcing to a hanging Redis after three short tries, not its command timeout', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.useFakeTimers();
    try {
      redis.mode = 'hanging';
      let done = false;
      const announcing = cache()
        .changed([USER])
        .then(() => {
          done = true;
        });
      // Three tries of 300 ms, 50 and 100 ms between them.
      await jest.advanceTimersByTimeAsync(1_000);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(50);
      await announcing;
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  it('trusts nothing kept while Redis fails or hangs (each request reads its principal)', async () => {
    const here = cache();
    here.put(principal(USER, 's1'), await here.epoch(USER), inADay());
    redis.mode = 'down';
    const away = await here.epoch(USER);
    expect(away).toBeUndefined();
    expect(here.get(USER, 's1', away)).toBeUndefined();
    here.put(principal(USER, 's1'), away, inADay());

    jest.useFakeTimers();
    redis.mode = 'hanging';
    const hanging = here.epoch(USER);
    jest.advanceTimersByTime(300);
    await expect(hanging).resolves.toBeUndefined();
  });

  it('keeps a principal no longer than its age limit or its session, whichever ends first', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z') });
    const here = cache();
    const epoch = await here.epoch(USER);
    here.put(principal(USER, 'long'), epoch, inADay());
    here.put(principal(USER, 'ending'), epoch, new Date(Date.now() + 5_000));
    jest.setSystemTime(Date.now() + 5_000);
    expect(here.get(USER, 'long', epoch)).toBeDefined();
    expect(here.get(USER, 'ending', epoch)).toBeUndefined();
    jest.setSystemTime(Date.now() + PRINCIPAL_MAX_AGE_MS - 5_000);
    expect(here.get(USER, 'long', epoch)).toBeUndefined();
  });
});
