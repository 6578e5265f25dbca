/**
 * `npm start`: brings up the whole system on a machine with only Node and npm. Starts an
 * embedded PostgreSQL and a local Redis unless DATABASE_URL / REDIS_URL are given, runs the
 * migrations and seeds, then the API and the worker, and stops everything again on Ctrl+C.
 */
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ServiceError, findFreePort, isPortFree } from './services';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags';
import { httpOk, sleep } from './services/http-ready';
import { roleOf } from './services/database-roles';
import { loadOrCreateDatabasePasswords, loadOrCreateSecrets } from './services/secrets';
import { hasExited } from './services/service-process';
import { printBanner } from './start-banner';
import {
  children,
  dataRoot,
  relative,
  root,
  runToEnd,
  say,
  shutdown,
  shuttingDown,
  startApp,
  startDevProvider,
  startServices,
} from './start-services';

const startedAt = performance.now();
const scripts = {
  migrate: path.join(root, 'dist/scripts/migrate.js'),
  api: path.join(root, 'dist/apps/api/src/main.js'),
  worker: path.join(root, 'dist/apps/worker/src/main.js'),
};

async function chooseApiPort(): Promise<number> {
  const fromEnv = process.env.PORT;
  if (fromEnv) {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new ServiceError(`PORT=${fromEnv} is not a port number (1-65535).`);
    }
    if (!(await isPortFree(port))) {
      throw new ServiceError(
        `Port ${port} (from PORT) is in use. Free it or choose another, e.g. PORT=3001 npm start.`,
      );
    }
    return port;
  }
  const port = await findFreePort(3000);
  if (port !== 3000)
    say(`Port 3000 is in use; the API listens on port ${port} instead (set PORT to choose).`);
  return port;
}

/** The worker has no HTTP server: it is ready once it writes its heartbeat file. */
async function waitUntilWorkerReady(worker: ChildProcess, healthFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!shuttingDown && !hasExited(worker)) {
    if (existsSync(healthFile) && statSync(healthFile).mtimeMs >= Date.now() - 30_000) return;
    if (Date.now() > deadline)
      throw new ServiceError(
        `The worker was not ready within 60 s (no heartbeat in ${healthFile}).`,
      );
    await sleep(250);
  }
}

async function waitUntilReady(api: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!shuttingDown && !hasExited(api)) {
    if (await httpOk(url)) return;
    if (Date.now() > deadline)
      throw new ServiceError(`The API was not ready within 60 s (GET ${url}).`);
    await sleep(250);
  }
}

async function main(): Promise<void> {
  const missing = Object.values(scripts).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new ServiceError(
      `Not built: ${missing.map(relative).join(', ')}. Run "npm run build" first.`,
    );
  }
  mkdirSync(dataRoot, { recursive: true });
  const port = await chooseApiPort();
  const secretsFile = path.join(dataRoot, 'secrets.json');
  const secrets = loadOrCreateSecrets(secretsFile, process.env);
  const passwords = loadOrCreateDatabasePasswords(secretsFile);
  const { database, redisUrl, mail } = await startServices(passwords);
  if (shuttingDown) return;

  const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const workerHealthFile = process.env.WORKER_HEALTH_FILE ?? path.join(dataRoot, 'worker.health');
  rmSync(workerHealthFile, { force: true });
  // The apps connect as the runtime role and never hold the owner's credentials: the
  // migrations ran before they start.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MIGRATION_DATABASE_URL: undefined,
    ...secrets,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: database.databaseUrl,
    MIGRATIONS_RUN: process.env.MIGRATIONS_RUN ?? 'false',
    REDIS_URL: redisUrl,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    WORKER_HEALTH_FILE: workerHealthFile,
    AUDIT_CHECKPOINT_FILE:
      process.env.AUDIT_CHECKPOINT_FILE ?? path.join(dataRoot, 'audit-checkpoint.json'),
    ...(mail && { SMTP_URL: mail.smtpUrl }),
    // Trying reminders out means moving the clock (README "Reminders"); never in production.
    CLOCK_TRAVEL:
      process.env.CLOCK_TRAVEL ?? (process.env.NODE_ENV === 'production' ? 'false' : 'true'),
    // Trying webhooks out means a receiver on this machine (README "Webhooks"); not in production.
    ...(process.env.NODE_ENV !== 'production' && {
      WEBHOOK_ALLOW_HTTP: process.env.WEBHOOK_ALLOW_HTTP ?? 'true',
      WEBHOOK_ALLOWED_NETWORKS: process.env.WEBHOOK_ALLOWED_NETWORKS ?? '127.0.0.0/8,::1/128',
    }),
  };

  const devProvider = await startDevProvider(publicUrl);
  if (shuttingDown) return;
  say('Running migrations and loading demo data...');
  const migrated = await runToEnd('Migrations', scripts.migrate, {
    ...env,
    ...devProvider,
    ...(database.migrationUrl && { MIGRATION_DATABASE_URL: database.migrationUrl }),
  });
  if (shuttingDown) return;
  if (migrated !== 0) {
    return shutdown(1, `Migrations or seeds failed (exit code ${migrated}); see the output above.`);
  }

  say('Starting the API and the worker...');
  const api = startApp('API', scripts.api, env);
  // Both on one host: the worker's metrics server takes the port after the API's.
  const workerEnv =
    env.METRICS_PORT && env.METRICS_PORT !== '0'
      ? { ...env, METRICS_PORT: String(Number(env.METRICS_PORT) + 1) }
      : env;
  const worker = startApp('Worker', scripts.worker, workerEnv, WORKER_NODE_FLAGS);
  await Promise.all([
    waitUntilReady(api, `http://127.0.0.1:${port}/health/ready`),
    waitUntilWorkerReady(worker, workerHealthFile),
  ]);
  if (!shuttingDown) {
    printBanner(
      startedAt,
      publicUrl,
      env,
      mail,
      database.migrationUrl && roleOf(database.migrationUrl).name,
    );
  }
}

// A closed terminal must not turn a log line into an uncaught EIO/EPIPE that skips the shutdown.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, `\nReceived ${signal}, stopping...`));
}
// `npm start` is our parent: if it dies without passing its signal on, stop rather than
// leave the servers running as orphans.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0, 'The parent process has gone; stopping...');
}, 1_000).unref();
// Last resort if the launcher itself crashes: the services stop themselves on 'exit'.
process.on('exit', () => {
  for (const child of children.keys()) if (!hasExited(child)) child.kill('SIGTERM');
});

main().catch((error: unknown) => {
  if (shuttingDown) return; // a start step failed because we are stopping it
  const message =
    error instanceof ServiceError ? error.message : ((error as Error).stack ?? String(error));
  void shutdown(1, message);
});
