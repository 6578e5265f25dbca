import { ChildProcess, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
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
const START_TIMEOUT_MS = 30_000;

/**
 * The server's command line. BullMQ needs `noeviction`; the append-only file (and no RDB
 * snapshots) keeps delayed jobs across restarts, even after a kill -9.
 */
export function buildRedisArgs(dataDir: string, port: number): string[] {
  // prettier-ignore
  return [
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

export type RedisInstallPlan = 'apt-get' | 'ask-user';

/** Installing software unasked is only acceptable where it is routine: as root on a Debian-like Linux. */
export function planRedisInstall(host: {
  platform: NodeJS.Platform;
  uid: number | undefined;
  hasAptGet: boolean;
}): RedisInstallPlan {
  return host.platform === 'linux' && host.uid === 0 && host.hasAptGet ? 'apt-get' : 'ask-user';
}

export function redisInstallHelp(): string {
  return [
    'Redis is needed, but redis-server was not found on the PATH. Install it:',
    '  Debian/Ubuntu:    sudo apt-get update && sudo apt-get install -y redis-server',
    '  macOS (Homebrew): brew install redis',
    'or set REDIS_URL to a Redis you run yourself, e.g. REDIS_URL=redis://127.0.0.1:6379',
  ].join('\n');
}

export function findOnPath(
  command: string,
  pathVariable = process.env.PATH ?? '',
): string | undefined {
  for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', () => resolve(null));
    child.once('exit', (code) => resolve(code));
  });
}

async function redisServerBinary(log: (line: string) => void): Promise<string> {
  const found = findOnPath('redis-server');
  if (found) return found;
  const plan = planRedisInstall({
    platform: process.platform,
    uid: process.getuid?.(),
    hasAptGet: findOnPath('apt-get') !== undefined,
  });
  if (plan === 'ask-user') throw new ServiceError(redisInstallHelp());

  log('redis-server is not installed; installing it with apt-get (one time only)...');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
    const code = await run('apt-get', args);
    if (code !== 0) {
      throw new ServiceError(
        `"apt-get ${args.join(' ')}" failed (exit code ${code}).\n${redisInstallHelp()}`,
      );
    }
  }
  const installed = findOnPath(
    'redis-server',
    `${process.env.PATH ?? ''}${path.delimiter}/usr/bin`,
  );
  if (!installed)
    throw new ServiceError(
      `apt-get installed Redis, but redis-server is still not found.\n${redisInstallHelp()}`,
    );
  return installed;
}

/** Sends PING over a plain socket; true when the server answers +PONG (not -LOADING). */
export function pingRedis(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

async function choosePort(dataDir: string, requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    assertPort(requested);
    if (!(await isPortFree(requested))) {
      throw new ServiceError(`Port ${requested} is in use; local Redis cannot listen on it.`);
    }
    return requested;
  }
  let remembered: number | undefined;
  try {
    remembered = (
      JSON.parse(readFileSync(path.join(dataDir, STATE_FILE), 'utf8')) as { port?: number }
    ).port;
  } catch {
    remembered = undefined;
  }
  const port = await findFreePort(remembered ?? DEFAULT_PORT);
  if (port !== remembered)
    writeFileSync(path.join(dataDir, STATE_FILE), JSON.stringify({ port }) + '\n');
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

async function waitUntilReady(child: ChildProcess, port: number): Promise<string | undefined> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  while (Date.now() < deadline) {
    if (spawnError) return `Could not run redis-server: ${spawnError.message}`;
    if (hasExited(child)) return `exited with ${child.signalCode ?? `exit code ${child.exitCode}`}`;
    if (await pingRedis(port, 500)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `did not answer PING within ${START_TIMEOUT_MS / 1000} s`;
}

/**
 * Starts redis-server (installing it with apt-get when that is routine, see planRedisInstall)
 * on a free port on 127.0.0.1 with its data in `dataDir`. The caller must call stop(); the
 * server is also told to stop when this process exits normally.
 */
export async function startLocalRedis(opts: LocalRedisOptions): Promise<RunningService> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => undefined);
  const binary = await redisServerBinary(log);
  mkdirSync(dataDir, { recursive: true });
  clearStalePidFile(path.join(dataDir, 'redis.pid'), 'redis', 'Redis');
  const port = await choosePort(dataDir, opts.port);

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

  const failure = await waitUntilReady(child, port);
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
  return { url: `redis://127.0.0.1:${port}`, stop };
}
