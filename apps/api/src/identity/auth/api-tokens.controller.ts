import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiListResponse, APP_CONFIG, type AppConfig, PageQueryDto } from '@app/core';
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
import { listEnvelope } from '../../http/list-envelope';

@ApiTags('api tokens')
@Controller('me/api-tokens')
export class ApiTokensController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apiTokens: ApiTokensService,
  ) {}

  @Get()
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'List your API tokens',
    description: 'Newest first, revoked and expired ones included. Never shows a token itself.',
  })
  @ApiListResponse(ApiTokenResponse, 'One page of your API tokens.')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() page: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<ApiTokenResponse>> {
    return listEnvelope(this.config, req, await this.apiTokens.list(principal, page));
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
