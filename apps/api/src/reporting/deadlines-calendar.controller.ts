import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CalendarFeedParams,
  CalendarLinksService,
  IdentityErrors,
  Permission,
  ProgrammeParams,
} from '@app/identity';
import type { Principal } from '@app/identity';
import { DeadlinesCalendarQuery, DeadlinesCalendarService } from '@app/reporting';
import { etagMatches } from '../http/conditional-get';
import { Access, CurrentPrincipal } from '../access/access.decorator';

const ICALENDAR = 'text/calendar; charset=utf-8';

/** The iCalendar feed of a programme's deadlines, for calendar apps to subscribe to. */
@ApiTags('reports')
@Controller('programmes/:id')
export class DeadlinesCalendarController {
  constructor(private readonly calendars: DeadlinesCalendarService) {}

  @Get('deadlines.ics')
  @Access(Permission.ProgrammeRead, {
    programmeParam: 'id',
    basicApiToken: true,
    rateLimit: 'expensive',
  })
  @ApiOperation({
    summary: "The programme's deadlines as a calendar",
    description:
      'An iCalendar feed (RFC 5545) with one all-day event per action on its deadline, for ' +
      'calendar apps to subscribe to: `UID` is `<actionId>@sterk-bestuur-tracker` and ' +
      "`SEQUENCE` the action's version, so a refresh updates events rather than adding them; " +
      'the description names the owner organisation, status, health, percent complete and ' +
      'the address of the action’s page in the web app (labels Dutch unless `lang=en`). Only open actions unless ' +
      '`includeClosed=true`. Calendar apps that cannot send a bearer token send a read API ' +
      'token (`POST /me/api-tokens`) as the password of HTTP Basic, with any user name.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The calendar.',
    content: { 'text/calendar': { schema: { type: 'string' } } },
    headers: {
      'Content-Disposition': {
        description: 'inline; filename="deadlines-<programme slug>.ics"',
        schema: { type: 'string' },
      },
      ETag: {
        description: 'Changes when any event of the feed changes.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({ status: 304, description: '`If-None-Match` holds the current ETag.' })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'The ETag of the feed the client has; 304 when it is still current.',
  })
  @ApiNotFoundResponse({
    description: 'PROGRAMME_NOT_FOUND: no such programme, or not one of yours (or your token’s).',
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @Query() query: DeadlinesCalendarQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const calendar = await this.calendars.render(principal, params.id.toLowerCase(), query);
    sendCalendar(res, calendar, ifNoneMatch);
  }
}

/**
 * The same feed at a calendar link's address (issue 21): for calendar apps that can send no
 * credential at all (Google Calendar, Outlook on the web), the secret is in the path. It
 * reads what its owner may, of its one programme, and nothing else.
 */
@ApiTags('reports')
@Controller('calendar-feeds')
export class CalendarFeedsController {
  constructor(
    private readonly calendars: DeadlinesCalendarService,
    private readonly links: CalendarLinksService,
  ) {}

  @Get(':key/deadlines.ics')
  @Access(Permission.Public, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: "A programme's deadlines at a calendar link",
    description:
      'As GET /programmes/{id}/deadlines.ics (the same filters and `If-None-Match`), for the ' +
      'programme of the calendar link (`POST /me/calendar-links`) whose secret is in the ' +
      'path. No header needed. A revoked link, or one whose owner is no longer active or a ' +
      'member of the programme, is a 404.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The calendar.',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 304, description: '`If-None-Match` holds the current ETag.' })
  @ApiNotFoundResponse({ description: 'CALENDAR_LINK_NOT_FOUND: no such link that works.' })
  async feed(
    @Param() params: CalendarFeedParams,
    @Query() query: DeadlinesCalendarQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const link = await this.links.authenticate(params.key);
    if (!link) throw IdentityErrors.notFound('calendar_link');
    const calendar = await this.calendars.render(link.principal, link.programmeId, query);
    sendCalendar(res, calendar, ifNoneMatch);
  }
}

function sendCalendar(
  res: Response,
  calendar: { body: string; filename: string; etag: string },
  ifNoneMatch: string | undefined,
): void {
  res.setHeader('ETag', calendar.etag);
  if (etagMatches(ifNoneMatch, calendar.etag)) {
    res.status(304).end();
    return;
  }
  res
    .status(200)
    .setHeader('Content-Type', ICALENDAR)
    .setHeader('Content-Disposition', `inline; filename="${calendar.filename}"`)
    .send(calendar.body);
}
