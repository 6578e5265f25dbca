export { findFreePort, isPortFree } from './free-port';
export {
  DEFAULT_DATABASE,
  embeddedPostgresUrl,
  isPostgresInitialised,
  startEmbeddedPostgres,
} from './embedded-postgres';
export type { EmbeddedPostgresOptions } from './embedded-postgres';
export { pingRedis, redisServerBinary, startLocalRedis } from './local-redis';
export type { LocalRedisOptions } from './local-redis';
export { ServiceError } from './service-process';
export type { RunningService } from './service-process';
export { maskUrl } from './mask-url';
