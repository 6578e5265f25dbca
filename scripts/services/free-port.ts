import { createServer } from 'node:net';

function tryListen(port: number, host?: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(undefined);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * True when nothing listens on `port`, neither on 127.0.0.1 nor on the wildcard address: a
 * server that binds `::` (Node's default) would otherwise collide with a port that only looks
 * free on the loopback address.
 */
export async function isPortFree(port: number): Promise<boolean> {
  assertPort(port);
  return (
    (await tryListen(port, '127.0.0.1')) !== undefined && (await tryListen(port)) !== undefined
  );
}

/** Returns `preferred` when it is free, otherwise a port the operating system picks. */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred !== undefined && (await isPortFree(preferred))) return preferred;
  const picked = await tryListen(0, '127.0.0.1');
  if (picked === undefined) throw new Error('The operating system could not assign a free port');
  return picked;
}

export function assertPort(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid port ${port}: expected an integer from 1 to 65535`);
  }
}
