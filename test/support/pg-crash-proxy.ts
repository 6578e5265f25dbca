import { connect, createServer, type Server, type Socket } from 'node:net';

/** A PostgreSQL ErrorResponse (FATAL 57P01), as a backend sends it when the postmaster died. */
function fatalTermination(): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '57P01'],
      ['M', 'terminating connection due to unexpected postmaster exit'],
    ].map(([code, value]) => Buffer.from(`${code}${value}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/**
 * A TCP proxy in front of a real PostgreSQL that can play its crash. While `crashing`, each
 * session ends at the next moment the server says it is ready (ReadyForQuery: at the end of
 * its start-up, or of a statement): that message reaches the client in one read with the
 * FATAL 57P01 a backend sends when the postmaster was killed, then the connection closes.
 * That is what ended the API on a `kill -9` of the postmaster in issue 16: a client whose
 * statement completed, or whose session just started, and its termination, in one read.
 * `dropAll` ends every open session at once, as `pg_terminate_backend` does.
 */
export class PgCrashProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  crashing = false;
  /** Sessions ended by the played crash. */
  crashed = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  static forUrl(url: string): PgCrashProxy {
    const parsed = new URL(url);
    return new PgCrashProxy({ host: parsed.hostname, port: Number(parsed.port || 5432) });
  }

  /** Starts listening; returns `url` pointed at the proxy. */
  async start(url: string): Promise<string> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${address.port}`;
    return proxied.toString();
  }

  private accept(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    // Server → client, message by message (a type byte, then a length that counts itself).
    let pending = Buffer.alloc(0);
    upstream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let offset = 0;
      while (offset + 5 <= pending.length) {
        const end = offset + 1 + pending.readInt32BE(offset + 1);
        if (end > pending.length) break;
        if (this.crashing && pending[offset] === 0x5a) {
          this.crashed += 1;
          client.end(Buffer.concat([pending.subarray(0, end), fatalTermination()]));
          upstream.destroy();
          return;
        }
        offset = end;
      }
      if (offset > 0) client.write(pending.subarray(0, offset));
      pending = pending.subarray(offset);
    });
  }

  /** Ends every open session (new ones are still accepted). */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
