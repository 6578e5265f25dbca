import { buildRedisArgs, planRedisInstall, redisInstallHelp } from './local-redis';

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

  it('passes every option with exactly one value', () => {
    expect(args.filter((arg) => arg.startsWith('--'))).toHaveLength(args.length / 2);
  });
});

describe('planRedisInstall', () => {
  it('installs with apt-get as root on Linux when apt-get exists', () => {
    expect(planRedisInstall({ platform: 'linux', uid: 0, hasAptGet: true })).toBe('apt-get');
  });

  it.each([
    ['a normal user on Linux', { platform: 'linux', uid: 1000, hasAptGet: true }],
    ['root without apt-get', { platform: 'linux', uid: 0, hasAptGet: false }],
    ['macOS', { platform: 'darwin', uid: 501, hasAptGet: false }],
    ['Windows', { platform: 'win32', uid: undefined, hasAptGet: false }],
  ] as const)('asks the user to install Redis for %s', (_, host) => {
    expect(planRedisInstall(host)).toBe('ask-user');
  });

  it('tells how to install Redis or use REDIS_URL instead', () => {
    const help = redisInstallHelp();
    expect(help).toContain('apt-get install -y redis-server');
    expect(help).toContain('brew install redis');
    expect(help).toContain('REDIS_URL=');
  });
});
