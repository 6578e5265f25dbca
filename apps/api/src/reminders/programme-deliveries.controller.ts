import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiListResponse, APP_CONFIG, type AppConfig } from '@app/core';
import type { ListResponse } from '@app/core';
import { Permission, ProgrammeParams } from '@app/identity';
import {
  DeliveriesService,
  DeliveryParams,
  DeliveryResponse,
  ListDeliveriesQuery,
} from '@app/notifications';
import { ListRemindersQuery, ReminderResponse, RemindersQueryService } from '@app/reminders';
import { Access } from '../access/access.decorator';
import { listEnvelope } from '../http/list-envelope';

const NOT_FOUND = 'DELIVERY_NOT_FOUND: no such e-mail delivery in this programme.';

/** What the programme's reminders plan and what its e-mails did: for its coordinators. */
@ApiTags('reminders')
@Controller('programmes/:id')
export class ProgrammeDeliveriesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersQueryService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Get('reminders')
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "The programme's reminders",
    description:
      'Planned (`scheduled`), sent, cancelled and skipped reminders, soonest first. Filter by ' +
      '`state`, `kind` and `action`.',
  })
  @ApiListResponse(ReminderResponse, 'One page of reminders.')
  async listReminders(
    @Param() params: ProgrammeParams,
    @Query() query: ListRemindersQuery,
    @Req() req: Request,
  ): Promise<ListResponse<ReminderResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.reminders.list(params.id.toLowerCase(), query),
    );
  }

  @Get('deliveries')
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "The programme's e-mail deliveries",
    description:
      'Newest first. `state=failed` lists the e-mails that could not be sent after every ' +
      'attempt, with the mail server’s last answer.',
  })
  @ApiListResponse(DeliveryResponse, 'One page of deliveries.')
  async list(
    @Param() params: ProgrammeParams,
    @Query() query: ListDeliveriesQuery,
    @Req() req: Request,
  ): Promise<ListResponse<DeliveryResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.deliveries.list(params.id.toLowerCase(), query),
    );
  }

  @Get('deliveries/:deliveryId')
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'One e-mail delivery',
    description:
      'Coordinators: one e-mail the worker sent (or tried to) for the programme, with its attempts and the answer of the mail server.',
  })
  @ApiOkResponse({ type: DeliveryResponse, description: 'The delivery.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param() params: DeliveryParams): Promise<DeliveryResponse> {
    return this.deliveries.get(params.id, params.deliveryId);
  }

  @Post('deliveries/:deliveryId/retry')
  @HttpCode(200)
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Send a failed e-mail again',
    description: 'It becomes pending with a fresh count of attempts, and goes out on its own.',
  })
  @ApiOkResponse({ type: DeliveryResponse, description: 'Pending again.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'DELIVERY_NOT_FAILED: only a failed delivery is retried.' })
  retry(@Param() params: DeliveryParams): Promise<DeliveryResponse> {
    return this.deliveries.retry(params.id, params.deliveryId);
  }
}
