/**
 * The servers and apps `npm start` (scripts/start.ts) runs: PostgreSQL, Redis, the mail inbox
 * and the development identity provider, the API, the worker and the migrations as child
 * processes; and stopping them all again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import {
  RunningService,
  ServiceError,
  findFreePort,
  isPostgresInitialised,
  startEmbeddedPostgres,
  startLocalRedis,
} from './services';
import { DEMO_USERS } from '../seeds/demo-users';
import { type LocalMail, startLocalMail } from './services/local-mail';
import { ensureApplicationRoles, LOCAL_ROLE_NAMES } from './services/database-roles';
import type { DatabasePasswords } from './services/secrets';
import { stopChild, waitForExit } from './services/service-process';
import { startDevIdentityProvider } from './services/dev-identity-provider';
import {
  DEV_IDENTITY_PROVIDER_CLIENT_ID,
  DEV_IDENTITY_PROVIDER_ORGANISATIONS,
} from '../seeds/dev-identity-provider.constants';
import { randomBytes } from 'node:crypto';

export const root = path.resolve(__dirname, '../..');
// SBT_DATA_DIR: where local servers, secrets and the inbox keep their files (the browser tests
// give each run its own).
export const dataRoot = path.resolve(root, process.env.SBT_DATA_DIR ?? '.data');
const debug = ['1', 'true'].includes(process.env.DEBUG_SERVICES ?? '');

const services: Array<{ name: string; service: RunningService }> = [];
export const children = new Map<ChildProcess, string>();
let servicesStarting: Promise<unknown> = Promise.resolve();
export let shuttingDown = false;
/** Where the development identity provider runs, when it does (for the banner). */
export let devProviderUrl: string | undefined;

export const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const warn = (line: string): void => void process.stderr.write(`${line}\n`);
export const relative = (file: string): string => path.relative(process.cwd(), file) || '.';
// A server's last words are worth showing when it fails, not when we are stopping it.
const serviceLog = (name: string) => (line: string) => {
  if (!shuttingDown || debug) warn(`  [${name}] ${line}`);
};

/** Stops the API and worker first, then the servers they use; exits with `code`. */
export async function shutdown(code: number, reason?: string): Promise<void> {
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
export function startApp(
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

export function runToEnd(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<number | null> {
  const child = spawnNode(name, script, env);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
}

/** The apps' connection (the runtime role) and the migrations' (the owner role). */
export interface DatabaseUrls {
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
export async function startServices(passwords: DatabasePasswords): Promise<{
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

/**
 * Outside production, with the demo users: a development OpenID provider on this machine,
 * one realm per organisation (BZK, VNG, IPO, UvW) with its demo users' accounts, which the
 * seeds register as those organisations' providers (README "Sign in with your organisation").
 * DEV_IDENTITY_PROVIDER=false leaves it out.
 */
export async function startDevProvider(publicUrl: string): Promise<NodeJS.ProcessEnv> {
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
