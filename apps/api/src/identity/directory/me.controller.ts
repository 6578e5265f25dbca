import { Body, Controller, Get, HttpCode, Ip, Patch, Put } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ChangePasswordDto, MeResponse, MeService, Permission, UpdateMeDto } from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Your account, organisation and programme roles',
    description:
      'Who you are signed in as: the web app reads this first. An API token gets 403 here: it acts inside one programme, never on accounts.',
  })
  @ApiOkResponse({ type: MeResponse, description: 'Your account.' })
  get(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.me.get(principal);
  }

  @Patch()
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Change your display name',
    description: 'Nothing else about your account is yours to change.',
  })
  @ApiOkResponse({ type: MeResponse, description: 'Your changed account.' })
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.me.update(principal, body);
  }

  @Put('password')
  @HttpCode(204)
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Needs your current password. Ends your other sessions; the one you use stays. A wrong ' +
      'current password is a 400 with `currentPassword` in `invalidParams`, and counts as a ' +
      'failed log-in of your account and your address: past the limit, both password ' +
      'changes and log-ins are locked for a while.',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiTooManyRequestsResponse({
    description:
      'PASSWORD_CHANGE_LOCKED: too many wrong passwords for this account or from this address.',
  })
  @ApiServiceUnavailableResponse({
    description:
      'PASSWORD_CHANGE_UNAVAILABLE (the password check cannot be throttled now) or ' +
      'SERVICE_UNAVAILABLE: nothing was changed; try again after `Retry-After` seconds.',
  })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Ip() address: string | undefined,
  ): Promise<void> {
    await this.me.changePassword(principal, body, address);
  }
}
