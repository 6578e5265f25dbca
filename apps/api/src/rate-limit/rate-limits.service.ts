import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig, RedisConnections, whenReady } from '@app/core';
import {
  type Allowance,
  policyName,
  quotaOf,
  RATE_CLASSES,
  RATE_PARTITIONS,
  type RateClass,
  type RatePartition,
  rateLimitField,
  rateLimitPolicyField,
  secondsFrom,
} from './rate-limit-policy';
import { QuotaLeases, type Taken } from './quota-leases';
import { RateLimitErrors } from './rate-limit.errors';

/**
 * A healthy Redis answers in a millisecond or two; one that takes longer than this is treated
 * as away, so that a hanging Redis adds at most this much to a request, not the command timeout.
 */
const STORE_TIMEOUT_MS = 300;
/** After a failure, count in memory for this long before asking Redis again. */
const STORE_RETRY_MS = 2000;

interface Policy {
  name: string;
  quota: number;
  /** The prefix of its keys in Redis. */
  keyPrefix: string;
  memory: RateLimiterMemory;
}

/** A request counted against a policy, to enforce (headers, 429) in the request's order. */
export interface Counted {
  policy: Policy;
  partition: RatePartition;
  rateClass: RateClass;
  key: string;
  taken: Taken;
}

/** Where the allowances of this request are kept, to write the RateLimit fields whole. */
const ALLOWANCES = 'rateLimitAllowances';

/**
 * The API-wide rate limits: a fixed window per policy (partition × class) and key, counted
 * atomically in Redis, so every API replica shares one count. A process takes a lease of a
 * key's quota at a time (QuotaLeases) and admits from memory until it is used: most requests
 * do not wait for Redis at all.
 *
 * When Redis does not answer, each process counts in memory instead (fail open, but not
 * unlimited): a Redis blip must not take the whole API down, and a runaway script still meets
 * a limit, per replica. The log-in throttle, by contrast, fails closed (it guards passwords).
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly policies = new Map<string, Policy>();
  private leases!: QuotaLeases;
  /** While set and in the future, Redis is left alone (it failed a moment ago). */
  private storeAwayUntil = 0;
  private storeAway = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  async onModuleInit(): Promise<void> {
    const redis = this.connections.shared();
    const { windowSeconds } = this.config.rateLimits;
    this.leases = new QuotaLeases(redis, windowSeconds * 1000);
    for (const partition of RATE_PARTITIONS) {
      for (const rateClass of RATE_CLASSES) {
        const name = policyName(partition, rateClass);
        const quota = quotaOf(this.config.rateLimits, partition, rateClass);
        const keyPrefix = `${this.config.redis.prefix}:ratelimit:${name}`;
        this.policies.set(name, {
          name,
          quota,
          keyPrefix,
          memory: new RateLimiterMemory({ keyPrefix, points: quota, duration: windowSeconds }),
        });
      }
    }
    // A fresh fail-fast connection refuses commands until it is ready; give it its chance,
    // but never hold the start up for Redis (the limits count in memory meanwhile).
    await whenReady(redis, 2000).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.leases.close();
  }

  /**
   * Counts the request against the policy of this partition and class, writes the RateLimit
   * fields, and refuses with a 429 RATE_LIMITED (Retry-After) past the quota.
   */
  async admit(
    res: Response,
    partition: RatePartition,
    rateClass: RateClass,
    key: string,
  ): Promise<void> {
    this.enforce(res, await this.count(partition, rateClass, key));
  }

  /**
   * Counts the request (from this process's lease of the quota, or when it is used up with
   * one round trip to Redis, which counts issued in the same tick share); the answer is for
   * `enforce`, which writes the fields and refuses past the quota.
   */
  async count(partition: RatePartition, rateClass: RateClass, key: string): Promise<Counted> {
    const policy = this.policies.get(policyName(partition, rateClass));
    if (!policy) throw new Error(`no rate-limit policy ${policyName(partition, rateClass)}`);
    return { policy, partition, rateClass, key, taken: await this.consume(policy, key) };
  }

  /** Writes the RateLimit fields of a count, and refuses with a 429 past its quota. */
  enforce(res: Response, counted: Counted): void {
    const { policy, partition, rateClass, key, taken } = counted;
    const allowance: Allowance = {
      policy: policy.name,
      quota: policy.quota,
      windowSeconds: this.config.rateLimits.windowSeconds,
      remaining: taken.remaining,
      resetSeconds: secondsFrom(taken.msBeforeNext),
    };
    const locals = res.locals as { [ALLOWANCES]?: Allowance[] };
    const allowances = (locals[ALLOWANCES] ??= []);
    allowances.push(allowance);
    res.setHeader('RateLimit-Policy', rateLimitPolicyField(allowances));
    res.setHeader('RateLimit', rateLimitField(allowances));
    if (!taken.exceeded) return;
    // The first refusal of a window (in this process) is logged; the rest of a flood is not.
    if (taken.firstRefusal) {
      this.logger.warn(
        {
          event: 'rate_limited',
          policy: policy.name,
          key,
          quota: policy.quota,
          retryAfterSeconds: allowance.resetSeconds,
        },
        'requests refused: rate limit reached',
      );
    }
    throw RateLimitErrors.exceeded(partition, rateClass, Math.max(1, allowance.resetSeconds));
  }

  private async consume(policy: Policy, key: string): Promise<Taken> {
    if (Date.now() >= this.storeAwayUntil) {
      try {
        const taken = await this.leases.take(`${policy.keyPrefix}:${key}`, policy.quota, (work) =>
          withTimeout(work, STORE_TIMEOUT_MS),
        );
        this.storeAnswered();
        return taken;
      } catch (error) {
        this.storeFailed(error);
      }
    }
    return fromMemory(policy, key);
  }

  private storeAnswered(): void {
    if (!this.storeAway) return;
    this.storeAway = false;
    this.logger.log(
      { event: 'rate_limit_store_recovered' },
      'rate limits are counted in Redis again',
    );
  }

  private storeFailed(error: unknown): void {
    this.storeAwayUntil = Date.now() + STORE_RETRY_MS;
    if (this.storeAway) return;
    this.storeAway = true;
    this.logger.warn(
      { event: 'rate_limit_store_unavailable', error: (error as Error).message },
      'rate limits are counted in memory, per process: Redis does not answer',
    );
  }
}

/** Counts in this process only (Redis away); a refusal is an answer, not a failure. */
async function fromMemory(policy: Policy, key: string): Promise<Taken> {
  try {
    const result = await policy.memory.consume(key);
    return {
      remaining: result.remainingPoints,
      msBeforeNext: result.msBeforeNext,
      exceeded: false,
      firstRefusal: false,
    };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return {
      remaining: 0,
      msBeforeNext: error.msBeforeNext,
      exceeded: true,
      firstRefusal: error.consumedPoints === policy.quota + 1,
    };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
