import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Parsed, parseResponse, RawHttpPool } from './raw-http';

function complete(parsed: Parsed): Extract<Parsed, { response: unknown }> {
  if (!('response' in parsed)) throw new Error('incomplete');
  return parsed;
}

describe('parseResponse', () => {
  const head = 'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nETag: "7"\r\n';

  it('reads a response with Content-Length, and leaves what follows it', () => {
    const bytes = Buffer.from(`${head}Content-Length: 2\r\n\r\n{}HTTP/1.1 200`);
    const parsed = complete(parseResponse(bytes));
    expect(parsed.response.status).toBe(201);
    expect(parsed.response.headers.etag).toBe('"7"');
    expect(parsed.response.body.toString()).toBe('{}');
    expect(bytes.subarray(parsed.consumed).toString()).toBe('HTTP/1.1 200');
    expect(parsed.close).toBe(false);
  });

  it('waits for the rest of the head, and then knows how long the response is', () => {
    expect(parseResponse(Buffer.from(`${head}Content-Length: 2\r\n`))).toEqual({});
    const start = `${head}Content-Length: 2\r\n\r\n`;
    expect(parseResponse(Buffer.from(`${start}{`))).toEqual({ needed: start.length + 2 });
  });

  it('reads a chunked body, and waits for its last chunk', () => {
    const chunked = `${head}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    expect(parseResponse(Buffer.from(`${chunked}3\r\nabc\r\n`))).toEqual({});
    const parsed = complete(
      parseResponse(Buffer.from(`${chunked}3\r\nabc\r\na\r\n0123456789\r\n0\r\n\r\n`)),
    );
    expect(parsed.response.body.toString()).toBe('abc0123456789');
    expect(parsed.close).toBe(true);
  });

  it('refuses what is not HTTP', () => {
    expect(() => parseResponse(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(/status line/);
  });
});

describe('RawHttpPool', () => {
  let server: Server;
  let origin: string;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (request.url === '/chunked') {
          response.write('part one, ');
          setTimeout(() => response.end('part two'), 5);
          return;
        }
        if (request.url === '/large') {
          // 300 kB in 300 writes, with its length: read across many chunks.
          response.setHeader('content-length', 300 * 1000);
          let n = 0;
          const more = (): void => {
            if (n++ === 300) return void response.end();
            response.write(String(n % 10).repeat(1000));
            setImmediate(more);
          };
          return more();
        }
        if (request.url === '/close') response.setHeader('connection', 'close');
        if (request.url === '/end-when-idle') {
          // As a server's keep-alive timeout does: end the connection once it is idle.
          response.on('finish', () => setTimeout(() => request.socket.end(), 20));
        }
        response.setHeader('x-auth', request.headers.authorization ?? '');
        response.end(JSON.stringify({ method: request.method, url: request.url, body }));
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends requests with headers and bodies over at most its connections, reused', async () => {
    const before = connections;
    const pool = new RawHttpPool(origin, 2);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        pool.request('POST', `/n/${n}`, { authorization: 'Bearer t' }, `{"n":${n}}`),
      ),
    );
    expect(answers.map((a) => JSON.parse(a.body.toString()))).toEqual(
      Array.from({ length: 10 }, (_, n) => ({
        method: 'POST',
        url: `/n/${n}`,
        body: `{"n":${n}}`,
      })),
    );
    expect(answers.every((a) => a.status === 200 && a.headers['x-auth'] === 'Bearer t')).toBe(true);
    expect(connections - before).toBe(2);
    pool.destroy();
  });

  it('reads chunked answers, and opens a new connection when the server closes one', async () => {
    const pool = new RawHttpPool(origin, 1);
    const chunked = await pool.request('GET', '/chunked', {});
    expect(chunked.body.toString()).toBe('part one, part two');
    const [closing, after] = await Promise.all([
      pool.request('GET', '/close', {}),
      pool.request('GET', '/after', {}),
    ]);
    expect(JSON.parse(closing.body.toString()).url).toBe('/close');
    expect(JSON.parse(after.body.toString()).url).toBe('/after');
    pool.destroy();
  });

  it('reads a large body sent in many pieces, and the next answer on the same connection', async () => {
    const pool = new RawHttpPool(origin, 1);
    const large = await pool.request('GET', '/large', {});
    const next = await pool.request('GET', '/next', {});
    expect(large.body.length).toBe(300 * 1000);
    expect(large.body.subarray(0, 1000).toString()).toBe('1'.repeat(1000));
    expect(large.body.subarray(-1000).toString()).toBe('0'.repeat(1000));
    expect(JSON.parse(next.body.toString()).url).toBe('/next');
    pool.destroy();
  });

  it('does not reuse a connection the server ended while it was idle', async () => {
    const pool = new RawHttpPool(origin, 1);
    const before = connections;
    await pool.request('GET', '/end-when-idle', {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await pool.request('GET', '/second', {});
    expect(JSON.parse(second.body.toString()).url).toBe('/second');
    expect(connections - before).toBe(2);
    pool.destroy();
  });

  it('rejects a request whose connection cannot be made', async () => {
    const pool = new RawHttpPool('http://127.0.0.1:1', 1);
    await expect(pool.request('GET', '/', {})).rejects.toThrow();
    pool.destroy();
  });
});
