import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
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
  CreateUserDto,
  ListUsersQuery,
  Permission,
  SetPasswordDto,
  UpdateUserDto,
  UserIdParams,
  UserResponse,
  UsersService,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';
import { resourceUrl } from '../../http/resource-url';
import { Idempotent } from '../../http/idempotency';
import { listEnvelope } from '../../http/list-envelope';

const NOT_FOUND = { description: 'USER_NOT_FOUND: no such user.' };

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'List users',
    description: 'Filter by organisation and active flag, search e-mail and display name.',
  })
  @ApiListResponse(UserResponse, 'One page of users.')
  async list(
    @Query() query: ListUsersQuery,
    @Req() req: Request,
  ): Promise<ListResponse<UserResponse>> {
    return listEnvelope(this.config, req, await this.users.list(query));
  }

  @Get(':id')
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Get a user',
    description:
      'Platform administrators only: the account with its organisation, status and programme roles. Never a password or its hash.',
  })
  @ApiOkResponse({ type: UserResponse, description: 'The user.' })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param() params: UserIdParams): Promise<UserResponse> {
    return this.users.get(params.id);
  }

  @Post()
  @Access(Permission.PlatformAdmin)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a user',
    description:
      'With an initial password, or without one (the user cannot sign in until one is set).',
  })
  @ApiCreatedResponse({
    type: UserResponse,
    description: 'Created.',
    headers: {
      Location: {
        description: 'The URL of the new user.',
        schema: { type: 'string', format: 'uri' },
      },
    },
  })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: another user has this e-mail address.' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateUserDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    const user = await this.users.create(principal, body);
    res.location(resourceUrl(this.config, 'users', user.id));
    return user;
  }

  @Patch(':id')
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Change a user',
    description:
      'Only the properties sent change. Deactivating revokes all of the user’s sessions and ' +
      'API tokens at once. Administrators cannot deactivate or demote themselves.',
  })
  @ApiOkResponse({ type: UserResponse, description: 'The changed user.' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description: 'SELF_LOCKOUT: you cannot deactivate or demote yourself.',
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserIdParams,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.users.update(principal, params.id, body);
  }

  @Put(':id/password')
  @HttpCode(204)
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Set a user’s password',
    description: 'An initial password or a reset. Ends the user’s sessions.',
  })
  @ApiNoContentResponse({ description: 'Set.' })
  @ApiNotFoundResponse(NOT_FOUND)
  async setPassword(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserIdParams,
    @Body() body: SetPasswordDto,
  ): Promise<void> {
    await this.users.setPassword(principal, params.id, body);
  }
}
