import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One message the receiver accepted: verified, with its CloudEvent. */
export interface Received {
  id: string;
  event: {
    id: string;
    type: string;
    subject: string;
    sequence: string;
    source: string;
    specversion: string;
    time: string;
    dataref: string;
    datacontenttype: string;
    data: Record<string, unknown>;
  };
  headers: Record<string, string | string[] | undefined>;
  path: string;
}

/**
 * A webhook receiver as an integrator would write one: a real HTTP server that verifies every
 * message's Standard Webhooks signature with the reference library (not the product's code),
 * refuses what does not verify, and keeps each message once however often it comes
 * (deduplicating on `webhook-id` per path: each path is a webhook of its own, and an event
 * that two webhooks want reaches each with the same id). It can be told to fail, to hold
 * requests unanswered, or to answer a path with a redirect.
 */
export class WebhookReceiver {
  private server!: Server;
  /** The secrets it accepts (several during a rotation). */
  secrets: string[] = [];
  /** Messages kept, in the order they first arrived. */
  readonly received: Received[] = [];
  /** Every request, also repeats and refused ones. */
  requests = 0;
  duplicates = 0;
  unverified = 0;
  /** Answer this status instead of 204 while set (a receiver that is down). */
  failWith: number | null = null;
  /** Leave requests unanswered (a receiver that hangs). */
  hold = false;
  private held: ServerResponse[] = [];
  /** Requests per path (to see that a redirect's target was never asked). */
  readonly hits = new Map<string, number>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers what it held (with 204) and holds no more. */
  release(): void {
    this.hold = false;
    for (const res of this.held.splice(0)) res.writeHead(204).end();
  }

  /** Drops what it held without an answer. */
  dropHeld(): void {
    for (const res of this.held.splice(0)) res.destroy();
  }

  get heldCount(): number {
    return this.held.length;
  }

  ofType(type: string): Received[] {
    return this.received.filter((message) => message.event.type === type);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    this.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (path.startsWith('/redirect')) {
      res.writeHead(302, { location: '/redirected' }).end();
      return;
    }
    if (this.hold) {
      this.held.push(res);
      return;
    }
    if (this.failWith !== null) {
      res
        .writeHead(this.failWith, { 'content-type': 'text/plain' })
        .end('tijdelijk niet beschikbaar');
      return;
    }
    const headers = {
      'webhook-id': String(req.headers['webhook-id']),
      'webhook-timestamp': String(req.headers['webhook-timestamp']),
      'webhook-signature': String(req.headers['webhook-signature']),
    };
    const verified = this.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch {
        return false;
      }
    });
    if (!verified) {
      this.unverified += 1;
      res.writeHead(401).end();
      return;
    }
    if (
      this.received.some((message) => message.id === headers['webhook-id'] && message.path === path)
    ) {
      this.duplicates += 1;
    } else {
      this.received.push({
        id: headers['webhook-id'],
        event: JSON.parse(body),
        headers: req.headers,
        path,
      });
    }
    res.writeHead(204).end();
  }
}
