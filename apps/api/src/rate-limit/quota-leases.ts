import type IORedis from 'ioredis';

/**
 * Takes up to ARGV[1] points of a key's fixed window at once: the window (ARGV[2] ms) starts
 * with its key's first points, as rate-limiter-flexible's counter did (same key, same value).
 * Answers the count after the take and the milliseconds left of the window.
 */
const TAKE_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}`;

const TAKE_COMMAND = 'sbtTakeQuota';

/** The largest lease: at most this many requests of one key are admitted per round trip. */
const MAX_LEASE = 1000;
/** A lease is this part of its quota (at least one point). */
const LEASE_PART = 50;

/** How many points a process takes at once of a quota. */
export function leaseSize(quota: number): number {
  return Math.max(1, Math.min(MAX_LEASE, Math.floor(quota / LEASE_PART)));
}

/** What counting one request against a key's quota answered. */
export interface Taken {
  /** Points left of the window as this process sees them (0 when refused). */
  remaining: number;
  msBeforeNext: number;
  exceeded: boolean;
  /** The first refusal of this key's window in this process (to log once). */
  firstRefusal: boolean;
}

interface Lease {
  /** Points taken and not yet used by this process. */
  left: number;
  /** The window's count in Redis after this process's last take. */
  counted: number;
  /** Date.now() at which the window ends. */
  endsAt: number;
  refusals: number;
  /** A take under way: others of the same key wait for it rather than take too. */
  taking?: Promise<void>;
}

type TakingRedis = IORedis & {
  [TAKE_COMMAND](key: string, points: number, windowMs: number): Promise<[number, number]>;
};

/**
 * Counts requests against fixed-window quotas shared by every API process through Redis,
 * without a round trip for each: a process takes a lease of a key's quota (`leaseSize`
 * points) with one atomic INCRBY and admits that many requests from memory.
 *
 * The quota stays a hard ceiling across processes (nothing is admitted that Redis did not
 * count), and one process counts exactly (a lease of a small quota is one point). With several
 * processes a client may be refused a little early: other processes may hold points of its
 * window that they have not used, at most one lease each.
 */
export class QuotaLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly redis: TakingRedis;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    redis: IORedis,
    private readonly windowMs: number,
  ) {
    redis.defineCommand(TAKE_COMMAND, { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis = redis as TakingRedis;
    // Leases of ended windows are forgotten once a window (a flood of addresses is bounded).
    this.sweeper = setInterval(() => this.sweep(), windowMs);
    this.sweeper.unref();
  }

  /**
   * Counts one request against `key` (the Redis key of its budget) with this quota. Rejects
   * only when Redis fails while a lease is taken; a refusal is an answer (`exceeded`).
   * `timeout` bounds each round trip.
   */
  async take(
    key: string,
    quota: number,
    timeout: <T>(work: Promise<T>) => Promise<T>,
  ): Promise<Taken> {
    for (;;) {
      const now = Date.now();
      let lease = this.leases.get(key);
      if (lease && now >= lease.endsAt && !lease.taking) {
        this.leases.delete(key);
        lease = undefined;
      }
      if (lease && lease.left > 0) {
        lease.left -= 1;
        return {
          remaining: quota - Math.min(lease.counted, quota) + lease.left,
          msBeforeNext: lease.endsAt - now,
          exceeded: false,
          firstRefusal: false,
        };
      }
      if (lease && !lease.taking && lease.counted >= quota) {
        // The window's quota is all taken: refused from memory until it ends.
        lease.refusals += 1;
        return {
          remaining: 0,
          msBeforeNext: lease.endsAt - now,
          exceeded: true,
          firstRefusal: lease.refusals === 1,
        };
      }
      if (!lease) {
        lease = { left: 0, counted: 0, endsAt: 0, refusals: 0 };
        this.leases.set(key, lease);
      }
      lease.taking ??= this.takeLease(key, lease, quota, timeout);
      await lease.taking;
    }
  }

  private async takeLease(
    key: string,
    lease: Lease,
    quota: number,
    timeout: <T>(work: Promise<T>) => Promise<T>,
  ): Promise<void> {
    const size = leaseSize(quota);
    // The window's end as Redis counts it, from before the question: never later than there.
    const asked = Date.now();
    try {
      const [count, ttl] = await timeout(this.redis[TAKE_COMMAND](key, size, this.windowMs));
      lease.left += Math.max(0, Math.min(size, quota - (count - size)));
      lease.counted = count;
      lease.endsAt = asked + Number(ttl);
    } catch (error) {
      // Nothing taken: the next request of this key asks again (or counts in memory).
      if (this.leases.get(key) === lease && lease.left === 0) this.leases.delete(key);
      throw error;
    } finally {
      lease.taking = undefined;
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, lease] of this.leases) {
      if (now >= lease.endsAt && !lease.taking) this.leases.delete(key);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
