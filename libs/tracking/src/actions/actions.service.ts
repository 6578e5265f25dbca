import { Injectable } from '@nestjs/common';
import { amsterdamDate, Clock, type KeysetPage, mapPage, parseSort } from '@app/core';

import { Permission, type Principal, type ProgrammeScope } from '@app/identity';
import { authoriseOnAction } from './action-access';
import { ActionChangeService } from './action-change.service';
import { ActionCreationService } from './action-creation.service';
import { mapActionWith } from './action.mapper';
import { ActionProgressService } from './action-progress.service';
import type { ActionBody } from './action.response';
import { ActionResponses } from './action-responses';
import { ActionErrors } from './actions.errors';
import { ActionsRepository } from './actions.repository';
import { ActionViewsReader } from './action-views.reader';
import type { ActionChangeOptions, ActionVersion } from './action-writes';
import { actionFilterOf } from './action-filter';
import type { CreateActionDto } from './dto/create-action.dto';
import type { CreateProgressUpdateDto } from './dto/create-progress-update.dto';
import { ACTION_SORT_KEYS, type ListActionsQuery } from './dto/list-actions.query';
import type { UpdateActionDto } from './dto/update-action.dto';
import { mapProgressUpdate, type ProgressUpdateResponse } from './progress-update.response';
import { ProgressUpdatesRepository } from './progress-updates.repository';

export type { ActionChangeOptions, ActionVersion } from './action-writes';

/**
 * Actions and their progress (DESIGN §2–§3): what the API and the other contexts call. The
 * reads are here; creating, changing and progress are each their own service, and the
 * responses of what was written `ActionResponses`'.
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly progress: ProgressUpdatesRepository,
    private readonly clock: Clock,
    private readonly views: ActionViewsReader,
    private readonly creation: ActionCreationService,
    private readonly changes: ActionChangeService,
    private readonly progressUpdates: ActionProgressService,
    private readonly responses: ActionResponses,
  ) {}

  /** `options.id`: see `ActionCreationService.create`. */
  async create(
    principal: Principal,
    dto: CreateActionDto,
    options: { id?: string } & ActionChangeOptions = {},
  ): Promise<ActionBody> {
    return this.responses.of(await this.creation.create(principal, dto, options));
  }

  /**
   * `create`, answering only the new action's id and version rather than the API's view of
   * it (whose names, partners and roll-ups cost two more queries): for an import's rows.
   */
  async createRecord(
    principal: Principal,
    dto: CreateActionDto,
    options: { id?: string } & ActionChangeOptions = {},
  ): Promise<ActionVersion> {
    const { id, version } = await this.creation.create(principal, dto, options);
    return { id, version };
  }

  /** One statement: the action with its decorations, mapped from the raw row. */
  async get(principal: Principal, id: string): Promise<ActionBody> {
    const today = amsterdamDate(this.clock.now());
    const found = await this.views.one(id, today);
    if (!found) throw ActionErrors.notFound();
    authoriseOnAction(principal, Permission.TrackingRead, found.action, []);
    return mapActionWith(found.action, found.decorations, today);
  }

  /** `scope`: the programmes the caller may read; `ownerUser=me` means the caller. */
  async list(
    principal: Principal,
    scope: ProgrammeScope,
    query: ListActionsQuery,
  ): Promise<KeysetPage<ActionBody>> {
    const sort = parseSort(query.sort, ACTION_SORT_KEYS, [{ key: 'deadline', direction: 'asc' }]);
    const today = amsterdamDate(this.clock.now());
    const page = await this.views.page(
      actionFilterOf(query, scope, principal.userId, today),
      { sort, limit: query.limit, cursor: query.cursor },
      today,
    );
    return mapPage(page, ({ action, decorations }) => mapActionWith(action, decorations, today));
  }

  async update(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateActionDto,
    options: ActionChangeOptions = {},
  ): Promise<ActionBody> {
    return this.responses.of(await this.changes.change(principal, id, ifMatch, dto, options));
  }

  /** `update`, answering only the action's id and version (see `createRecord`). */
  async updateRecord(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateActionDto,
    options: ActionChangeOptions = {},
  ): Promise<ActionVersion> {
    const { version } = await this.changes.change(principal, id, ifMatch, dto, options);
    return { id, version };
  }

  /** See `ActionProgressService.post`. */
  postProgress(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: CreateProgressUpdateDto,
    options: ActionChangeOptions = {},
  ): Promise<{ update: ProgressUpdateResponse; version: number }> {
    return this.progressUpdates.post(principal, id, ifMatch, dto, options);
  }

  /** An action's timeline, newest first. */
  async timeline(
    principal: Principal,
    id: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<ProgressUpdateResponse>> {
    const action = await this.actions.findById(id);
    if (!action) throw ActionErrors.notFound();
    authoriseOnAction(principal, Permission.TrackingRead, action, []);
    const result = await this.progress.page(id, page);
    return mapPage(result, mapProgressUpdate);
  }
}
