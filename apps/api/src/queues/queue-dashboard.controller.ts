import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { AccessTokens, Permission, type Principal, QUEUE_DASHBOARD_AUDIENCE } from '@app/identity';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { isLocalDevelopment } from '../identity/auth/refresh-cookie';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  QUEUE_DASHBOARD_TICKET_SECONDS,
} from './queue-dashboard';

/**
 * Opens the queue dashboard (a page of its own, at /v1/admin/queues) for a platform
 * administrator. A page cannot send the bearer token the web app keeps in memory; the ticket
 * goes in a cookie instead: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), sent only to the dashboard's path, a quarter of an hour, and bound to the
 * person's session (signing out ends it).
 */
@ApiTags('system')
@Controller('admin/queue-dashboard')
export class QueueDashboardController {
  private readonly secure: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: AccessTokens,
  ) {
    this.secure = !isLocalDevelopment(config.http.publicUrl);
  }

  @Post('sessions')
  @HttpCode(204)
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Open the queue dashboard',
    description:
      'Platform administrators: sets a short-lived cookie with which the browser may open the ' +
      `queue dashboard at ${QUEUE_DASHBOARD_PATH}/ (read-only unless QUEUE_DASHBOARD_WRITE=true).`,
  })
  @ApiNoContentResponse({
    description: 'The cookie is set.',
    headers: {
      'Set-Cookie': {
        description:
          `\`${QUEUE_DASHBOARD_COOKIE}=<ticket>; Path=${QUEUE_DASHBOARD_PATH}; ` +
          `Max-Age=${QUEUE_DASHBOARD_TICKET_SECONDS}; HttpOnly; SameSite=Strict; Secure\` ` +
          '(not `Secure` when PUBLIC_URL is plain http on localhost).',
        schema: { type: 'string' },
      },
    },
  })
  open(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): void {
    const ticket = this.tokens.signTicket(
      principal,
      QUEUE_DASHBOARD_AUDIENCE,
      QUEUE_DASHBOARD_TICKET_SECONDS,
    );
    res.cookie(QUEUE_DASHBOARD_COOKIE, ticket, {
      httpOnly: true,
      sameSite: 'strict',
      path: QUEUE_DASHBOARD_PATH,
      secure: this.secure,
      maxAge: QUEUE_DASHBOARD_TICKET_SECONDS * 1000,
    });
  }
}
