import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { APP_CONFIG, within } from '@app/core';
import type { AppConfig } from '@app/core';

/**
 * Graceful but bounded shutdown: stop accepting connections, let in-flight requests finish,
 * and after SHUTDOWN_TIMEOUT_MS cut the ones still running, so that a stuck request (or a
 * client holding a connection open) cannot keep a replica from stopping. Runs before the
 * database and Redis connections close.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (!(await within(closed, this.config.http.shutdownTimeoutMs))) {
      this.logger.warn(
        `requests still running after ${this.config.http.shutdownTimeoutMs} ms; closing them`,
      );
      server.closeAllConnections();
    }
  }
}
