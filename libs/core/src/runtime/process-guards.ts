import type { EventEmitter } from 'node:events';
import { loggableError } from '../logging/logger.module';

/** Where the guards write: the app's logger (pino through Nest) in the apps. */
export interface GuardLogger {
  error(message: unknown, context?: string): void;
  fatal?(message: unknown, context?: string): void;
}

/**
 * The last line of an app's defence (api and worker `main.ts`):
 *
 * - A promise rejection nobody handled is logged and the process carries on. It is work
 *   started in the background that failed (during an outage most likely), its effects are in
 *   PostgreSQL or retried by a job, and Node's default (exit) would drop every request and job
 *   in hand for it.
 * - An exception thrown out of synchronous code is logged and the process exits (1): it
 *   stopped half-way through something, and a process in an unknown state should be
 *   replaced (the orchestrator restarts it; docker-compose's `restart: unless-stopped`).
 *
 * Neither is how outages are meant to be handled: every pg and Redis client has its own
 * 'error' listener (data-source-options, RedisConnections), so a lost connection is a
 * logged, replaced connection, not one of these.
 */
export function installProcessGuards(
  logger: GuardLogger,
  target: EventEmitter = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  target.on('unhandledRejection', (reason: unknown) => {
    logger.error(
      { event: 'unhandled_rejection', error: loggableError(reason) },
      'a promise was rejected and nobody handled it; carrying on',
    );
  });
  target.on('uncaughtException', (error: unknown) => {
    (logger.fatal ?? logger.error).call(
      logger,
      { event: 'uncaught_exception', error: loggableError(error) },
      'an exception escaped; exiting so that the process is replaced',
    );
    exit(1);
  });
}
