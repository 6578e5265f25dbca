import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
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
import { Permission, ProgrammeParams } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  CreateUpdateRoundDto,
  ListRoundActionsQuery,
  ListUpdateRoundsQuery,
  RoundActionResponse,
  UpdateRoundParams,
  UpdateRoundResponse,
  UpdateRoundsService,
} from '@app/reminders';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { resourceUrl } from '../http/resource-url';
import { Idempotent } from '../http/idempotency';
import { withRoundLinks } from '../http/links';
import { listEnvelope } from '../http/list-envelope';

const NOT_FOUND = 'UPDATE_ROUND_NOT_FOUND: no such update round in this programme.';

/**
 * Update rounds: a coordinator asks the owners of open actions for a progress update. Every
 * member may read them, so that an owner sees what is asked of them (the web app's "my
 * work"); only coordinators start and cancel them.
 */
@ApiTags('reminders')
@Controller('programmes/:id/update-rounds')
export class UpdateRoundsController {
  constructor(
    private readonly rounds: UpdateRoundsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({
    summary: "The programme's update rounds",
    description: 'Newest first; `state=open` for those still asking. Every member may read them.',
  })
  @ApiListResponse(UpdateRoundResponse, 'One page of update rounds.')
  async list(
    @Param() params: ProgrammeParams,
    @Query() query: ListUpdateRoundsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<UpdateRoundResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.rounds.list(params.id.toLowerCase(), query),
      (round) => withRoundLinks(this.config, round),
    );
  }

  @Post()
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @Idempotent()
  @ApiOperation({
    summary: 'Ask for progress updates by a date',
    description:
      'Asks the owners of the open actions that match `filter` (all of them without one) for ' +
      'a progress update by `dueDate`. Each owner is asked at once (on a working day, from ' +
      "the policy's hour on), reminded `updateRoundReminderDaysBefore` days before the date " +
      'if they have not updated by then, and an action left without an update counts toward ' +
      'escalation from the day after the date. A filter that matches nothing is a 400.',
  })
  @ApiCreatedResponse({
    type: UpdateRoundResponse,
    description: 'Created; the requests are on their way.',
    headers: {
      Location: { description: 'The new round.', schema: { type: 'string', format: 'uri' } },
    },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @Body() body: CreateUpdateRoundDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UpdateRoundResponse> {
    const round = await this.rounds.create(principal, params.id.toLowerCase(), body);
    res.location(
      resourceUrl(this.config, 'programmes', round.programmeId, 'update-rounds', round.id),
    );
    return withRoundLinks(this.config, round);
  }

  @Get(':roundId')
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'An update round, with how many have updated',
    description:
      '`_links.actions` lists per action whether it was updated. Every member may read it.',
  })
  @ApiOkResponse({ type: UpdateRoundResponse, description: 'The round.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(@Param() params: UpdateRoundParams): Promise<UpdateRoundResponse> {
    return withRoundLinks(this.config, await this.rounds.get(params.id, params.roundId));
  }

  @Get(':roundId/actions')
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Who has and has not updated',
    description:
      'The actions of the round in id order; `updated=false` lists who still has to. ' +
      'What is asked of you: `updated=false&ownerUser=me` (your own actions) or ' +
      "`updated=false&ownerOrganisation=<your organisation's id>` (those your organisation " +
      'owns). Every member may read it.',
  })
  @ApiListResponse(RoundActionResponse, 'One page of the round’s actions.')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async actions(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UpdateRoundParams,
    @Query() query: ListRoundActionsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<RoundActionResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.rounds.actions(principal, params.id, params.roundId, query),
    );
  }

  @Delete(':roundId')
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Cancel an update round',
    description:
      'Its requests and reminders not yet sent are cancelled, and it stops counting toward ' +
      'escalation. The round stays on record, cancelled.',
  })
  @ApiOkResponse({ type: UpdateRoundResponse, description: 'Cancelled.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'UPDATE_ROUND_CANCELLED: it was cancelled already.' })
  async cancel(@Param() params: UpdateRoundParams): Promise<UpdateRoundResponse> {
    return withRoundLinks(this.config, await this.rounds.cancel(params.id, params.roundId));
  }
}
