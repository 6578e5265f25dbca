import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, SessionsService } from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';

/** The caller's own sessions. */
@ApiTags('me')
@Controller('me/sessions')
export class MeSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Delete()
  @HttpCode(204)
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Ends every session of yours, on every device, this one included: all refresh tokens ' +
      '(browser cookies too) and their access tokens stop working at once. Each ended ' +
      'session is recorded as a log-out. Your API tokens are not sessions and keep working.',
  })
  @ApiNoContentResponse({ description: 'Signed out everywhere.' })
  async logoutEverywhere(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.logoutEverywhere(principal);
  }
}
