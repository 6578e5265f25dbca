import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
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
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG } from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import { Permission } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  ATTRIBUTES_OF_KIND,
  CommitmentIdParams,
  CommitmentResponse,
  CommitmentsService,
  CreateCommitmentDto,
  formatEtag,
  ListCommitmentsQuery,
  UpdateCommitmentDto,
} from '@app/tracking';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { resourceUrl } from '../http/resource-url';
import { versionDocs } from '../http/version-docs';
import { Idempotent } from '../http/idempotency';
import { withCommitmentLinks } from '../http/links';
import { listEnvelope } from '../http/list-envelope';

const VERSION = versionDocs('commitment');
const ETAG = VERSION.etag;
const IF_MATCH = VERSION.ifMatch;
const NOT_FOUND = 'COMMITMENT_NOT_FOUND: no such commitment in your programmes.';
const STALE = VERSION.stale;
const PRECONDITION_REQUIRED = VERSION.preconditionRequired;
const INVALID =
  'VALIDATION_FAILED: `invalidParams` names every problem (attributes of another kind, an ' +
  'unknown organisation at `parties[i]`, …). INVALID_LINEAGE: only the lineage is wrong (it ' +
  'names this commitment, a commitment outside the programme, or closes a cycle).';

/** Commitments (DESIGN §1): what the government layers agreed, and where it is recorded. */
@ApiTags('commitments')
@ApiExtraModels(...Object.values(ATTRIBUTES_OF_KIND))
@Controller('commitments')
export class CommitmentsController {
  constructor(
    private readonly commitments: CommitmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'List commitments',
    description:
      'The commitments of your programmes (a platform administrator: all; an API token: its ' +
      'programme), newest first unless asked otherwise. Every filter given must hold.',
  })
  @ApiListResponse(CommitmentResponse, 'One page of commitments.')
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: `programme` is not one of yours.' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListCommitmentsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<CommitmentResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.commitments.list(principal, query),
      (commitment) => withCommitmentLinks(this.config, commitment),
    );
  }

  @Post()
  @Access(Permission.CommitmentsManage)
  @Idempotent()
  @ApiOperation({
    summary: 'Record a commitment',
    description:
      'In the programme `programmeId` names, by its coordinators and editors. `attributes` ' +
      'are those of the `kind`, which cannot change later.',
  })
  @ApiCreatedResponse({
    type: CommitmentResponse,
    description: 'Created.',
    headers: {
      ...ETAG,
      Location: { description: 'The new commitment.', schema: { type: 'string', format: 'uri' } },
    },
  })
  @ApiResponse({ status: 400, description: INVALID })
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: the programme is not one of yours.' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCommitmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommitmentResponse> {
    const commitment = await this.commitments.create(principal, body);
    res.location(resourceUrl(this.config, 'commitments', commitment.id));
    res.setHeader('ETag', formatEtag(commitment.version));
    return withCommitmentLinks(this.config, commitment);
  }

  @Get(':id')
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'Get a commitment',
    description:
      'The commitment with its kind-specific fields, sources and lineage; `ETag` is its version, for `If-Match` on a change.',
  })
  @ApiOkResponse({ type: CommitmentResponse, description: 'The commitment.', headers: ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommitmentIdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommitmentResponse> {
    const commitment = await this.commitments.get(principal, params.id);
    res.setHeader('ETag', formatEtag(commitment.version));
    return withCommitmentLinks(this.config, commitment);
  }

  @Patch(':id')
  @Access(Permission.CommitmentsManage)
  @ApiOperation({
    summary: 'Change a commitment',
    description:
      'Only the properties sent change; `attributes`, `parties`, `references` and `lineage` ' +
      'are replaced as a whole when sent. `kind` cannot change (400 naming `kind`): record a ' +
      'new commitment that amends this one instead. Rights are checked before If-Match.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CommitmentResponse, description: 'Changed.', headers: ETAG })
  @ApiResponse({ status: 400, description: INVALID })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiPreconditionFailedResponse({ description: STALE })
  @ApiResponse(PRECONDITION_REQUIRED)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommitmentIdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCommitmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommitmentResponse> {
    const commitment = await this.commitments.update(principal, params.id, ifMatch, body);
    res.setHeader('ETag', formatEtag(commitment.version));
    return withCommitmentLinks(this.config, commitment);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access(Permission.CommitmentsManage)
  @ApiOperation({
    summary: 'Delete a commitment',
    description:
      'With its parties and references. One that actions carry out or later commitments ' +
      'build on stays: 409 COMMITMENT_IN_USE.',
  })
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'COMMITMENT_IN_USE: actions or later commitments refer to it.',
  })
  @ApiPreconditionFailedResponse({ description: STALE })
  @ApiResponse(PRECONDITION_REQUIRED)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommitmentIdParams,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.commitments.remove(principal, params.id, ifMatch);
  }
}
