import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { afterCommit, APP_CONFIG, type AppConfig, RedisConnections } from '@app/core';
import type { Principal } from '../access/principal';
import { type ChangeListener, PrincipalChanges } from './principal-changes';

/**
 * How long a principal is trusted at most, whatever its epoch says: the bound for a change
 * no epoch announced (one made in SQL by hand, or whose announcement Redis lost).
 */
export const PRINCIPAL_MAX_AGE_MS = 15_000;
/** How many principals a process keeps (the oldest goes first). */
const MAX_ENTRIES = 10_000;
/**
 * A Redis slower than this counts as away: an epoch is read on every request, and a change's
 * announcement holds up its answer (at most three tries: about a second, not the connection's
 * command timeout of seconds).
 */
const TIMEOUT_MS = 300;
/** An announcement is tried this many times, waiting 50, 100 ms between. */
const ANNOUNCE_ATTEMPTS = 3;
/** Longer than any principal is kept: an epoch that expires cannot bring an old one back. */
const EPOCH_TTL_SECONDS = 24 * 60 * 60;

/**
 * What a kept principal is checked against: the epoch of a user's principal in Redis ('-':
 * none announced within EPOCH_TTL_SECONDS), or while this process hears every change
 * (PrincipalChanges) its subscription and the count of changes heard so far.
 */
export type Epoch = string | Heard;

interface Heard {
  subscription: number;
  /** Changes heard by this process when the epoch was taken. */
  heard: number;
}

/** Whether a principal kept under `kept` may serve a request that arrived under `now`. */
function current(kept: Epoch, now: Epoch): boolean {
  if (typeof kept === 'string' || typeof now === 'string') return kept === now;
  return kept.subscription === now.subscription;
}

interface Entry {
  principal: Principal;
  epoch: Epoch;
  /** Date.now() after which the entry is not used: its age limit, or its session's end. */
  until: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What Redis answers within TIMEOUT_MS; a rejection after that. */
async function answered<T>(command: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      command,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('redis did not answer')), TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The people's principals (user, organisation, administrator flag, memberships, session
 * open) this API process read, so that a request need not read them again: they change
 * rarely and every request needs them.
 *
 * Every change to what makes a principal — a session ended, a user changed or deactivated, a
 * membership added, changed or removed — is announced once it has committed and before its
 * request is answered (`changed`), two ways:
 * - through PrincipalChanges: every process that subscribed forgets the users, and the
 *   announcing process waits until they all confirmed. While this process's subscription
 *   stands, a kept principal is used without asking Redis anything.
 * - as a new epoch of each user in Redis: while the subscription does not stand (Redis away,
 *   reconnecting, this process stalled), a kept principal is used only while its user's epoch
 *   is still the one read before the principal was (`epoch`, asked when the request arrives).
 * So any request that arrives after the change's answer, at any replica, reads the principal
 * again. The order is what makes it exact: an epoch taken before the rows were read can only
 * be as old as they are or older, never newer.
 *
 * When Redis does not answer, nothing kept is used (each request reads its principal, as
 * before). A change that announced nothing (made in SQL by hand, or Redis lost it) takes
 * effect within PRINCIPAL_MAX_AGE_MS; the process that made a change forgets the user at once.
 */
@Injectable()
export class PrincipalCache implements OnApplicationBootstrap, ChangeListener {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly entries = new Map<string, Entry>();
  private redis?: IORedis;
  /** Changes this process heard of (announced here or by others): a read during one is not kept. */
  private changesHeard = 0;
  /** Whether this process keeps principals between requests (an API process): see `keep`. */
  private keeping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
    private readonly changes: PrincipalChanges,
  ) {}

  /**
   * Called by the API's access guard as it starts: this process authenticates requests, so it
   * hears every change. Other processes (the worker) only announce changes and hear their
   * confirmations: an announcement need not wait for a process that keeps nothing.
   */
  keep(): void {
    this.keeping = true;
  }

  onApplicationBootstrap(): void {
    this.changes.start(this.keeping ? this : undefined);
  }

  /**
   * The epoch to check a kept principal against, or undefined when Redis did not answer (then
   * nothing kept is trusted). Take it when the request arrives, before anything of the
   * principal is read. While the subscription stands it is known here, without Redis.
   */
  async epoch(userId: string): Promise<Epoch | undefined> {
    const subscription = this.changes.standing();
    if (subscription !== undefined) return { subscription, heard: this.changesHeard };
    try {
      return (await answered(this.connection().get(this.key(userId)))) ?? '-';
    } catch {
      return undefined;
    }
  }

  /** The principal kept for this session, if read under `epoch` and still within its limits. */
  get(userId: string, sessionId: string, epoch: Epoch | undefined): Principal | undefined {
    if (epoch === undefined) return undefined;
    const key = `${userId} ${sessionId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (current(entry.epoch, epoch) && Date.now() < entry.until) return entry.principal;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Whether this process keeps a principal of this session that is within its limits (its
   * epoch not yet asked): the session was open when last read here.
   */
  holds(userId: string, sessionId: string): boolean {
    const entry = this.entries.get(`${userId} ${sessionId}`);
    return entry !== undefined && Date.now() < entry.until;
  }

  /**
   * Keeps a principal read under `epoch` (asked before it was read), until its session ends
   * or PRINCIPAL_MAX_AGE_MS, whichever is sooner.
   */
  put(principal: Principal, epoch: Epoch | undefined, sessionEndsAt: Date): void {
    if (epoch === undefined || principal.sessionId === undefined) return;
    // A change heard while the rows were read may not be in them.
    if (typeof epoch !== 'string' && epoch.heard !== this.changesHeard) return;
    const key = `${principal.userId} ${principal.sessionId}`;
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    const until = Math.min(Date.now() + PRINCIPAL_MAX_AGE_MS, sessionEndsAt.getTime());
    this.entries.set(key, { principal, epoch, until });
  }

  /**
   * What makes these users' principals changes in the transaction of `manager`: once it has
   * committed, this process forgets them and every process is told (a new epoch).
   */
  changedAfterCommit(manager: EntityManager, userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    afterCommit(manager, () => this.changed(userIds));
  }

  /**
   * Forgets these users' principals here and announces the change to every process: new
   * epochs, then the announcement, whose confirmations it waits for.
   */
  async changed(userIds: readonly string[]): Promise<void> {
    const users = [...new Set(userIds)];
    this.heard(users);
    const epoch = randomUUID();
    for (let attempt = 1; ; attempt += 1) {
      let announced: ReturnType<PrincipalChanges['announce']> | undefined;
      try {
        const redis = this.connection();
        const epochs = users.map((userId) =>
          redis.set(this.key(userId), epoch, 'EX', EPOCH_TTL_SECONDS),
        );
        announced = this.changes.announce(redis, users);
        const [receivers] = await answered(Promise.all([announced.published, ...epochs]));
        if (!(await this.changes.confirmed(announced.id, receivers))) {
          this.logger.warn(
            { event: 'principal_change_unconfirmed', users: users.length, receivers },
            'not every process confirmed the change within a second: one that stalled may use these principals until it has heard it',
          );
        }
        return;
      } catch (error) {
        if (announced) this.changes.abandon(announced.id);
        if (attempt >= ANNOUNCE_ATTEMPTS) {
          this.logger.error(
            {
              event: 'principal_epoch_not_announced',
              users: users.length,
              error: (error as Error).message,
            },
            `other API processes may use these principals for up to ${PRINCIPAL_MAX_AGE_MS / 1000} s`,
          );
          return;
        }
        await sleep(50 * attempt);
      }
    }
  }

  /** ChangeListener: nothing kept can be trusted (the subscription started or was lost). */
  reset(): void {
    this.changesHeard += 1;
    this.entries.clear();
  }

  /** ChangeListener: these users' principals changed (announced here or by another process). */
  heard(userIds: readonly string[]): void {
    this.changesHeard += 1;
    const users = new Set(userIds);
    for (const [key, entry] of this.entries) {
      if (users.has(entry.principal.userId)) this.entries.delete(key);
    }
  }

  private key(userId: string): string {
    return `${this.config.redis.prefix}:principal-epoch:${userId}`;
  }

  private connection(): IORedis {
    return (this.redis ??= this.connections.shared());
  }
}
