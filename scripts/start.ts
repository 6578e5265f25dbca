/**
 * `npm start`: brings up the whole system on a machine with only Node and npm. Starts an
 * embedded PostgreSQL and a local Redis unless DATABASE_URL / REDIS_URL are given, runs the
 * migrations and seeds, then the API and the worker, and stops everything again on Ctrl+C.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  RunningService,
  ServiceError,
  findFreePort,
  isPortFree,
  isPostgresInitialised,
  startEmbeddedPostgres,
  maskUrl,
  startLocalRedis,
} from './services';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags';
import { DEMO_USERS } from '../seeds/demo-users';
import { type LocalMail, startLocalMail } from './services/local-mail';
import { httpOk, sleep } from './services/http-ready';
import { ensureApplicationRoles, LOCAL_ROLE_NAMES, roleOf } from './services/database-roles';
import {
  type DatabasePasswords,
  loadOrCreateDatabasePasswords,
  loadOrCreateSecrets,
  SECRET_NAMES,
} from './services/secrets';
import { hasExited, stopChild, waitForExit } from './services/service-process';
import { startDevIdentityProvider } from './services/dev-identity-provider';
import {
  DEMO_EMAIL_DOMAIN,
  DEV_IDENTITY_PROVIDER_CLIENT_ID,
  DEV_IDENTITY_PROVIDER_ORGANISATIONS,
} from '../seeds/dev-identity-provider.constants';
import { randomBytes } from 'node:crypto';

const startedAt = performance.now();
const root = path.resolve(__dirname, '../..');
// SBT_DATA_DIR: where local servers, secrets and the inbox keep their files (the browser tests
// give each run its own).
const dataRoot = path.resolve(root, process.env.SBT_DATA_DIR ?? '.data');
const debug = ['1', 'true'].includes(process.env.DEBUG_SERVICES ?? '');
const scripts = {
  migrate: path.join(root, 'dist/scripts/migrate.js'),
  api: path.join(root, 'dist/apps/api/src/main.js'),
  worker: path.join(root, 'dist/apps/worker/src/main.js'),
};

const services: Array<{ name: string; service: RunningService }> = [];
const children = new Map<ChildProcess, string>();
let servicesStarting: Promise<unknown> = Promise.resolve();
let shuttingDown = false;
/** Where the development identity provider runs, when it does (for the banner). */
let devProviderUrl: string | undefined;

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const warn = (line: string): void => void process.stderr.write(`${line}\n`);
const relative = (file: string): string => path.relative(process.cwd(), file) || '.';
// A server's last words are worth showing when it fails, not when we are stopping it.
const serviceLog = (name: string) => (line: string) => {
  if (!shuttingDown || debug) warn(`  [${name}] ${line}`);
};

/** Stops the API and worker first, then the servers they use; exits with `code`. */
async function shutdown(code: number, reason?: string): Promise<void> {
  if (shuttingDown) {
    say('Already stopping, please wait...');
    return;
  }
  shuttingDown = true;
  if (reason) (code === 0 ? say : warn)(code === 0 ? reason : `\n✖ ${reason}`);
  await servicesStarting.catch(() => undefined);
  await Promise.all([...children].map(([child, name]) => stopApp(child, name)));
  await Promise.all(
    services.map(({ name, service }) =>
      service.stop().catch((error: Error) => warn(`Could not stop ${name}: ${error.message}`)),
    ),
  );
  process.exit(code);
}

async function stopApp(child: ChildProcess, name: string): Promise<void> {
  child.kill('SIGTERM');
  if (await waitForExit(child, 15_000)) return;
  warn(`${name} did not stop within 15 s; killing it.`);
  await stopChild(child, [['SIGKILL', 5_000]]);
}

function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  flags: readonly string[] = [],
): ChildProcess {
  const child = spawn(process.execPath, [...flags, script], { cwd: root, env, stdio: 'inherit' });
  children.set(child, name);
  child.once('error', (error) => void shutdown(1, `Could not start ${name}: ${error.message}`));
  return child;
}

/** A long-running app: its exit is a failure unless we are stopping. */
function startApp(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  flags: readonly string[] = [],
): ChildProcess {
  const child = spawnNode(name, script, env, flags);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!shuttingDown)
      void shutdown(1, `${name} exited unexpectedly (${signal ?? `exit code ${code}`}).`);
  });
  return child;
}

function runToEnd(name: string, script: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawnNode(name, script, env);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
}

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

/** The apps' connection (the runtime role) and the migrations' (the owner role). */
interface DatabaseUrls {
  databaseUrl: string;
  migrationUrl: string | undefined;
}

async function startDatabase(passwords: DatabasePasswords): Promise<DatabaseUrls> {
  if (process.env.DATABASE_URL) {
    return {
      databaseUrl: process.env.DATABASE_URL,
      migrationUrl: process.env.MIGRATION_DATABASE_URL,
    };
  }
  const dataDir = path.join(dataRoot, 'postgres');
  const first = !isPostgresInitialised(dataDir);
  say(
    `Starting PostgreSQL${first ? ` (first run: creating a cluster in ${relative(dataDir)})` : ''}...`,
  );
  const service = await startEmbeddedPostgres({
    dataDir,
    ownProcessGroup: true,
    debug,
    log: serviceLog('postgres'),
    onUnexpectedExit: (detail) => void shutdown(1, detail),
  });
  services.push({ name: 'PostgreSQL', service });
  // Every start: a cluster or database of an earlier, single-role start is given to the
  // owner role here, and the migrations then grant the runtime role.
  const { ownerUrl, runtimeUrl } = await ensureApplicationRoles(service.url, {
    owner: { name: LOCAL_ROLE_NAMES.owner, password: passwords.DATABASE_OWNER_PASSWORD },
    runtime: { name: LOCAL_ROLE_NAMES.runtime, password: passwords.DATABASE_RUNTIME_PASSWORD },
  }).catch((error: Error) => {
    throw new ServiceError(`Could not set up the database roles: ${error.message}`);
  });
  return { databaseUrl: runtimeUrl, migrationUrl: ownerUrl };
}

async function startRedis(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  say('Starting Redis...');
  const service = await startLocalRedis({
    dataDir: path.join(dataRoot, 'redis'),
    ownProcessGroup: true,
    debug,
    log: serviceLog('redis'),
    onUnexpectedExit: (detail) => void shutdown(1, detail),
  });
  services.push({ name: 'Redis', service });
  return service.url;
}

/** Without SMTP_URL: a local inbox (MailDev), so that a person trying it out sees the e-mails. */
async function startMail(): Promise<LocalMail | undefined> {
  if (process.env.SMTP_URL) return undefined;
  say('Starting the mail inbox...');
  const mail = await startLocalMail({
    binary: path.join(root, 'node_modules/maildev/dist/bin/maildev.js'),
    dataDir: path.join(dataRoot, 'mail'),
    ownProcessGroup: true,
    debug,
    log: serviceLog('mail'),
    onUnexpectedExit: (detail) => void shutdown(1, detail),
  });
  services.push({
    name: 'the mail inbox',
    service: { url: mail.smtpUrl, stop: () => mail.stop() },
  });
  return mail;
}

/** The servers start at once; all settle before anything is stopped, so none is left behind. */
async function startServices(passwords: DatabasePasswords): Promise<{
  database: DatabaseUrls;
  redisUrl: string;
  mail: LocalMail | undefined;
}> {
  const started = Promise.allSettled([startDatabase(passwords), startRedis(), startMail()]);
  servicesStarting = started;
  const [database, redis, mail] = await started;
  if (database.status === 'rejected') throw database.reason;
  if (redis.status === 'rejected') throw redis.reason;
  if (mail.status === 'rejected') throw mail.reason;
  return { database: database.value, redisUrl: redis.value, mail: mail.value };
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

/**
 * Outside production, with the demo users: a development OpenID provider on this machine,
 * one realm per organisation (BZK, VNG, IPO, UvW) with its demo users' accounts, which the
 * seeds register as those organisations' providers (README "Sign in with your organisation").
 * DEV_IDENTITY_PROVIDER=false leaves it out.
 */
async function startDevProvider(publicUrl: string): Promise<NodeJS.ProcessEnv> {
  const off =
    process.env.NODE_ENV === 'production' ||
    ['0', 'false'].includes(process.env.DEV_IDENTITY_PROVIDER ?? '') ||
    ['0', 'false'].includes(process.env.SEED_DEMO_USERS ?? '');
  if (off) return {};
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = await startDevIdentityProvider({
    port: await findFreePort(Number(process.env.DEV_IDENTITY_PROVIDER_PORT ?? 3090)),
    realms: DEV_IDENTITY_PROVIDER_ORGANISATIONS.map((code) => ({
      name: code.toLowerCase(),
      clientId: DEV_IDENTITY_PROVIDER_CLIENT_ID,
      clientSecret,
      redirectUris: [`${publicUrl}/v1/auth/oidc/callback`],
      postLogoutRedirectUris: [`${publicUrl}/aanmelden?afgemeld`],
      accounts: DEMO_USERS.filter((user) => user.organisationCode === code).map((user) => ({
        login: user.email.split('@')[0],
        email: user.email,
        name: user.displayName,
      })),
    })),
  });
  services.push({ name: 'the development identity provider', service: provider });
  devProviderUrl = provider.url;
  return {
    DEV_IDENTITY_PROVIDER_URL: provider.url,
    DEV_IDENTITY_PROVIDER_CLIENT_SECRET: clientSecret,
  };
}

function printBanner(
  publicUrl: string,
  env: NodeJS.ProcessEnv,
  mail: LocalMail | undefined,
  migrationRole: string | undefined,
): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const kept = [
    process.env.DATABASE_URL ? '' : 'PostgreSQL',
    process.env.REDIS_URL ? '' : 'Redis',
    SECRET_NAMES.every((name) => process.env[name]) ? '' : 'secrets',
    process.env.AUDIT_CHECKPOINT_FILE ? '' : 'audit checkpoint',
    process.env.SMTP_URL ? '' : 'e-mail',
  ].filter(Boolean);
  const emailWidth = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const passwordWidth = Math.max(...DEMO_USERS.map((user) => user.password.length));
  say(
    [
      '',
      `Sterk Bestuur Tracker is running (started in ${seconds} s)`,
      '',
      `  Web app       ${publicUrl}/`,
      `  API           ${publicUrl}/v1`,
      `  OpenAPI       ${publicUrl}/v1/openapi.json  (YAML: ${publicUrl}/v1/openapi.yaml)`,
      `  API docs      ${publicUrl}/v1/docs`,
      `  Reports       ${publicUrl}/v1/programmes/{id}/reports/progress?format=pdf  (json, csv, xlsx, html; README "Progress reports")`,
      `  Health        ${publicUrl}/health/ready`,
      `  Database      ${maskUrl(env.DATABASE_URL ?? '')}${migrationRole ? `  (migrations as ${migrationRole})` : ''}`,
      `  Redis         ${maskUrl(env.REDIS_URL ?? '')}`,
      `  E-mail        ${mail ? `${mail.webUrl}  (the local inbox: every e-mail the worker sends)` : maskUrl(env.SMTP_URL ?? '')}`,
      ...(env.CLOCK_TRAVEL === 'true'
        ? [`  Clock travel  PUT ${publicUrl}/v1/system/clock {"now": "…"} as the administrator`]
        : []),
      `  Data          ${kept.length ? `${relative(dataRoot)}/ (${kept.join(', ')})` : 'nothing kept locally'}`,
      '',
      '  Demo log-ins (POST /v1/auth/login; also in README.md, "Demo users"):',
      ...DEMO_USERS.map(
        (user) =>
          `    ${user.email.padEnd(emailWidth)}  ${user.password.padEnd(passwordWidth)}  ${user.role}`,
      ),
      '',
      ...(devProviderUrl
        ? [
            `  Sign in with your organisation: a development identity provider runs at ${devProviderUrl}`,
            `    as BZK's, VNG's, IPO's and UvW's. On ${publicUrl}/aanmelden choose "Inloggen met uw`,
            '    organisatie", pick the organisation, and sign in there with the part of a demo e-mail',
            `    before the @ (e.g. liaison.vng), any password. Only @${DEMO_EMAIL_DOMAIN} demo users.`,
            '',
          ]
        : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
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
    printBanner(publicUrl, env, mail, database.migrationUrl && roleOf(database.migrationUrl).name);
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
