import { createServer, type Server } from 'node:net';
import type { AppConfig } from '../config/app-config';
import { RedisConnections } from './redis-connections';

/** A port where nothing listens any more: a Redis that went away. */
async function deadPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

describe('RedisConnections', () => {
  it('drops a connection that is reconnecting when the process stops, rather than reconnect for ever', async () => {
    const port = await deadPort();
    const config = {
      redis: { url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 1000, prefix: 'unit' },
    } as AppConfig;
    const connections = new RedisConnections(config);
    const client = connections.create('command');
    let attempts = 0;
    client.on('reconnecting', () => (attempts += 1));
    await new Promise<void>((resolve) => client.once('reconnecting', () => resolve()));
    await connections.onApplicationShutdown();
    const after = attempts;
    // It would try again after 200, 400, 600 ms …
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(attempts).toBe(after);
  });
});
