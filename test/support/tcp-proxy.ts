import { createServer, connect, type Server, type Socket } from 'node:net';

type Mode = 'up' | 'down' | 'stalled';

/**
 * A TCP proxy in front of a real server that a test can cut (connections refused, as when
 * the server died), stall (connections accepted, nothing answered, as when it hangs) and
 * restore, to play outages without touching the server other tests use.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();
  private mode: Mode = 'up';
  /** Connections accepted since start: a client that should be gone must not come back. */
  accepted = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  static forUrl(url: string): TcpProxy {
    const parsed = new URL(url);
    return new TcpProxy({ host: parsed.hostname, port: Number(parsed.port || 6379) });
  }

  /** Starts listening; returns the url to give the client instead of `url`. */
  async start(url?: string): Promise<string> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    const proxied = new URL(url ?? `tcp://${this.target.host}:${this.target.port}`);
    proxied.host = `127.0.0.1:${address.port}`;
    return proxied.toString();
  }

  private accept(client: Socket): void {
    this.accepted += 1;
    if (this.mode === 'down') {
      client.destroy();
      return;
    }
    const pair: { client: Socket; upstream?: Socket } = { client };
    this.pairs.add(pair);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    client.on('error', () => client.destroy());
    if (this.mode === 'stalled') return; // accepted, never answered
    const upstream = connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }

  /** Drops every connection and refuses new ones, as a dead server would. */
  cut(): void {
    this.mode = 'down';
    for (const pair of this.pairs) pair.client.destroy();
  }

  /** Keeps every connection open but forwards nothing more, as a hung server would. */
  stall(): void {
    this.mode = 'stalled';
    for (const { client, upstream } of this.pairs) {
      client.unpipe();
      upstream?.unpipe();
      client.pause();
      upstream?.pause();
    }
  }

  /** Back to normal; stalled connections are dropped so that clients reconnect. */
  restore(): void {
    const wasStalled = this.mode === 'stalled';
    this.mode = 'up';
    if (wasStalled) for (const pair of this.pairs) pair.client.destroy();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
