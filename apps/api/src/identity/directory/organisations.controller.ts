import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG } from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import {
  CreateOrganisationDto,
  ListOrganisationsQuery,
  OrganisationIdParams,
  OrganisationResponse,
  OrganisationsService,
  Permission,
  UpdateOrganisationDto,
} from '@app/identity';
import { Access } from '../../access/access.decorator';
import { resourceUrl } from '../../http/resource-url';
import { Idempotent } from '../../http/idempotency';
import { listEnvelope } from '../../http/list-envelope';

const LOCATION_HEADER = {
  Location: {
    description: 'The URL of the new organisation.',
    schema: { type: 'string', format: 'uri' },
  },
};

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.DirectoryRead)
  @ApiOperation({
    summary: 'List organisations',
    description: 'Filter by kind, search name and code; sorted by name unless asked otherwise.',
  })
  @ApiListResponse(OrganisationResponse, 'One page of organisations.')
  async list(
    @Query() query: ListOrganisationsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<OrganisationResponse>> {
    return listEnvelope(this.config, req, await this.organisations.list(query));
  }

  @Get(':id')
  @Access(Permission.DirectoryRead)
  @ApiOperation({
    summary: 'Get an organisation',
    description:
      'Any signed-in person may read an organisation: they are named on actions, partners and reports.',
  })
  @ApiOkResponse({ type: OrganisationResponse, description: 'The organisation.' })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND: no such organisation.' })
  get(@Param() params: OrganisationIdParams): Promise<OrganisationResponse> {
    return this.organisations.get(params.id);
  }

  @Post()
  @Access(Permission.PlatformAdmin)
  @Idempotent()
  @ApiOperation({
    summary: 'Create an organisation',
    description:
      'Platform administrators only. The code is unique (409 `ORGANISATION_CODE_TAKEN` otherwise); the kind says what it is (ministry, association, province, …).',
  })
  @ApiCreatedResponse({
    type: OrganisationResponse,
    description: 'Created.',
    headers: LOCATION_HEADER,
  })
  @ApiConflictResponse({ description: 'ORGANISATION_CODE_TAKEN: the code is in use.' })
  async create(
    @Body() body: CreateOrganisationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationResponse> {
    const organisation = await this.organisations.create(body);
    res.location(resourceUrl(this.config, 'organisations', organisation.id));
    return organisation;
  }

  @Patch(':id')
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Change an organisation',
    description: 'Only the properties sent change.',
  })
  @ApiOkResponse({ type: OrganisationResponse, description: 'The changed organisation.' })
  @ApiNotFoundResponse({ description: 'ORGANISATION_NOT_FOUND: no such organisation.' })
  @ApiConflictResponse({ description: 'ORGANISATION_CODE_TAKEN: the code is in use.' })
  update(
    @Param() params: OrganisationIdParams,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.update(params.id, body);
  }
}
