import { Injectable } from '@nestjs/common';
import { type KeysetPage, mapPage } from '@app/core';
import { type ListRemindersQuery, mapReminder, type ReminderResponse } from './reminder.response';
import { RemindersRepository } from './reminders.repository';

/** A programme's reminders, what is planned and what went out, for its coordinators. */
@Injectable()
export class RemindersQueryService {
  constructor(private readonly reminders: RemindersRepository) {}

  async list(
    programmeId: string,
    query: ListRemindersQuery,
  ): Promise<KeysetPage<ReminderResponse>> {
    const page = await this.reminders.page(
      programmeId,
      { state: query.state, kind: query.kind, actionId: query.action },
      { limit: query.limit, cursor: query.cursor },
    );
    return mapPage(page, mapReminder);
  }
}
