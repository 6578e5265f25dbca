import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig, ListLinks } from '@app/core';
import type { ListResponse } from '@app/core';
import { Permission } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  ListNotificationsQuery,
  MeNotificationsService,
  NotificationLanguageQuery,
  NotificationParams,
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
  NotificationResponse,
  ReadAllResponse,
} from '@app/notifications';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { withNotificationLinks } from '../http/links';
import { listEnvelope } from '../http/list-envelope';

/** Your notifications and how they reach you: nobody else's are ever visible. */
@ApiTags('me')
@Controller('me')
export class MeNotificationsController {
  constructor(
    private readonly notifications: MeNotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('notifications')
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Your notifications',
    description:
      'Reminders, update requests, escalations and changes that concern you, newest first, ' +
      'with how many are unread. Texts in your language (`lang` to choose).',
  })
  @ApiExtraModels(NotificationResponse, ListLinks)
  @ApiOkResponse({
    description: 'One page of notifications.',
    schema: {
      type: 'object',
      required: ['data', '_links', 'unreadCount'],
      properties: {
        data: { type: 'array', items: { $ref: getSchemaPath(NotificationResponse) } },
        _links: { $ref: getSchemaPath(ListLinks) },
        unreadCount: {
          type: 'integer',
          description: 'All your unread ones, not this page only.',
          example: 3,
        },
      },
    },
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<NotificationResponse> & { unreadCount: number }> {
    const { unreadCount, ...page } = await this.notifications.list(principal, query);
    return {
      ...listEnvelope(this.config, req, page, (notification) =>
        withNotificationLinks(this.config, notification),
      ),
      unreadCount,
    };
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Mark all your notifications read',
    description: 'Every unread notification of yours at once; answers how many were marked.',
  })
  @ApiOkResponse({ type: ReadAllResponse, description: 'Marked.' })
  readAll(@CurrentPrincipal() principal: Principal): Promise<ReadAllResponse> {
    return this.notifications.readAll(principal);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Mark a notification read',
    description: 'Marking it again keeps the first time.',
  })
  @ApiOkResponse({ type: NotificationResponse, description: 'Read.' })
  @ApiNotFoundResponse({ description: 'NOTIFICATION_NOT_FOUND: you have no such notification.' })
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param() params: NotificationParams,
    @Query() query: NotificationLanguageQuery,
  ): Promise<NotificationResponse> {
    return withNotificationLinks(
      this.config,
      await this.notifications.read(principal, params.id, query.lang),
    );
  }

  @Get('notification-preferences')
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'How notifications reach you',
    description: 'Which kinds also come by e-mail, one daily digest or not, and your language.',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'Your preferences.' })
  preferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesResponse> {
    return this.notifications.getPreferences(principal);
  }

  @Put('notification-preferences')
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Set how notifications reach you',
    description:
      'Which kinds also come by e-mail (the others stay in the app), one e-mail each or a daily digest, and the language they come in first. Replaces the whole set.',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'Stored.' })
  setPreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return this.notifications.putPreferences(principal, body);
  }
}
