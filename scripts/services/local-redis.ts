import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { findOrInstall } from './apt-install';
import { assertPort, findFreePort, isPortFree } from './free-port';
import {
  OutputTail,
  RunningService,
  ServiceError,
  clearStalePidFile,
  hasExited,
  supervise,
} from './service-process';

export interface LocalRedisOptions {
  /** Redis's working folder: append-only file, log and pid file; kept between runs. */
  dataDir: string;
  /** A fixed port (start fails when it is taken). Default: the port of the last run, else 56379, else any free port. */
  port?: number;
  /** Receives output: the last lines when something fails, every line when `debug`, apt-get notices. */
  log?: (line: string) => void;
  debug?: boolean;
  /** As for startEmbeddedPostgres: only when the caller handles signals and calls stop(). */
  ownProcessGroup?: boolean;
  /** Called when the server exits without stop() having been called. */
  onUnexpectedExit?: (detail: string) => void;
}

const DEFAULT_PORT = 56379;
const STATE_FILE = 'local-redis.json';
/** Holds `requirepass`: a password on the command line would show in `ps` to every local user. */
const CONF_FILE = 'local-redis.conf';
const START_TIMEOUT_MS = 30_000;

/** What local-redis.json (mode 0600) keeps between runs. */
export interface LocalRedisState {
  port?: number;
  password?: string;
}

/**
 * The server's command line: the config file with the password first (redis-server takes it as
 * its only positional argument), then the options. BullMQ needs `noeviction`; the append-only
 * file (and no RDB snapshots) keeps delayed jobs across restarts, even after a kill -9.
 */
export function buildRedisArgs(dataDir: string, port: number): string[] {
  // prettier-ignore
  return [
    path.join(dataDir, CONF_FILE),
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--daemonize', 'no',
    '--dir', dataDir,
    '--appendonly', 'yes',
    '--save', '',
    '--maxmemory-policy', 'noeviction',
    '--pidfile', path.join(dataDir, 'redis.pid'),
    '--logfile', path.join(dataDir, 'redis.log'),
  ];
}

export function redisInstallHelp(): string {
  return [
    'Redis is needed, but redis-server was not found on the PATH. Install it:',
    '  Debian/Ubuntu:    sudo apt-get update && sudo apt-get install -y redis-server',
    '  macOS (Homebrew): brew install redis',
    'or set REDIS_URL to a Redis you run yourself, e.g. REDIS_URL=redis://127.0.0.1:6379',
  ].join('\n');
}

/** redis-server's path, installed with apt-get first where that is routine (see apt-install.ts). */
export function redisServerBinary(log: (line: string) => void): Promise<string> {
  return findOrInstall({
    command: 'redis-server',
    debianPackage: 'redis-server',
    help: redisInstallHelp(),
    log,
  });
}

/** A generated password: base64url, so it needs no quoting in the config file nor encoding in a URL. */
function isGeneratedPassword(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32,}$/.test(value);
}

/** The config file handed to redis-server; only for passwords from loadOrCreateRedisState. */
export function redisConfText(password: string): string {
  if (!isGeneratedPassword(password)) throw new ServiceError('Invalid local Redis password.');
  return [
    `# Written by scripts/services/local-redis.ts on every start; the password is kept in ${STATE_FILE}.`,
    `requirepass ${password}`,
    '',
  ].join('\n');
}

export function localRedisUrl(port: number, password: string): string {
  return `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}`;
}

/** Writes `file` readable by its owner only, also when it (or a leftover temporary file) exists. */
function writePrivateFile(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

function readState(dataDir: string): LocalRedisState {
  const file = path.join(dataDir, STATE_FILE);
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return {};
  }
  // It holds the password; older versions wrote it with the default (usually 0644) mode.
  if ((mode & 0o077) !== 0) chmodSync(file, 0o600);
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

function writeRedisState(dataDir: string, state: LocalRedisState): void {
  writePrivateFile(path.join(dataDir, STATE_FILE), JSON.stringify(state, null, 2) + '\n');
}

/**
 * The state of `dataDir` (local-redis.json, tightened to mode 0600), with a random password
 * generated on first use and kept for later runs; also (re)writes the 0600 config file that hands
 * the password to redis-server.
 */
export function loadOrCreateRedisState(dataDir: string): LocalRedisState & { password: string } {
  const state = readState(dataDir);
  let password = state.password;
  if (!isGeneratedPassword(password)) {
    password = randomBytes(32).toString('base64url');
    writeRedisState(dataDir, { ...state, password });
  }
  writePrivateFile(path.join(dataDir, CONF_FILE), redisConfText(password));
  return { ...state, password };
}

/** A RESP array, so that any password goes through unchanged (inline commands split on spaces). */
function respCommand(...parts: string[]): string {
  return (
    `*${parts.length}\r\n` +
    parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')
  );
}

/**
 * Sends PING over a plain socket, after AUTH when a password is given; true when the server
 * answers +PONG (not -LOADING, -NOAUTH or -WRONGPASS).
 */
export function pingRedis(port: number, timeoutMs = 1_000, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const replies = password ? 2 : 1;
    let answer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () =>
      socket.write(`${password ? respCommand('AUTH', password) : ''}PING\r\n`),
    );
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const lines = answer.split('\r\n');
      // One simple-string or error line per command; the last one answers the PING.
      if (lines.length > replies) done(lines[replies - 1].startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

async function choosePort(
  dataDir: string,
  requested: number | undefined,
  state: LocalRedisState,
): Promise<number> {
  if (requested !== undefined) {
    assertPort(requested);
    if (!(await isPortFree(requested))) {
      throw new ServiceError(`Port ${requested} is in use; local Redis cannot listen on it.`);
    }
    return requested;
  }
  const remembered = typeof state.port === 'number' ? state.port : undefined;
  const port = await findFreePort(remembered ?? DEFAULT_PORT);
  if (port !== remembered) writeRedisState(dataDir, { ...state, port });
  return port;
}

function logLinesSince(logFile: string, offset: number): string[] {
  try {
    return readFileSync(logFile)
      .subarray(offset)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .slice(-40);
  } catch {
    return [];
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function waitUntilReady(
  child: ChildProcess,
  port: number,
  password: string,
): Promise<string | undefined> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  while (Date.now() < deadline) {
    if (spawnError) return `Could not run redis-server: ${spawnError.message}`;
    if (hasExited(child)) return `exited with ${child.signalCode ?? `exit code ${child.exitCode}`}`;
    if (await pingRedis(port, 500, password)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `did not answer PING within ${START_TIMEOUT_MS / 1000} s`;
}

/**
 * Starts redis-server (installing it with apt-get when that is routine, see planInstall in apt-install.ts)
 * on a free port on 127.0.0.1 with its data in `dataDir`. The caller must call stop(); the
 * server is also told to stop when this process exits normally.
 */
export async function startLocalRedis(opts: LocalRedisOptions): Promise<RunningService> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => undefined);
  const binary = await redisServerBinary(log);
  // The queues' data on disk is as private as the password that guards the socket.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  clearStalePidFile(path.join(dataDir, 'redis.pid'), 'redis', 'Redis');
  const state = loadOrCreateRedisState(dataDir);
  const { password } = state;
  const port = await choosePort(dataDir, opts.port, state);

  const logFile = path.join(dataDir, 'redis.log');
  // Redis appends to its log on every start; keep one previous generation once it grows.
  if (fileSize(logFile) > 5 * 1024 * 1024) renameSync(logFile, `${logFile}.1`);
  const logOffset = fileSize(logFile);
  const tail = new OutputTail();
  const child = spawn(binary, buildRedisArgs(dataDir, port), {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.ownProcessGroup ?? false,
  });
  // Redis writes to its log file; stdout/stderr only carry errors from before it opens that file.
  const onLine = (line: string): void => {
    if (opts.debug) log(line);
  };
  tail.follow(child.stdout, onLine);
  tail.follow(child.stderr, onLine);
  let ready = false;
  // SIGTERM makes Redis flush the append-only file and exit cleanly.
  const stop = supervise(
    child,
    [
      ['SIGTERM', 15_000],
      ['SIGKILL', 5_000],
    ],
    (exit) => {
      if (!ready) return; // waitUntilReady explains a failed start
      logLinesSince(logFile, logOffset)
        .slice(-10)
        .forEach((line) => log(line));
      opts.onUnexpectedExit?.(`Local Redis stopped unexpectedly (${exit})`);
    },
  );

  const failure = await waitUntilReady(child, port, password);
  if (failure) {
    await stop();
    const lines = [...tail.lines(), ...logLinesSince(logFile, logOffset)];
    lines.forEach((line) => log(line));
    if (lines.some((line) => line.includes('Address already in use'))) {
      throw new ServiceError(`Port ${port} is in use; local Redis cannot listen on it.`);
    }
    const reason = [...lines].reverse().find((line) => /# |error|FATAL/i.test(line));
    throw new ServiceError(
      `Local Redis failed to start (${failure})${reason ? `: ${reason.trim()}` : ''}`,
    );
  }
  ready = true;
  return { url: localRedisUrl(port, password), stop };
}
