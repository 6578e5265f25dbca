import { loggerParams } from './logger.module';

describe('loggerParams', () => {
  it('mounts the request-logging middleware on every route at any level that writes', () => {
    for (const logLevel of ['info', 'warn', 'fatal'] as const) {
      expect(loggerParams('api', { env: 'production', logLevel }).forRoutes).toBeUndefined();
    }
  });

  it('mounts it nowhere at silent: no request line is ever written', () => {
    const params = loggerParams('api', { env: 'production', logLevel: 'silent' });
    expect(params.forRoutes).toEqual([]);
    expect(params.pinoHttp).toMatchObject({ level: 'silent' });
  });
});
