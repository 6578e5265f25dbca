import { Body, Controller, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePasswordDto, MeResponse, MeService, Permission, UpdateMeDto } from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Access(Permission.Self)
  @ApiOperation({ summary: 'Your account, organisation and programme roles' })
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
      'current password is a 400 with `currentPassword` in `invalidParams`.',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.me.changePassword(principal, body);
  }
}
