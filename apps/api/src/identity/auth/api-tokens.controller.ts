import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiListResponse, PageQueryDto } from '@app/core';
import type { ListResponse } from '@app/core';
import {
  ApiTokenIdParams,
  ApiTokenResponse,
  ApiTokensService,
  CreateApiTokenDto,
  CreatedApiTokenResponse,
  Permission,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';
import { Idempotent } from '../../http/idempotency';

@ApiTags('api tokens')
@Controller('me/api-tokens')
export class ApiTokensController {
  constructor(private readonly apiTokens: ApiTokensService) {}

  @Get()
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'List your API tokens',
    description: 'Newest first, revoked and expired ones included. Never shows a token itself.',
  })
  @ApiListResponse(ApiTokenResponse, 'One page of your API tokens.')
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() page: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<ApiTokenResponse>> {
    return this.apiTokens.list(principal, page, req.originalUrl);
  }

  @Post()
  @HttpCode(201)
  @Access(Permission.Self)
  @Idempotent({ omit: ['token'] })
  @ApiOperation({
    summary: 'Create an API token for an integration',
    description:
      'Scoped to one programme of yours, `read` or `write`, optionally expiring. The token ' +
      'is in this answer only: it is stored hashed. It can never do more than you may.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenResponse, description: 'The token, shown once.' })
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: not a programme of yours.' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenResponse> {
    return this.apiTokens.create(principal, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Revoke one of your API tokens',
    description: 'It stops working at once. Revoking a revoked token changes nothing.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: 'API_TOKEN_NOT_FOUND: no such token of yours.' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApiTokenIdParams,
  ): Promise<void> {
    await this.apiTokens.revoke(principal, params.id);
  }
}
