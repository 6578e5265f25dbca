/**
 * The receiver of `bench:webhooks`: one node:http server on 127.0.0.1, a path per
 * subscription, that verifies the Standard Webhooks signature with the reference library
 * (`standardwebhooks`, not the product's code), answers 204, and counts every message per
 * (subscription, webhook-id), so that a loss or a duplicate shows. It keeps no bodies: only
 * counts, and for each first arrival the time since the CloudEvent's `time`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

interface Endpoint {
  webhook: Webhook;
  /** Arrivals per webhook-id. */
  seen: Map<string, number>;
}

export class CountingReceiver {
  private server: Server | undefined;
  private readonly endpoints = new Map<string, Endpoint>();
  private waiting: { count: number; resolve: () => void } | undefined;
  requests = 0;
  /** First arrivals of a (subscription, webhook-id). */
  unique = 0;
  duplicates = 0;
  verified = 0;
  unverified = 0;
  unknownPath = 0;
  /** performance.now() of the first request and of the last first arrival. */
  firstAt: number | undefined;
  lastNewAt: number | undefined;
  /** Per first arrival: ms from the CloudEvent's `time` to its arrival here. */
  latencies: number[] = [];

  /** `verifyEvery`: verify the signature of every n-th request (1: all). */
  constructor(private readonly verifyEvery = 1) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Longer than the sender's pauses, so its kept-alive sockets stay usable between claims.
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** A subscription's path and the secret its messages are signed with. */
  add(path: string, secret: string): void {
    this.endpoints.set(path, { webhook: new Webhook(secret), seen: new Map() });
  }

  /** Forgets what arrived (a new round of the same subscriptions). */
  reset(): void {
    for (const endpoint of this.endpoints.values()) endpoint.seen.clear();
    this.requests = this.unique = this.duplicates = this.verified = this.unverified = 0;
    this.unknownPath = 0;
    this.firstAt = this.lastNewAt = undefined;
    this.latencies = [];
  }

  /** Resolves once `count` distinct messages have arrived, or after `timeoutMs`. */
  whenReceived(count: number, timeoutMs: number): Promise<boolean> {
    if (this.unique >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve(false);
      }, timeoutMs);
      this.waiting = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
    });
  }

  /** Distinct messages per path. */
  perPath(): Array<[string, number]> {
    return [...this.endpoints].map(([path, endpoint]) => [path, endpoint.seen.size]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    this.firstAt ??= performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const endpoint = this.endpoints.get(req.url ?? '/');
    if (!endpoint) {
      this.unknownPath += 1;
      res.writeHead(404).end();
      return;
    }
    const id = String(req.headers['webhook-id']);
    if (this.requests % this.verifyEvery === 0) {
      try {
        endpoint.webhook.verify(body, {
          'webhook-id': id,
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        });
        this.verified += 1;
      } catch {
        this.unverified += 1;
        res.writeHead(401).end();
        return;
      }
    }
    const before = endpoint.seen.get(id) ?? 0;
    endpoint.seen.set(id, before + 1);
    if (before > 0) {
      this.duplicates += 1;
    } else {
      this.unique += 1;
      this.lastNewAt = performance.now();
      const time = Date.parse((JSON.parse(body) as { time: string }).time);
      this.latencies.push(Date.now() - time);
      if (this.waiting && this.unique >= this.waiting.count) {
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve();
      }
    }
    res.writeHead(204).end();
  }
}
