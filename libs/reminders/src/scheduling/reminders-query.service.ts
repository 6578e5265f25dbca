import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type ListResponse, toListResponse } from '@app/core';
import { type ListRemindersQuery, mapReminder, type ReminderResponse } from './reminder.response';
import { RemindersRepository } from './reminders.repository';

/** A programme's reminders, what is planned and what went out, for its coordinators. */
@Injectable()
export class RemindersQueryService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersRepository,
  ) {}

  async list(
    programmeId: string,
    query: ListRemindersQuery,
    requestUrl: string,
  ): Promise<ListResponse<ReminderResponse>> {
    const page = await this.reminders.page(
      programmeId,
      { state: query.state, kind: query.kind, actionId: query.action },
      { limit: query.limit, cursor: query.cursor },
    );
    return toListResponse(page, mapReminder, new URL(`${this.config.http.publicUrl}${requestUrl}`));
  }
}
