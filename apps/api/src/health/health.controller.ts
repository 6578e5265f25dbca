import { Controller, Get, HttpCode, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HealthService } from '@app/core';
import { Permission } from '@app/identity';
import { Access } from '../access/access.decorator';
import { buildProblem, sendProblem } from '../http/problem';

/** When a load balancer may ask again; the checks themselves take at most 2 s. */
const NOT_READY_RETRY_AFTER_SECONDS = 5;

/**
 * Probes for load balancers and orchestrators, outside the versioned API (and its document).
 * Liveness says the process serves; readiness says its dependencies answer. Not rate-limited:
 * probes come on the orchestrator's schedule, cost next to nothing, and a refused probe would
 * take a healthy replica out of service.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Access(Permission.Public, { rateLimit: 'exempt' })
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 200 with the checks, or 503 as a problem (RFC 9457) like every other error of the API,
   * with Retry-After and the checks that say which dependency did not answer.
   */
  @Get('ready')
  @Access(Permission.Public, { rateLimit: 'exempt' })
  async ready(@Req() req: Request, @Res() res: Response): Promise<void> {
    const report = await this.health.readiness();
    if (report.status === 'ok') {
      res.status(200).json(report);
      return;
    }
    const down = Object.entries(report.checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => (name === 'database' ? 'PostgreSQL' : 'Redis'));
    const problem = {
      ...buildProblem(
        req,
        503,
        'SERVICE_UNAVAILABLE',
        `Not ready: ${down.join(' and ')} did not answer in time.`,
      ),
      checks: report.checks,
    };
    res.setHeader('Retry-After', String(NOT_READY_RETRY_AFTER_SECONDS));
    sendProblem(res, problem);
  }
}
