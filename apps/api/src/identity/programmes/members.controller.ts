import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG } from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import {
  AddMemberDto,
  ListMembersQuery,
  MemberParams,
  MemberResponse,
  MembersService,
  Permission,
  ProgrammeParams,
  UpdateMemberDto,
} from '@app/identity';
import { Access } from '../../access/access.decorator';
import { resourceUrl } from '../../http/resource-url';
import { Idempotent } from '../../http/idempotency';
import { listEnvelope } from '../../http/list-envelope';

const LOCATION_HEADER = {
  Location: {
    description: 'The URL of the new membership.',
    schema: { type: 'string', format: 'uri' },
  },
};
const MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND: no such membership in this programme.';
const LAST_COORDINATOR = 'LAST_COORDINATOR: the programme would be left without a coordinator.';

/** Who takes part in a programme, and in which role. */
@ApiTags('programmes')
@Controller('programmes/:id/members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({
    summary: "List a programme's members",
    description: 'With their organisation and role; sorted by name unless asked otherwise.',
  })
  @ApiListResponse(MemberResponse, 'One page of members.')
  async list(
    @Param() params: ProgrammeParams,
    @Query() query: ListMembersQuery,
    @Req() req: Request,
  ): Promise<ListResponse<MemberResponse>> {
    return listEnvelope(this.config, req, await this.members.list(params.id, query));
  }

  @Post()
  @Access(Permission.MembersManage, { programmeParam: 'id' })
  @Idempotent()
  @ApiOperation({
    summary: 'Add a member',
    description:
      'An active user, in one role, named by `userId` or by `email` (one of the two): a ' +
      'coordinator, who may not list users, adds a colleague by their e-mail address.',
  })
  @ApiCreatedResponse({ type: MemberResponse, description: 'Created.', headers: LOCATION_HEADER })
  @ApiConflictResponse({ description: 'MEMBER_EXISTS: the user is a member already.' })
  async add(
    @Param() params: ProgrammeParams,
    @Body() body: AddMemberDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberResponse> {
    const member = await this.members.add(params.id, body);
    res.location(resourceUrl(this.config, 'programmes', params.id, 'members', member.id));
    return member;
  }

  @Get(':membershipId')
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Get a member',
    description: 'One membership of the programme: the person, their organisation and their role.',
  })
  @ApiOkResponse({ type: MemberResponse, description: 'The member.' })
  @ApiNotFoundResponse({ description: MEMBER_NOT_FOUND })
  get(@Param() params: MemberParams): Promise<MemberResponse> {
    return this.members.get(params.id, params.membershipId);
  }

  @Patch(':membershipId')
  @Access(Permission.MembersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "Change a member's role",
    description:
      "Coordinators and platform administrators. The programme's last coordinator cannot be demoted (409).",
  })
  @ApiOkResponse({ type: MemberResponse, description: 'The member in their new role.' })
  @ApiNotFoundResponse({ description: MEMBER_NOT_FOUND })
  @ApiConflictResponse({ description: LAST_COORDINATOR })
  update(@Param() params: MemberParams, @Body() body: UpdateMemberDto): Promise<MemberResponse> {
    return this.members.changeRole(params.id, params.membershipId, body);
  }

  @Delete(':membershipId')
  @HttpCode(204)
  @Access(Permission.MembersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Remove a member',
    description:
      "Coordinators and platform administrators. The programme's last coordinator cannot be removed (409); the person's API tokens for the programme stop working with it.",
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: MEMBER_NOT_FOUND })
  @ApiConflictResponse({ description: LAST_COORDINATOR })
  async remove(@Param() params: MemberParams): Promise<void> {
    await this.members.remove(params.id, params.membershipId);
  }
}
