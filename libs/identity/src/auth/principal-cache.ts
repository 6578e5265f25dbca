import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { afterCommit, APP_CONFIG, type AppConfig, RedisConnections } from '@app/core';
import type { Principal } from '../access/principal';

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

/** The epoch of a user's principal ('-': none announced within EPOCH_TTL_SECONDS). */
export type Epoch = string;

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
 * A kept principal is used only while its user's epoch in Redis is still the one read
 * before the principal was (`epoch`, asked when the request arrives, in the same round trip
 * as its rate-limit counts). Every change to what makes a principal — a session ended, a
 * user changed or deactivated, a membership added, changed or removed — announces a new
 * epoch once it has committed and before its request is answered (`changed`): so any request
 * that arrives after that answer, at any replica, reads the new epoch and the principal
 * again. The order is what makes it exact: an epoch read before the rows were read can only
 * be as old as they are or older, never newer.
 *
 * When Redis does not answer, nothing kept is used (each request reads its principal, as
 * before). A change that announced nothing (made in SQL by hand, or Redis lost it) takes
 * effect within PRINCIPAL_MAX_AGE_MS; the process that made a change forgets the user at once.
 */
@Injectable()
export class PrincipalCache {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly entries = new Map<string, Entry>();
  private redis?: IORedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  /**
   * The user's epoch now, or undefined when Redis did not answer (then nothing kept is
   * trusted). Ask it when the request arrives, before anything of the principal is read.
   */
  async epoch(userId: string): Promise<Epoch | undefined> {
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
    if (entry.epoch === epoch && Date.now() < entry.until) return entry.principal;
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

  /** Forgets these users' principals here and announces a new epoch of each to every process. */
  async changed(userIds: readonly string[]): Promise<void> {
    const users = new Set(userIds);
    for (const [key, entry] of this.entries) {
      if (users.has(entry.principal.userId)) this.entries.delete(key);
    }
    const epoch = randomUUID();
    for (let attempt = 1; ; attempt += 1) {
      try {
        const redis = this.connection();
        await answered(
          Promise.all(
            [...users].map((userId) => redis.set(this.key(userId), epoch, 'EX', EPOCH_TTL_SECONDS)),
          ),
        );
        return;
      } catch (error) {
        if (attempt >= ANNOUNCE_ATTEMPTS) {
          this.logger.error(
            {
              event: 'principal_epoch_not_announced',
              users: users.size,
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

  private key(userId: string): string {
    return `${this.config.redis.prefix}:principal-epoch:${userId}`;
  }

  private connection(): IORedis {
    return (this.redis ??= this.connections.shared());
  }
}
