import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { type Principal, ProgrammesService } from '@app/identity';
import { ActionDeadlinesReader } from '@app/tracking';
import { renderDeadlinesCalendar } from './deadline-events';
import type { DeadlinesCalendarQuery } from './deadlines-calendar.query';

/** A rendered feed: the iCalendar text, the file name to offer and its entity tag. */
export interface DeadlinesCalendar {
  body: string;
  filename: string;
  /** A strong ETag of the body: equal bodies, equal tags (the feed has no clock in it). */
  etag: string;
}

/** The deadlines calendar of a programme (issue 7): what managers subscribe their calendars to. */
@Injectable()
export class DeadlinesCalendarService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly programmes: ProgrammesService,
    private readonly deadlines: ActionDeadlinesReader,
  ) {}

  /** The caller may read the programme (the guard decided); PROGRAMME_NOT_FOUND otherwise. */
  async render(
    principal: Principal,
    programmeId: string,
    query: DeadlinesCalendarQuery,
  ): Promise<DeadlinesCalendar> {
    const programme = await this.programmes.get(principal, programmeId);
    const actions = await this.deadlines.forProgramme(programme.id, {
      trackId: query.track,
      ownerOrganisationId: query.ownerOrganisation,
      includeClosed: query.includeClosed ?? false,
    });
    const body = await renderDeadlinesCalendar(programme.name, actions, {
      publicUrl: this.config.http.publicUrl,
      lang: query.lang ?? 'nl',
    });
    const digest = createHash('sha256').update(body, 'utf8').digest('base64url');
    return { body, filename: `deadlines-${programme.slug}.ics`, etag: `"${digest}"` };
  }
}
