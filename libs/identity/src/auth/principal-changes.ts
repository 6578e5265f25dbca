import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig, RedisConnections } from '@app/core';

/** How often the subscription is asked whether it still stands (PING on its connection). */
export const HEARTBEAT_MS = 400;
/**
 * The subscription counts as standing while the last heartbeat answered was sent within this
 * long: Redis answers a PING after every message it published before handling it.
 */
export const TRUST_MS = 800;
/**
 * A change waits this long at most for every subscribed process to confirm it: longer than
 * TRUST_MS, so that a process that has not heard it by then no longer trusts its subscription.
 */
export const CONFIRM_MS = 1000;
/** A heartbeat that takes longer than this failed. */
const PING_TIMEOUT_MS = 300;
/** A subscription Redis refused is asked again after this long. */
const RESUBSCRIBE_MS = 1000;

/** What a process does with the changes other processes (and it) announce. */
export interface ChangeListener {
  /** These users' principals changed: forget them (before the announcement is confirmed). */
  heard(userIds: readonly string[]): void;
  /** The subscription started or was lost: nothing kept before can be trusted. */
  reset(): void;
}

interface Announcement {
  id: string;
  /** The announcing process: where confirmations go. */
  from: string;
  users: string[];
}

interface Awaited {
  confirmed: number;
  wanted?: number;
  done?: () => void;
}

/**
 * The channel through which every API process of a deployment hears at once that principals
 * changed, so that it need not ask Redis for an epoch on every request.
 *
 * Each API process subscribes to `<prefix>:principal-changes`, and every process (the worker
 * too, which may announce changes) to its own confirmation channel. An announcement is
 * published once its change has committed; every subscribed process forgets the users it names
 * and confirms, and the announcing process waits for as many confirmations as PUBLISH counted
 * receivers (at most CONFIRM_MS) before the change's request is answered. So a request that
 * arrives after that answer, at any process, finds the change heard.
 *
 * A subscription is trusted only while it stands: subscribed, and the last heartbeat answered
 * (a PING on the same connection, which Redis answers after every message it published
 * before) sent within TRUST_MS. A process that stalls or whose connection hangs stops trusting
 * its subscription before an announcement it did not confirm stops being waited for, and
 * trusts it again only once a heartbeat sent after the stall answers: after what it missed.
 */
@Injectable()
export class PrincipalChanges implements OnModuleDestroy {
  private readonly logger = new Logger(PrincipalChanges.name);
  private readonly id = randomUUID();
  private readonly awaiting = new Map<string, Awaited>();
  private subscriber?: IORedis;
  private heartbeat?: NodeJS.Timeout;
  private resubscribe?: NodeJS.Timeout;
  private listener?: ChangeListener;
  /** Counts the subscriptions this process made; what was kept under an earlier one is void. */
  private subscriptionCount = 0;
  private subscribed = false;
  /** performance.now() when the last heartbeat that was answered was sent. */
  private lastHeartbeat = -Infinity;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  /**
   * Subscribes (and subscribes again after every reconnection) to this process's
   * confirmations, and with a `listener` to the announcements as well, which it is told of.
   */
  start(listener?: ChangeListener): void {
    if (this.subscriber) return;
    this.listener = listener;
    const subscriber = this.connections.create('command');
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      try {
        this.received(channel, message);
      } catch (error) {
        // Never out of the socket's data handler: that would end the process.
        this.logger.warn(
          { event: 'principal_announcement_unreadable', error: (error as Error).message },
          'a message on the principal channels was not understood and is ignored',
        );
      }
    });
    subscriber.on('ready', () => void this.subscribe(subscriber));
    subscriber.on('close', () => this.lost());
    if (listener) {
      this.heartbeat = setInterval(() => void this.beat(subscriber), HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.resubscribe);
    this.lost();
  }

  /**
   * The current subscription to announcements, while it stands (subscribed, heartbeat
   * recent); undefined otherwise, and then only Redis epochs can tell whether a kept principal
   * is current.
   */
  standing(): number | undefined {
    if (!this.listener || !this.subscribed) return undefined;
    if (performance.now() - this.lastHeartbeat > TRUST_MS) return undefined;
    return this.subscriptionCount;
  }

  /**
   * Publishes an announcement on `redis` (queued behind the commands already sent on it, such
   * as the new epochs) and answers a wait for its confirmations.
   */
  announce(redis: IORedis, userIds: readonly string[]): { published: Promise<number>; id: string } {
    const announcement: Announcement = { id: randomUUID(), from: this.id, users: [...userIds] };
    this.awaiting.set(announcement.id, { confirmed: 0 });
    return {
      id: announcement.id,
      published: redis.publish(this.channel(), JSON.stringify(announcement)),
    };
  }

  /**
   * Waits until `receivers` processes confirmed the announcement, at most CONFIRM_MS; whether
   * they all did. A process whose own subscription is down hears no confirmation and so waits
   * the whole CONFIRM_MS: by then no process that missed the change still trusts its own.
   */
  async confirmed(id: string, receivers: number): Promise<boolean> {
    const awaited = this.awaiting.get(id);
    if (!awaited) return false;
    try {
      if (awaited.confirmed >= receivers) return true;
      awaited.wanted = receivers;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        awaited.done = resolve;
        timer = setTimeout(resolve, CONFIRM_MS);
      });
      clearTimeout(timer);
      return awaited.confirmed >= receivers;
    } finally {
      this.awaiting.delete(id);
    }
  }

  /** Forgets an announcement that was never published. */
  abandon(id: string): void {
    this.awaiting.delete(id);
  }

  private received(channel: string, message: string): void {
    if (channel === this.confirmations()) {
      const awaited = this.awaiting.get(message);
      if (!awaited) return;
      awaited.confirmed += 1;
      if (awaited.wanted !== undefined && awaited.confirmed >= awaited.wanted) awaited.done?.();
      return;
    }
    if (channel !== this.channel() || !this.listener) return;
    let announcement: Partial<Announcement> | null;
    try {
      announcement = JSON.parse(message) as Partial<Announcement> | null;
    } catch {
      return;
    }
    if (typeof announcement !== 'object' || announcement === null) return;
    if (!Array.isArray(announcement.users) || typeof announcement.from !== 'string') return;
    this.listener.heard(announcement.users.map(String));
    this.connections
      .shared()
      .publish(this.confirmations(announcement.from), String(announcement.id))
      .catch(() => undefined);
  }

  private async subscribe(subscriber: IORedis): Promise<void> {
    clearTimeout(this.resubscribe);
    const channels = this.listener
      ? [this.channel(), this.confirmations()]
      : [this.confirmations()];
    const sent = performance.now();
    try {
      await subscriber.subscribe(...channels);
    } catch (error) {
      this.logger.warn(
        { event: 'principal_changes_unsubscribed', error: (error as Error).message },
        'each request asks Redis for its principal epoch until the subscription stands',
      );
      // Asked again while the connection stays up (a reconnection asks anyway).
      this.resubscribe = setTimeout(() => {
        if (subscriber.status === 'ready') void this.subscribe(subscriber);
      }, RESUBSCRIBE_MS);
      this.resubscribe.unref();
      return;
    }
    // Whatever was kept before may have missed announcements.
    this.subscriptionCount += 1;
    this.listener?.reset();
    this.subscribed = true;
    this.lastHeartbeat = sent;
  }

  private async beat(subscriber: IORedis): Promise<void> {
    if (!this.subscribed) return;
    const subscription = this.subscriptionCount;
    const sent = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        subscriber.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no heartbeat')), PING_TIMEOUT_MS);
        }),
      ]);
      // What was published before this PING was handled has been heard: trusted from `sent`.
      if (subscription === this.subscriptionCount && sent > this.lastHeartbeat) {
        this.lastHeartbeat = sent;
      }
    } catch {
      // Not trusted until a heartbeat answers again (after every message published before it).
      this.lastHeartbeat = -Infinity;
    } finally {
      clearTimeout(timer);
    }
  }

  private lost(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    this.listener?.reset();
  }

  private channel(): string {
    return `${this.config.redis.prefix}:principal-changes`;
  }

  private confirmations(processId: string = this.id): string {
    return `${this.config.redis.prefix}:principal-confirmations:${processId}`;
  }
}
