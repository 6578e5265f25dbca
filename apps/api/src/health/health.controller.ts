import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService, ReadinessReport } from '@app/core';
import { Permission } from '@app/identity';
import { Access } from '../access/access.decorator';

/**
 * Probes for load balancers and orchestrators, outside the versioned API (and its document).
 * Liveness says the process serves; readiness says its dependencies answer.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Access(Permission.Public)
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Access(Permission.Public)
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
