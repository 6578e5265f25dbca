import { ChildProcess, execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

/**
 * An expected failure (port in use, missing program, another instance running). The launcher
 * prints its message alone, without a stack trace.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
}

/** A server this process started; stop() is idempotent and resolves once the server has exited. */
export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** Keeps the last lines of a process's output, to explain a failure without flooding the console. */
export class OutputTail {
  private readonly kept: string[] = [];

  constructor(private readonly size = 40) {}

  follow(stream: Readable | null, onLine?: (line: string) => void): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      this.push(line);
      onLine?.(line);
    });
  }

  push(line: string): void {
    this.kept.push(line);
    if (this.kept.length > this.size) this.kept.shift();
  }

  lines(): string[] {
    return [...this.kept];
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves true when the child exits within `timeoutMs`, false otherwise. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * Sends each signal in turn and waits for the child to exit, escalating when it does not, e.g.
 * `[['SIGINT', 30_000], ['SIGKILL', 5_000]]`. Resolves once the child is gone.
 */
export async function stopChild(
  child: ChildProcess,
  steps: Array<[NodeJS.Signals, number]>,
): Promise<void> {
  for (const [signal, timeoutMs] of steps) {
    if (hasExited(child)) return;
    child.kill(signal);
    if (await waitForExit(child, timeoutMs)) return;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed server whose parent is gone stays a zombie until init reaps it.
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The executable name of a running process, or undefined when it cannot be told. */
export function commandOf(pid: number): string | undefined {
  try {
    if (process.platform === 'linux') return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Deals with a pid file left behind by an earlier run. When its process is gone (or the pid
 * was reused by an unrelated program) the file is removed; when `command` still runs under that
 * pid, another instance owns the data directory and we refuse to start a second one on it.
 */
export function clearStalePidFile(pidFile: string, command: string, what: string): void {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0]?.trim() ?? '', 10);
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const running = commandOf(pid);
    if (running === undefined || running.includes(command)) {
      throw new ServiceError(
        `${what} from an earlier run is still running (pid ${pid}) on ${dirname(pidFile)}. ` +
          `Stop it with \`kill ${pid}\` (or stop the other "npm start"), then try again.`,
      );
    }
  }
  rmSync(pidFile, { force: true });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const stoppers = new Set<() => Promise<void>>();

function stopAllAndDie(signal: NodeJS.Signals): void {
  // Another listener means the host handles this signal and calls stop() itself.
  if (process.listeners(signal).some((listener) => listener !== stopAllAndDie)) return;
  void Promise.all([...stoppers].map((stop) => stop().catch(() => undefined))).then(() => {
    for (const name of SIGNALS) process.off(name, stopAllAndDie);
    process.kill(process.pid, signal);
  });
}

/**
 * For hosts that do not handle signals: without a listener, SIGINT/SIGTERM/SIGHUP kill Node at
 * once, without an 'exit' event, and the server would be orphaned. This listener stops the
 * servers and then lets the signal do its default work. A host with its own listener is left
 * alone. Returns the function that unregisters `stop`.
 */
export function stopOnSignal(stop: () => Promise<void>): () => void {
  if (stoppers.size === 0) for (const name of SIGNALS) process.on(name, stopAllAndDie);
  stoppers.add(stop);
  return () => {
    stoppers.delete(stop);
    if (stoppers.size === 0) for (const name of SIGNALS) process.off(name, stopAllAndDie);
  };
}

/**
 * Ties a server's life to ours: it is stopped (first signal of `steps`) when this process
 * exits or dies of a signal nobody handles. Returns the idempotent stop function;
 * `onUnexpectedExit` hears of an exit that stop() did not cause.
 */
export function supervise(
  child: ChildProcess,
  steps: Array<[NodeJS.Signals, number]>,
  onUnexpectedExit: (exit: string) => void,
): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= stopChild(child, steps));
  const killOnExit = (): void => {
    if (!hasExited(child)) child.kill(steps[0]?.[0]);
  };
  process.on('exit', killOnExit);
  const unregister = stopOnSignal(stop);
  child.once('exit', (code, signal) => {
    process.off('exit', killOnExit);
    unregister();
    if (!stopped) onUnexpectedExit(signal ? `signal ${signal}` : `exit code ${code}`);
  });
  return stop;
}
