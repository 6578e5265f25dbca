import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
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
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG, type AppConfig, PageQueryDto } from '@app/core';
import type { ListResponse } from '@app/core';
import { Permission } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  ActionParams,
  ActionResponse,
  ActionsService,
  CommentResponse,
  CreateCommentDto,
  formatEtag,
  HistoryEntryResponse,
  ReviewsService,
  VerifyActionBody,
} from '@app/tracking';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { versionDocs } from '../http/version-docs';
import { Idempotent } from '../http/idempotency';
import { withActionLinks } from '../http/links';
import { listEnvelope } from '../http/list-envelope';

const VERSION = versionDocs('action');
const ETAG = VERSION.etag;
const NOT_FOUND = 'ACTION_NOT_FOUND: no such action in your programmes.';
const IF_MATCH = VERSION.ifMatch;
const PRECONDITION_REQUIRED = VERSION.preconditionRequired;
const STALE = VERSION.stale;
const NOT_CLOSED = 'ACTION_NOT_CLOSED (only closed actions) or ALREADY_VERIFIED.';

/** Reviews of an action: comments and positions, confirmation, verification, its history. */
@ApiTags('actions')
@Controller('actions/:id')
export class ReviewsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reviews: ReviewsService,
    private readonly actions: ActionsService,
  ) {}

  @Post('comments')
  @Access(Permission.CommentsWrite)
  @Idempotent()
  @ApiOperation({
    summary: 'Comment on an action',
    description:
      'Coordinators, editors and liaisons comment. A partner organisation may state its ' +
      '`position` (supports, concerns, objects); the action shows the latest one per organisation.',
  })
  @ApiCreatedResponse({ type: CommentResponse, description: 'Added.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  comment(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Body() body: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.reviews.comment(principal, params.id, body);
  }

  @Get('comments')
  @Access(Permission.TrackingRead)
  @ApiOperation({ summary: "An action's comments", description: 'Newest first.' })
  @ApiListResponse(CommentResponse, 'One page of comments.')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async comments(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Query() query: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<CommentResponse>> {
    return listEnvelope(this.config, req, await this.reviews.list(principal, params.id, query));
  }

  @Post('confirmation')
  @HttpCode(200)
  @Access(Permission.ActionsConfirm)
  @ApiOperation({
    summary: 'Confirm a closed action (partner)',
    description:
      'A liaison of a partner organisation confirms it: verification `partner_reviewed`.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ActionResponse, description: 'Confirmed.', headers: ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: NOT_CLOSED })
  @ApiPreconditionFailedResponse({ description: STALE })
  @ApiResponse(PRECONDITION_REQUIRED)
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionResponse> {
    await this.reviews.confirm(principal, params.id, ifMatch);
    return this.answer(principal, params.id, res);
  }

  @Post('verification')
  @HttpCode(200)
  @Access(Permission.ActionsVerify)
  @ApiOperation({
    summary: 'Verify a closed action (coordinator)',
    description:
      'The coordinator checked the evidence: verification `verified`. The body may cite the ' +
      "action's attachments the verification rests on (`evidence`); the audit event records " +
      'them with their SHA-256.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ActionResponse, description: 'Verified.', headers: ETAG })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: NOT_CLOSED })
  @ApiPreconditionFailedResponse({ description: STALE })
  @ApiResponse(PRECONDITION_REQUIRED)
  async verify(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: VerifyActionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionResponse> {
    await this.reviews.verify(principal, params.id, ifMatch, body.evidence);
    return this.answer(principal, params.id, res);
  }

  @Get('history')
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: "An action's history",
    description: 'Its audit events, progress timeline and comments, newest first; paged forwards.',
  })
  @ApiListResponse(HistoryEntryResponse, 'One page of history.')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async history(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Query() query: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<HistoryEntryResponse>> {
    return listEnvelope(this.config, req, await this.reviews.history(principal, params.id, query));
  }

  private async answer(principal: Principal, id: string, res: Response): Promise<ActionResponse> {
    const action = await this.actions.get(principal, id);
    res.setHeader('ETag', formatEtag(action.version));
    return withActionLinks(this.config, action);
  }
}
