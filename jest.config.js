// Jest runs on the Node 24 binary from the `node` devDependency (see README, "Runtime").
// NestJS 12 ships ESM only; Jest loads it through --experimental-vm-modules (set in the npm scripts).
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@app/([a-z-]+)(|/.*)$': '<rootDir>/libs/$1/src$2' },
};

/** @type {import('jest').Config} */
module.exports = {
  // Per-test limit; end-to-end tests wait on real services (a project-level value is ignored).
  testTimeout: 60000,
  // One file at a time: end-to-end files share the run's database, and a worker started by
  // one file relays any pending outbox event, including another file's.
  maxWorkers: 1,
  // ... in one worker process, replaced when a file leaves it holding more than this. Run in
  // the main process instead, the suite's heap grew file by file until it ran out of its 4 GB
  // after about 720 s (the fresh-clone run of 2026-12-06, at ~140 files).
  workerIdleMemoryLimit: '1GB',
  // A safety net, not a fix: now and then a run leaves a timer behind (seen twice in ~20 runs,
  // no socket open; a worker whose Redis hung kept reconnecting until fixed in 0954132). The
  // global teardown prints what is still active, for whoever hunts the rest; CI must not hang.
  forceExit: true,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts,seeds,migrations,bench}/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
