import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type IORedis from 'ioredis';
import { APP_CONFIG, RedisConnections, whenReady } from '@app/core';
import type { AppConfig } from '@app/core';
import { AuthErrors } from './auth.errors';

/**
 * Where a password is checked: signing in, or changing it (the current password). Both count
 * on the same counters, so an account has one budget of guesses, whichever route guesses.
 */
export type PasswordCheck = 'login' | 'password_change';

/** One log-in attempt (or other password check) as the throttle sees it. */
export interface LoginAttempt {
  /** As typed; keyed lower-cased and hashed, whether or not an account has it. */
  email: string;
  /** The client address (req.ip, which honours TRUST_PROXY). */
  address: string | undefined;
  /** Default `login`. */
  check?: PasswordCheck;
}

/** What a lockout holds back: log-ins to one account, or from one client address. */
export type LockoutScope = 'account' | 'address';

/** A reserved attempt: what `failed` and `succeeded` need to settle it. */
export interface ReservedAttempt {
  accountKey: string;
  addressKey: string;
  /** Failures (this attempt included) counted in the window per account and per address. */
  accountCount: number;
  addressCount: number;
  /** For logs: a hash of the e-mail, never the e-mail itself (it may be a mistyped password). */
  account: string;
  address: string;
  check: PasswordCheck;
}

/**
 * Checks both counters and, unless one is at its limit, counts this attempt as a failure
 * up front, in one step. Counting before the password is verified means a burst of parallel
 * guesses cannot all pass the check before the first failure is recorded; a success then
 * clears the account counter and refunds the address counter. A counter's window starts
 * with its first failure; reaching the limit restarts it, so a lockout lasts the full time.
 * Returns {1, accountCount, addressCount} or {0, retryAfterMs}.
 */
const RESERVE_SCRIPT = `
local limits = { tonumber(ARGV[1]), tonumber(ARGV[2]) }
local window = tonumber(ARGV[3])
local retry = -1
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= limits[i] then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('EXPIRE', key, window)
      ttl = window * 1000
    end
    if ttl > retry then retry = ttl end
  end
end
if retry >= 0 then return { 0, retry } end
local counts = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 or count >= limits[i] then redis.call('EXPIRE', key, window) end
  counts[i] = count
end
return { 1, counts[1], counts[2] }
`;

/** Gives back a reserved attempt on a counter that still exists (never creates one without a TTL). */
const REFUND_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0
`;

const READY_TIMEOUT_MS = 2000;

/**
 * Throttles failed log-ins per account and per client address in Redis, with a temporary
 * lockout (LOGIN_MAX_FAILURES_PER_ACCOUNT / _PER_ADDRESS within LOGIN_LOCKOUT_SECONDS).
 * Unknown e-mails are counted exactly like real ones, so the throttle reveals nothing.
 * A wrong current password in a password change counts as a failed log-in: a stolen session
 * must not become a way to guess the password at full speed.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit {
  private readonly logger = new Logger(LoginThrottle.name);
  private redis!: IORedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  onModuleInit(): void {
    this.redis = this.connections.create('command');
  }

  /**
   * Refuses with LOGIN_LOCKED (PASSWORD_CHANGE_LOCKED) while the account or the address is
   * locked out, else counts the attempt as a failure until `succeeded` says otherwise. Fails
   * closed (503) when Redis cannot be asked: without the throttle, passwords could be guessed
   * at full speed.
   */
  async reserve(attempt: LoginAttempt): Promise<ReservedAttempt> {
    const check = attempt.check ?? 'login';
    const { maxFailuresPerAccount, maxFailuresPerAddress, lockoutSeconds } = this.config.auth.login;
    const account = createHash('sha256')
      .update(attempt.email.trim().toLowerCase(), 'utf8')
      .digest('hex');
    const address = clientKey(attempt.address);
    const accountKey = `${this.config.redis.prefix}:login:account:${account}`;
    const addressKey = `${this.config.redis.prefix}:login:address:${address}`;
    let result: number[];
    try {
      await this.ready();
      result = (await this.redis.eval(
        RESERVE_SCRIPT,
        2,
        accountKey,
        addressKey,
        maxFailuresPerAccount,
        maxFailuresPerAddress,
        lockoutSeconds,
      )) as number[];
    } catch (error) {
      this.logger.error(
        { event: 'login_throttle_unavailable', check, error: (error as Error).message },
        'password check refused: the log-in throttle cannot reach Redis',
      );
      throw check === 'login'
        ? AuthErrors.loginUnavailable()
        : AuthErrors.passwordChangeUnavailable();
    }
    const shortAccount = account.slice(0, 16);
    if (result[0] === 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(result[1] / 1000));
      this.logger.warn(
        { event: 'login_locked_out', check, account: shortAccount, address, retryAfterSeconds },
        'password check refused: locked out after too many failures',
      );
      throw check === 'login'
        ? AuthErrors.loginLocked(retryAfterSeconds)
        : AuthErrors.passwordChangeLocked(retryAfterSeconds);
    }
    return {
      accountKey,
      addressKey,
      accountCount: result[1],
      addressCount: result[2],
      account: shortAccount,
      address,
      check,
    };
  }

  /**
   * The attempt failed: it stays counted; log it, and the lockout it may start. Answers the
   * counters this failure filled, i.e. the lockouts it started.
   */
  failed(attempt: ReservedAttempt, userId: string | undefined): LockoutScope[] {
    const { maxFailuresPerAccount, maxFailuresPerAddress, lockoutSeconds } = this.config.auth.login;
    const context = {
      check: attempt.check,
      account: attempt.account,
      address: attempt.address,
      ...(userId ? { userId } : {}),
    };
    const login = attempt.check === 'login';
    this.logger.warn(
      {
        event: login ? 'login_failed' : 'password_change_failed',
        ...context,
        accountFailures: attempt.accountCount,
        addressFailures: attempt.addressCount,
      },
      login ? 'log-in failed' : 'password change refused: wrong current password',
    );
    const started: LockoutScope[] = [];
    if (attempt.accountCount === maxFailuresPerAccount) {
      started.push('account');
      this.logger.warn(
        { event: 'login_lockout_started', scope: 'account', ...context, lockoutSeconds },
        'account locked out for log-in',
      );
    }
    if (attempt.addressCount === maxFailuresPerAddress) {
      started.push('address');
      this.logger.warn(
        { event: 'login_lockout_started', scope: 'address', ...context, lockoutSeconds },
        'client address locked out for log-in',
      );
    }
    return started;
  }

  /** The attempt succeeded: clear the account's failures and give the address its attempt back. */
  async succeeded(attempt: ReservedAttempt): Promise<void> {
    try {
      await Promise.all([
        this.redis.del(attempt.accountKey),
        this.redis.eval(REFUND_SCRIPT, 1, attempt.addressKey),
      ]);
    } catch (error) {
      // The log-in itself is sound; a counter left behind only expires later.
      this.logger.error(
        { event: 'login_throttle_reset_failed', error: (error as Error).message },
        'could not reset log-in failure counters',
      );
    }
  }

  /**
   * The attempt could not be decided (PostgreSQL did not answer): it was no failure of the
   * caller's, so both counters get it back; an outage must not lock people out afterwards.
   */
  async abandoned(attempt: ReservedAttempt): Promise<void> {
    try {
      await Promise.all([
        this.redis.eval(REFUND_SCRIPT, 1, attempt.accountKey),
        this.redis.eval(REFUND_SCRIPT, 1, attempt.addressKey),
      ]);
    } catch (error) {
      this.logger.error(
        { event: 'login_throttle_refund_failed', error: (error as Error).message },
        'could not give back an undecided log-in attempt',
      );
    }
  }

  /** A fail-fast connection refuses commands until it is ready: give a fresh one its chance. */
  private ready(): Promise<void> {
    return whenReady(this.redis, READY_TIMEOUT_MS);
  }
}

/**
 * The key of a client address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, since
 * one IPv6 client usually holds a whole /64 and could otherwise step around the limit.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
