import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig, RedisConnections } from '@app/core';

/** How often the subscription is asked whether it still stands (PING on its connection). */
export const HEARTBEAT_MS = 500;
/**
 * The subscription counts as standing while its last heartbeat answered within this long; and
 * a change waits this long at most for every subscribed process to confirm it.
 */
export const CONFIRM_MS = 1000;
/** A heartbeat that takes longer than this failed. */
const PING_TIMEOUT_MS = 300;

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
 * The channel through which every process of a deployment hears at once that principals
 * changed, so that a process need not ask Redis for an epoch on every request.
 *
 * Each process subscribes to `<prefix>:principal-changes`, and to its own confirmation channel.
 * An announcement is published once its change has committed; every subscribed process forgets
 * the users it names and confirms, and the announcing process waits for as many confirmations
 * as PUBLISH counted receivers (at most CONFIRM_MS) before the change's request is answered.
 * So a request that arrives after that answer, at any process, finds the change heard.
 *
 * A subscription is trusted only while it stands: subscribed, and its heartbeat (a PING on the
 * same connection, answered after any message published before it) answered within CONFIRM_MS.
 * A process that stalls or loses its connection stops trusting it until a heartbeat after the
 * stall answers, which comes after every announcement it missed.
 */
@Injectable()
export class PrincipalChanges implements OnModuleDestroy {
  private readonly logger = new Logger(PrincipalChanges.name);
  private readonly id = randomUUID();
  private readonly awaiting = new Map<string, Awaited>();
  private subscriber?: IORedis;
  private heartbeat?: NodeJS.Timeout;
  private listener?: ChangeListener;
  /** Counts the subscriptions this process made; what was kept under an earlier one is void. */
  private subscriptionCount = 0;
  private subscribed = false;
  private lastHeartbeat = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  /** Subscribes (and keeps subscribing after every reconnection), telling `listener`. */
  start(listener: ChangeListener): void {
    if (this.subscriber) return;
    this.listener = listener;
    const subscriber = this.connections.create('command');
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => this.received(channel, message));
    subscriber.on('ready', () => void this.subscribe(subscriber));
    subscriber.on('close', () => this.lost());
    this.heartbeat = setInterval(() => void this.beat(subscriber), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    this.lost();
  }

  /**
   * The current subscription, while it stands (subscribed, heartbeat recent); undefined
   * otherwise, and then only Redis epochs can tell whether a kept principal is current.
   */
  standing(): number | undefined {
    if (!this.subscribed || Date.now() - this.lastHeartbeat > CONFIRM_MS) return undefined;
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
   * they all did. Confirmations cannot reach a process whose own subscription does not stand:
   * it does not wait.
   */
  async confirmed(id: string, receivers: number): Promise<boolean> {
    const awaited = this.awaiting.get(id);
    if (!awaited) return false;
    try {
      if (awaited.confirmed >= receivers) return true;
      if (this.standing() === undefined) return false;
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
    let announcement: Announcement;
    try {
      announcement = JSON.parse(message) as Announcement;
    } catch {
      return;
    }
    if (!Array.isArray(announcement.users) || typeof announcement.from !== 'string') return;
    this.listener?.heard(announcement.users.map(String));
    this.connections
      .shared()
      .publish(this.confirmations(announcement.from), String(announcement.id))
      .catch(() => undefined);
  }

  private async subscribe(subscriber: IORedis): Promise<void> {
    try {
      await subscriber.subscribe(this.channel(), this.confirmations());
    } catch (error) {
      this.logger.warn(
        { event: 'principal_changes_unsubscribed', error: (error as Error).message },
        'each request asks Redis for its principal epoch until the subscription stands',
      );
      return;
    }
    // Whatever was kept before may have missed announcements.
    this.subscriptionCount += 1;
    this.listener?.reset();
    this.subscribed = true;
    this.lastHeartbeat = Date.now();
  }

  private async beat(subscriber: IORedis): Promise<void> {
    if (!this.subscribed) return;
    const subscription = this.subscriptionCount;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        subscriber.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no heartbeat')), PING_TIMEOUT_MS);
        }),
      ]);
      if (subscription === this.subscriptionCount) this.lastHeartbeat = Date.now();
    } catch {
      // Not trusted until a heartbeat answers again (after every message published before it).
      this.lastHeartbeat = 0;
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
