/**
 * A lean HTTP/1.1 client for the open-loop load (api-open-loop.ts): keep-alive sockets, one
 * request in flight on each, requests written as one buffer and answers read with just enough
 * parsing to find their end (Content-Length or chunked) and their status and headers.
 *
 * Why not node:http: its client costs about as much CPU per request as a small server
 * (ClientRequest and IncomingMessage objects, streams, header validation), and the load
 * generator shares its core with PostgreSQL. A generator that falls behind sends late, and
 * the open loop counts that lateness as latency, of the comparator and the product alike.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

interface Pending {
  head: Buffer;
  body?: Buffer;
  resolve: (response: RawResponse) => void;
  reject: (error: Error) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

export type Parsed =
  | { response: RawResponse; consumed: number; close: boolean }
  /** Incomplete; `needed`: the bytes the response takes in all, once its head tells. */
  | { needed?: number };

/** One response read from the bytes received so far, or what is still missing. */
export function parseResponse(data: Buffer): Parsed {
  const headEnd = data.indexOf(HEADER_END);
  if (headEnd < 0) return {};
  const lines = data.toString('latin1', 0, headEnd).split('\r\n');
  const status = Number(lines[0].split(' ', 3)[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP status line: ${lines[0]}`);
  const headers: Record<string, string> = {};
  for (let i = 1; i < lines.length; i += 1) {
    const colon = lines[i].indexOf(':');
    if (colon > 0)
      headers[lines[i].slice(0, colon).toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  const close = (headers.connection ?? '').toLowerCase() === 'close';
  let offset = headEnd + HEADER_END.length;
  if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = data.indexOf(CRLF, offset);
      if (lineEnd < 0) return {};
      const size = parseInt(data.toString('latin1', offset, lineEnd), 16);
      if (!Number.isInteger(size)) throw new Error('malformed chunk size');
      const start = lineEnd + CRLF.length;
      if (data.length < start + size + CRLF.length) return {};
      if (size === 0) {
        // No trailers are expected: the last chunk is followed by an empty line.
        return {
          response: { status, headers, body: Buffer.concat(parts) },
          consumed: start + CRLF.length,
          close,
        };
      }
      parts.push(data.subarray(start, start + size));
      offset = start + size + CRLF.length;
    }
  }
  const length = Number(headers['content-length'] ?? 0);
  if (data.length < offset + length) return { needed: offset + length };
  return {
    response: { status, headers, body: data.subarray(offset, offset + length) },
    consumed: offset + length,
    close,
  };
}

class Connection {
  private readonly socket: Socket;
  /** Bytes received and not yet read as a response, and how many. */
  private chunks: Buffer[] = [];
  private length = 0;
  /** What the response in progress takes in all, once its head is known. */
  private needed = 0;
  private current?: Pending;
  closed = false;

  constructor(
    host: string,
    port: number,
    private readonly onIdle: (connection: Connection) => void,
    private readonly onClosed: (connection: Connection) => void,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(error));
    // The server ended the connection: use it no more (a request written now would be lost).
    this.socket.on('end', () => this.fail(new Error('connection ended by the server')));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  send(pending: Pending): void {
    this.current = pending;
    if (pending.body) this.socket.write(Buffer.concat([pending.head, pending.body]));
    else this.socket.write(pending.head);
  }

  destroy(): void {
    const first = !this.closed;
    this.closed = true;
    this.socket.destroy();
    if (first) this.onClosed(this);
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    // A large body comes in many chunks: join them once it is all there, not at every chunk.
    if (this.length < this.needed) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    let parsed: Parsed;
    try {
      parsed = parseResponse(data);
    } catch (error) {
      this.fail(error as Error);
      this.socket.destroy();
      return;
    }
    if (!('response' in parsed)) {
      this.chunks = [data];
      this.needed = parsed.needed ?? 0;
      return;
    }
    const rest = data.subarray(parsed.consumed);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    this.needed = 0;
    const done = this.current;
    this.current = undefined;
    if (parsed.close) this.destroy();
    done?.resolve(parsed.response);
    if (!this.closed) this.onIdle(this);
  }

  private fail(error: Error): void {
    const first = !this.closed;
    this.closed = true;
    const done = this.current;
    this.current = undefined;
    done?.reject(error);
    if (first) this.onClosed(this);
  }
}

/**
 * Up to `maxConnections` keep-alive connections to one origin; a request that finds none
 * free waits in a first-in, first-out queue (its wait is part of its latency).
 */
export class RawHttpPool {
  private readonly host: string;
  private readonly port: number;
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly queue: Pending[] = [];

  constructor(
    origin: string,
    private readonly maxConnections: number,
  ) {
    const url = new URL(origin);
    if (url.protocol !== 'http:') throw new Error(`only http: origins, not ${origin}`);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
  }

  request(
    method: string,
    path: string,
    headers: Readonly<Record<string, string>>,
    body?: string,
  ): Promise<RawResponse> {
    const payload = body === undefined ? undefined : Buffer.from(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    if (payload) head += `content-length: ${payload.length}\r\n`;
    head += '\r\n';
    return new Promise<RawResponse>((resolve, reject) => {
      this.dispatch({ head: Buffer.from(head, 'latin1'), body: payload, resolve, reject });
    });
  }

  destroy(): void {
    for (const pending of this.queue.splice(0)) pending.reject(new Error('pool destroyed'));
    for (const connection of [...this.all]) connection.destroy();
    this.idle.length = 0;
  }

  private dispatch(pending: Pending): void {
    // The longest idle first: every connection stays in use, so none reaches the server's
    // keep-alive timeout and is closed just as a request is written to it.
    let connection = this.idle.shift();
    while (connection?.closed) connection = this.idle.shift();
    if (!connection) {
      if (this.all.size >= this.maxConnections) {
        this.queue.push(pending);
        return;
      }
      connection = new Connection(
        this.host,
        this.port,
        (free) => this.release(free),
        (gone) => this.closed(gone),
      );
      this.all.add(connection);
    }
    connection.send(pending);
  }

  /** A closed connection leaves the pool; a queued request gets a new one. */
  private closed(connection: Connection): void {
    if (!this.all.delete(connection)) return;
    const next = this.queue.shift();
    if (next) this.dispatch(next);
  }

  private release(connection: Connection): void {
    const next = this.queue.shift();
    if (next) connection.send(next);
    else this.idle.push(connection);
  }
}
