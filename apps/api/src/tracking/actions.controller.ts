import {
  Body,
  Controller,
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
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG, PageQueryDto } from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import { Permission, programmeScope } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  ActionParams,
  ActionResponse,
  ActionsService,
  CreateActionDto,
  CreateProgressUpdateDto,
  formatEtag,
  ListActionsQuery,
  ProgressUpdateResponse,
  UpdateActionDto,
} from '@app/tracking';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { versionDocs } from '../http/version-docs';
import { resourceUrl } from '../http/resource-url';
import { Idempotent } from '../http/idempotency';
import { withActionLinks } from '../http/links';
import { listEnvelope } from '../http/list-envelope';

const VERSION = versionDocs('action');
const ETAG = VERSION.etag;
const NOT_FOUND = 'ACTION_NOT_FOUND: no such action in your programmes.';
const IF_MATCH = VERSION.ifMatch;
const PRECONDITION_REQUIRED = VERSION.preconditionRequired;
const STALE = VERSION.stale;

@ApiTags('actions')
@Controller('actions')
export class ActionsController {
  constructor(
    private readonly actions: ActionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'List actions',
    description:
      'The actions of your programmes (a platform administrator: all), sorted by deadline ' +
      'unless asked otherwise. `overdue` is computed against today in Europe/Amsterdam. ' +
      '"My actions": `ownerUser=me`; "changed since my last visit": ' +
      '`updatedSince=<previousLoginAt of GET /me>`.',
  })
  @ApiListResponse(ActionResponse, 'One page of actions.')
  @ApiNotFoundResponse({ description: 'NOT_FOUND: the `programme` is not one of yours.' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListActionsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<ActionResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.actions.list(
        principal,
        programmeScope(principal, Permission.TrackingRead, query.programme),
        query,
      ),
      (action) => withActionLinks(this.config, action),
    );
  }

  @Post()
  @Access(Permission.ActionsCreate)
  @Idempotent()
  @ApiOperation({
    summary: 'Create an action',
    description:
      'Coordinators create actions for any organisation, editors for their own. It starts ' +
      'not started, health not set, self-reported.',
  })
  @ApiCreatedResponse({
    type: ActionResponse,
    description: 'Created.',
    headers: {
      ...ETAG,
      Location: { description: 'The new action.', schema: { type: 'string', format: 'uri' } },
    },
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: the programme is not one of yours.' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateActionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionResponse> {
    const action = await this.actions.create(principal, body);
    res.location(resourceUrl(this.config, 'actions', action.id));
    res.setHeader('ETag', formatEtag(action.version));
    return withActionLinks(this.config, action);
  }

  @Get(':id')
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'Get an action',
    description:
      'The action with owner, partners, deadline, status, health and percent complete; `ETag` is its version, for `If-Match` on a change or a progress update.',
  })
  @ApiOkResponse({ type: ActionResponse, description: 'The action.', headers: ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionResponse> {
    const action = await this.actions.get(principal, params.id);
    res.setHeader('ETag', formatEtag(action.version));
    return withActionLinks(this.config, action);
  }

  @Patch(':id')
  @Access(Permission.ActionsUpdate)
  @ApiOperation({
    summary: 'Change an action',
    description:
      'What the action is about and who carries it out. Moving the deadline needs a `reason`, ' +
      'which lands in the timeline. Status, health and progress change through progress updates.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ActionResponse, description: 'Changed.', headers: ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiPreconditionFailedResponse({ description: STALE })
  @ApiResponse(PRECONDITION_REQUIRED)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateActionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionResponse> {
    const action = await this.actions.update(principal, params.id, ifMatch, body);
    res.setHeader('ETag', formatEtag(action.version));
    return withActionLinks(this.config, action);
  }

  @Post(':id/progress-updates')
  @HttpCode(201)
  @Access(Permission.ActionsUpdate)
  @Idempotent()
  @ApiOperation({
    summary: 'Post a progress update',
    description:
      'Sets any of status, health and percentComplete and writes the narrative, in one ' +
      'transaction with the If-Match check. The rules of the lifecycle apply: a forbidden move ' +
      'is a 409 INVALID_STATUS_TRANSITION (or ACTION_CLOSED); a move that needs a reason ' +
      'without one is a 400 naming `reason`.',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({
    type: ProgressUpdateResponse,
    description: "Appended; the ETag is the action's new version.",
    headers: ETAG,
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'INVALID_STATUS_TRANSITION or ACTION_CLOSED.' })
  @ApiPreconditionFailedResponse({ description: STALE })
  @ApiResponse(PRECONDITION_REQUIRED)
  async postProgress(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateProgressUpdateDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgressUpdateResponse> {
    const { update, version } = await this.actions.postProgress(
      principal,
      params.id,
      ifMatch,
      body,
    );
    res.setHeader('ETag', formatEtag(version));
    return update;
  }

  @Get(':id/progress-updates')
  @Access(Permission.TrackingRead)
  @ApiOperation({ summary: "An action's progress timeline", description: 'Newest first.' })
  @ApiListResponse(ProgressUpdateResponse, 'One page of the timeline.')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async timeline(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Query() query: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<ProgressUpdateResponse>> {
    return listEnvelope(this.config, req, await this.actions.timeline(principal, params.id, query));
  }
}
