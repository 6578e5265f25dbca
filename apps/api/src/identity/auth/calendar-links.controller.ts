import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CalendarLinkIdParams,
  CalendarLinksResponse,
  CalendarLinksService,
  CreateCalendarLinkDto,
  CreatedCalendarLinkResponse,
  Permission,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { Access, CurrentPrincipal } from '../../access/access.decorator';
import { Idempotent } from '../../http/idempotency';
import { calendarFeedUrl } from '../../http/links';

/** Your calendar links: addresses of a programme's deadlines for calendar apps (issue 21). */
@ApiTags('reports')
@Controller('me/calendar-links')
export class CalendarLinksController {
  constructor(
    private readonly links: CalendarLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'List your calendar links',
    description:
      'Newest first, revoked ones included. Never shows an address: it is stored hashed.',
  })
  @ApiOkResponse({ type: CalendarLinksResponse })
  async list(@CurrentPrincipal() principal: Principal): Promise<CalendarLinksResponse> {
    return { items: await this.links.list(principal) };
  }

  @Post()
  @HttpCode(201)
  @Access(Permission.Self)
  @Idempotent({ omit: ['url'] })
  @ApiOperation({
    summary: 'Make a calendar link for a programme of yours',
    description:
      "A personal, read-only address of the programme's deadlines feed with a secret in it, " +
      'for calendar apps that can send no credential (Google Calendar, Outlook on the web). ' +
      'The address is in this answer only. It reads what you may, of that programme only, ' +
      'while you are a member; revoke it to end it at once.',
  })
  @ApiCreatedResponse({ type: CreatedCalendarLinkResponse, description: 'The link, shown once.' })
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: not a programme of yours.' })
  @ApiConflictResponse({
    description: 'TOO_MANY_CALENDAR_LINKS: revoke a link you no longer use first (20 at most).',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCalendarLinkDto,
  ): Promise<CreatedCalendarLinkResponse> {
    const { link, secret } = await this.links.create(principal, body);
    return { ...link, url: calendarFeedUrl(this.config, secret) };
  }

  @Delete(':id')
  @HttpCode(204)
  @Access(Permission.Self)
  @ApiOperation({
    summary: 'Revoke one of your calendar links',
    description: 'Its address stops working at once. Revoking a revoked link changes nothing.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: 'CALENDAR_LINK_NOT_FOUND: no such link of yours.' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CalendarLinkIdParams,
  ): Promise<void> {
    await this.links.revoke(principal, params.id);
  }
}
