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
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { ApiListResponse, APP_CONFIG, type AppConfig, formatEtag } from '@app/core';
import type { ListResponse } from '@app/core';
import { Permission, ProgrammeParams } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  CreatedWebhookResponse,
  CreateWebhookDto,
  ListWebhookDeliveriesQuery,
  PingResponse,
  RotateWebhookSecretDto,
  UpdateWebhookDto,
  WebhookDeliveryLog,
  WebhookDeliveryParams,
  WebhookDeliveryResponse,
  WebhookParams,
  WebhookResponse,
  WebhookSubscriptionsService,
  WebhooksResponse,
} from '@app/webhooks';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { Idempotent } from '../http/idempotency';
import { versionDocs } from '../http/version-docs';
import { listEnvelope } from '../http/list-envelope';

const VERSION = versionDocs('webhook');
const NOT_FOUND = 'WEBHOOK_NOT_FOUND: no such webhook in this programme.';
const TARGET_REFUSED =
  'VALIDATION_FAILED, WEBHOOK_URL_INVALID, WEBHOOK_URL_NOT_HTTPS, WEBHOOK_TARGET_UNRESOLVABLE or ' +
  'WEBHOOK_TARGET_NOT_PUBLIC (the URL resolves to a loopback, private, link-local or metadata address).';

/**
 * A programme's webhooks (issue 21): CloudEvents signed per Standard Webhooks, POSTed by the
 * worker to the subscribers' URLs. README "Webhooks".
 */
@ApiTags('webhooks')
@Controller('programmes/:id/webhooks')
export class WebhooksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhookSubscriptionsService,
    private readonly deliveryLog: WebhookDeliveryLog,
  ) {}

  @Get()
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "The programme's webhooks",
    description:
      'Coordinators (in person, or through an API token with write scope): every webhook of ' +
      'the programme, oldest first. Never a secret.',
  })
  @ApiOkResponse({ type: WebhooksResponse })
  async list(@Param() params: ProgrammeParams): Promise<WebhooksResponse> {
    return { items: await this.webhooks.list(params.id.toLowerCase()) };
  }

  @Post()
  @HttpCode(201)
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @Idempotent({ omit: ['secret'] })
  @ApiOperation({
    summary: 'Subscribe a URL to the programme’s events',
    description:
      'The events of the chosen types that happen from now on are POSTed to the URL as ' +
      'CloudEvents (structured JSON, NL GOV profile), signed with the secret in this answer ' +
      '(Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`). The URL ' +
      'must be `https://` and resolve to public addresses only. At most 25 per programme.',
  })
  @ApiCreatedResponse({
    type: CreatedWebhookResponse,
    description: 'The webhook, with its secret: shown once.',
    headers: VERSION.etag,
  })
  @ApiBadRequestResponse({ description: TARGET_REFUSED })
  @ApiConflictResponse({ description: 'TOO_MANY_WEBHOOKS: delete one first (25 at most).' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @Body() body: CreateWebhookDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatedWebhookResponse> {
    const created = await this.webhooks.create(principal, params.id.toLowerCase(), body);
    res.setHeader('ETag', formatEtag(created.version));
    return created;
  }

  @Get(':webhookId')
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'One webhook',
    description: 'Its settings, whether it is on, and how its deliveries go. Never its secret.',
  })
  @ApiOkResponse({ type: WebhookResponse, headers: VERSION.etag })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @Param() params: WebhookParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebhookResponse> {
    const webhook = await this.webhooks.get(params.id, params.webhookId);
    res.setHeader('ETag', formatEtag(webhook.version));
    return webhook;
  }

  @Patch(':webhookId')
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Change a webhook, or switch it off or on',
    description:
      'Only the fields sent change. Switched on again (`enabled: true`), the deliveries that ' +
      'were waiting are tried at once with a fresh day of retries.',
  })
  @ApiHeader(VERSION.ifMatch)
  @ApiOkResponse({ type: WebhookResponse, headers: VERSION.etag })
  @ApiBadRequestResponse({ description: TARGET_REFUSED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiPreconditionFailedResponse({ description: VERSION.stale })
  @ApiResponse(VERSION.preconditionRequired)
  async update(
    @Param() params: WebhookParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateWebhookDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebhookResponse> {
    const webhook = await this.webhooks.update(params.id, params.webhookId, ifMatch, body);
    res.setHeader('ETag', formatEtag(webhook.version));
    return webhook;
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Delete a webhook',
    description:
      'Nothing more is sent to it, also not what was waiting; its delivery log goes with it.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async remove(@Param() params: WebhookParams): Promise<void> {
    await this.webhooks.remove(params.id, params.webhookId);
  }

  @Post(':webhookId/secret-rotations')
  @HttpCode(201)
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @Idempotent({ omit: ['secret'] })
  @ApiOperation({
    summary: "Rotate a webhook's signing secret",
    description:
      'A new secret, in this answer only. The previous one keeps signing too for ' +
      '`previousSecretValidHours` (default 24): meanwhile every message carries two signatures, ' +
      'and the receiver can switch to the new secret without missing a message.',
  })
  @ApiCreatedResponse({
    type: CreatedWebhookResponse,
    description: 'The webhook, with its new secret.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  rotate(
    @Param() params: WebhookParams,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<CreatedWebhookResponse> {
    return this.webhooks.rotateSecret(params.id, params.webhookId, body);
  }

  @Post(':webhookId/pings')
  @HttpCode(202)
  @Access(Permission.WebhooksManage, { programmeParam: 'id', rateLimit: 'expensive' })
  @Idempotent()
  @ApiOperation({
    summary: 'Send a test message',
    description:
      'The worker POSTs a signed `nl.sterk-bestuur.webhook.ping` event to the URL as soon as ' +
      'it can, whatever event types the webhook has; follow it in the delivery log.',
  })
  @ApiAcceptedResponse({ type: PingResponse, description: 'On its way.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  ping(@Param() params: WebhookParams): Promise<PingResponse> {
    return this.deliveryLog.ping(params.id, params.webhookId);
  }

  @Get(':webhookId/deliveries')
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "A webhook's delivery log",
    description:
      'Newest first: each event sent (or being sent) to the webhook, with its state, attempts, ' +
      "the receiver's last status code, how long it took and the start of its answer. Kept 30 days.",
  })
  @ApiListResponse(WebhookDeliveryResponse, 'One page of deliveries.')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async deliveries(
    @Param() params: WebhookParams,
    @Query() query: ListWebhookDeliveriesQuery,
    @Req() req: Request,
  ): Promise<ListResponse<WebhookDeliveryResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.deliveryLog.list(params.id, params.webhookId, query),
    );
  }

  @Get(':webhookId/deliveries/:deliveryId')
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'One delivery of a webhook',
    description: 'With the CloudEvent as sent.',
  })
  @ApiOkResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({
    description: `${NOT_FOUND} WEBHOOK_DELIVERY_NOT_FOUND: no such delivery.`,
  })
  delivery(@Param() params: WebhookDeliveryParams): Promise<WebhookDeliveryResponse> {
    return this.deliveryLog.get(params.id, params.webhookId, params.deliveryId);
  }

  @Post(':webhookId/deliveries/:deliveryId/redeliveries')
  @HttpCode(202)
  @Access(Permission.WebhooksManage, { programmeParam: 'id' })
  @Idempotent()
  @ApiOperation({
    summary: 'Send a delivery again',
    description:
      'A delivered or given-up delivery is sent again as it was: the same event id, so a ' +
      'receiver that has it can tell; with a fresh series of attempts.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse, description: 'Waiting to be sent.' })
  @ApiNotFoundResponse({
    description: `${NOT_FOUND} WEBHOOK_DELIVERY_NOT_FOUND: no such delivery.`,
  })
  @ApiConflictResponse({ description: 'WEBHOOK_DELIVERY_PENDING: it is still being attempted.' })
  redeliver(@Param() params: WebhookDeliveryParams): Promise<WebhookDeliveryResponse> {
    return this.deliveryLog.redeliver(params.id, params.webhookId, params.deliveryId);
  }
}
