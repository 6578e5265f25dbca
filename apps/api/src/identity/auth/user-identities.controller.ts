import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  Permission,
  UserIdentitiesResponse,
  UserIdentitiesService,
  UserIdentityParams,
  UserIdParams,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';

/**
 * The accounts at organisations' providers that people sign in with (issue 20): one's own,
 * and anyone's for platform administrators, who remove a link when the account at the
 * provider changed, so that the next sign-in links afresh.
 */
@ApiTags('authentication')
@Controller()
export class UserIdentitiesController {
  constructor(private readonly identities: UserIdentitiesService) {}

  @Get('me/identities')
  @Access(Permission.Self)
  @ApiOperation({
    summary: "Your accounts at your organisation's provider",
    description: 'The links made when you first signed in through it (or linked it yourself).',
  })
  @ApiOkResponse({ type: UserIdentitiesResponse })
  async mine(@CurrentPrincipal() principal: Principal): Promise<UserIdentitiesResponse> {
    return { items: await this.identities.list(principal.userId) };
  }

  @Get('users/:id/identities')
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: "A user's accounts at organisations' providers",
    description:
      "Platform administrators: the links made when the person first signed in through their organisation's provider (or linked it themselves).",
  })
  @ApiOkResponse({ type: UserIdentitiesResponse })
  async list(@Param() params: UserIdParams): Promise<UserIdentitiesResponse> {
    return { items: await this.identities.list(params.id) };
  }

  @Delete('users/:id/identities/:identityId')
  @HttpCode(204)
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: "Remove a user's link to an account at a provider",
    description:
      'The next sign-in through that provider links afresh (by verified e-mail address, or ' +
      'the person links it themselves). Their sessions stay; deactivate the user to end them.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'USER_IDENTITY_NOT_FOUND: no such link of this user.' })
  async remove(@Param() params: UserIdentityParams): Promise<void> {
    await this.identities.remove(params.id, params.identityId);
  }
}
