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
  CreateProgrammeDto,
  ListProgrammesQuery,
  Permission,
  ProgrammeParams,
  ProgrammeResponse,
  ProgrammesService,
  UpdateProgrammeDto,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../../access/access.decorator';
import { resourceUrl } from '../../http/resource-url';
import { Idempotent } from '../../http/idempotency';
import { listEnvelope } from '../../http/list-envelope';

const LOCATION_HEADER = {
  Location: {
    description: 'The URL of the new programme.',
    schema: { type: 'string', format: 'uri' },
  },
};

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.DirectoryRead)
  @ApiOperation({
    summary: 'List your programmes',
    description:
      'The programmes you are a member of, each with your role; a platform administrator ' +
      'sees all of them, an API token only its own programme. Sorted by name unless asked otherwise.',
  })
  @ApiListResponse(ProgrammeResponse, 'One page of programmes.')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListProgrammesQuery,
    @Req() req: Request,
  ): Promise<ListResponse<ProgrammeResponse>> {
    return listEnvelope(this.config, req, await this.programmes.list(principal, query));
  }

  @Post()
  @Access(Permission.PlatformAdmin)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a programme',
    description:
      'Optionally with a first coordinator (`coordinatorUserId`), made in the same transaction.',
  })
  @ApiCreatedResponse({
    type: ProgrammeResponse,
    description: 'Created.',
    headers: LOCATION_HEADER,
  })
  @ApiConflictResponse({ description: 'PROGRAMME_SLUG_TAKEN: another programme has this slug.' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateProgrammeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgrammeResponse> {
    const programme = await this.programmes.create(principal, body);
    res.location(resourceUrl(this.config, 'programmes', programme.id));
    return programme;
  }

  @Get(':id')
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({ summary: 'Get a programme', description: 'With your role in it.' })
  @ApiOkResponse({ type: ProgrammeResponse, description: 'The programme.' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
  ): Promise<ProgrammeResponse> {
    return this.programmes.get(principal, params.id);
  }

  @Patch(':id')
  @Access(Permission.ProgrammeManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Change a programme',
    description: 'Only the properties sent change; `null` clears a date.',
  })
  @ApiOkResponse({ type: ProgrammeResponse, description: 'The changed programme.' })
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: not a programme of yours.' })
  @ApiConflictResponse({ description: 'PROGRAMME_SLUG_TAKEN: another programme has this slug.' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @Body() body: UpdateProgrammeDto,
  ): Promise<ProgrammeResponse> {
    return this.programmes.update(principal, params.id, body);
  }
}
