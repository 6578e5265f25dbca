import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildRedisArgs,
  loadOrCreateRedisState,
  localRedisUrl,
  redisConfText,
  redisInstallHelp,
} from './local-redis';
import { planInstall } from './apt-install';

describe('buildRedisArgs', () => {
  const args = buildRedisArgs('/srv/data/redis', 56379);
  const option = (name: string): string | undefined => args[args.indexOf(`--${name}`) + 1];

  it('listens on the given port on loopback only, in protected mode', () => {
    expect(option('port')).toBe('56379');
    expect(option('bind')).toBe('127.0.0.1');
    expect(option('protected-mode')).toBe('yes');
  });

  it('keeps BullMQ jobs: append-only file, no snapshots, no eviction', () => {
    expect(option('appendonly')).toBe('yes');
    expect(option('save')).toBe('');
    expect(option('maxmemory-policy')).toBe('noeviction');
  });

  it('stays in the foreground and keeps its files in the data folder', () => {
    expect(option('daemonize')).toBe('no');
    expect(option('dir')).toBe('/srv/data/redis');
    expect(option('logfile')).toBe('/srv/data/redis/redis.log');
    expect(option('pidfile')).toBe('/srv/data/redis/redis.pid');
  });

  it('reads the password from the config file in the data folder, never from the command line', () => {
    expect(args[0]).toBe('/srv/data/redis/local-redis.conf');
    expect(args).not.toContain('--requirepass');
  });

  it('passes every option after the config file with exactly one value', () => {
    const options = args.slice(1);
    expect(options.filter((arg) => arg.startsWith('--'))).toHaveLength(options.length / 2);
    options.forEach((arg, index) => expect(arg.startsWith('--')).toBe(index % 2 === 0));
  });
});

describe('local Redis password', () => {
  let dataDir: string;
  const file = (name: string): string => path.join(dataDir, name);
  const modeOf = (name: string): number => statSync(file(name)).mode & 0o777;
  const stored = (): Record<string, unknown> =>
    JSON.parse(readFileSync(file('local-redis.json'), 'utf8')) as Record<string, unknown>;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'local-redis-spec-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is generated once per data folder and kept in the 0600 state file', () => {
    const { password } = loadOrCreateRedisState(dataDir);
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored()).toEqual({ password });
    expect(modeOf('local-redis.json')).toBe(0o600);
    expect(loadOrCreateRedisState(dataDir).password).toBe(password);
  });

  it('is handed to redis-server in a 0600 config file', () => {
    const { password } = loadOrCreateRedisState(dataDir);
    expect(readFileSync(file('local-redis.conf'), 'utf8')).toContain(`\nrequirepass ${password}\n`);
    expect(modeOf('local-redis.conf')).toBe(0o600);
  });

  it('tightens an older, world-readable state file and keeps its port', () => {
    writeFileSync(file('local-redis.json'), JSON.stringify({ port: 56380 }) + '\n');
    chmodSync(file('local-redis.json'), 0o644);
    const state = loadOrCreateRedisState(dataDir);
    expect(state.port).toBe(56380);
    expect(stored()).toEqual({ port: 56380, password: state.password });
    expect(modeOf('local-redis.json')).toBe(0o600);
  });

  it('replaces a stored password it did not generate', () => {
    writeFileSync(file('local-redis.json'), JSON.stringify({ password: 'short pw' }));
    expect(loadOrCreateRedisState(dataDir).password).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses to write a password that would need quoting', () => {
    expect(() => redisConfText('two words and more than thirty-two characters')).toThrow();
  });

  it('goes into the URL as the default user password', () => {
    const url = new URL(localRedisUrl(56379, 'abc-DEF_123'));
    expect(url.toString()).toBe('redis://:abc-DEF_123@127.0.0.1:56379');
    expect([url.username, url.password, url.port]).toEqual(['', 'abc-DEF_123', '56379']);
  });
});

describe('planInstall', () => {
  it('installs with apt-get as root on Linux when apt-get exists', () => {
    expect(planInstall({ platform: 'linux', uid: 0, hasAptGet: true })).toBe('apt-get');
  });

  it.each([
    ['a normal user on Linux', { platform: 'linux', uid: 1000, hasAptGet: true }],
    ['root without apt-get', { platform: 'linux', uid: 0, hasAptGet: false }],
    ['macOS', { platform: 'darwin', uid: 501, hasAptGet: false }],
    ['Windows', { platform: 'win32', uid: undefined, hasAptGet: false }],
  ] as const)('asks the user to install Redis for %s', (_, host) => {
    expect(planInstall(host)).toBe('ask-user');
  });

  it('tells how to install Redis or use REDIS_URL instead', () => {
    const help = redisInstallHelp();
    expect(help).toContain('apt-get install -y redis-server');
    expect(help).toContain('brew install redis');
    expect(help).toContain('REDIS_URL=');
  });
});
