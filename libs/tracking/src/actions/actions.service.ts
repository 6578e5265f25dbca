import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  amsterdamDate,
  APP_CONFIG,
  Clock,
  OutboxService,
  parseSort,
  type StatementPart,
  toListResponse,
} from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import {
  decide,
  PeopleDirectory,
  Permission,
  type Principal,
  type ProgrammeScope,
} from '@app/identity';
import { ConcurrencyErrors, parseIfMatch } from '../concurrency';
import { ActionAudit } from './action.audit';
import { actionChanged } from './action-changed.job';
import { authoriseOnAction, lockForChange } from './action-access';
import type { ActionEntity } from './action.entity';
import { mapAction, mapActionWith } from './action.mapper';
import type { ActionResponse } from './action.response';
import { checkReferences } from './action-references';
import { applyChange, type ActionState } from './action-state-machine';
import { ActionErrors } from './actions.errors';
import { ActionsRepository, type ActionUpdate } from './actions.repository';
import { ActionViewsReader } from './action-views.reader';
import { actionFilterOf } from './action-filter';
import type { CreateActionDto } from './dto/create-action.dto';
import type { CreateProgressUpdateDto } from './dto/create-progress-update.dto';
import { ACTION_SORT_KEYS, type ListActionsQuery } from './dto/list-actions.query';
import type { UpdateActionDto } from './dto/update-action.dto';
import { mapProgressUpdate, type ProgressUpdateResponse } from './progress-update.response';
import {
  type ProgressUpdateInsert,
  ProgressUpdatesRepository,
} from './progress-updates.repository';
import { RollupsReader } from '../rollups/rollups.reader';

const stateOf = (action: ActionEntity): ActionState => ({
  status: action.status,
  health: action.health,
  verification: action.verification,
  percentComplete: action.percentComplete,
  deadline: action.deadline,
  closedAt: action.closedAt,
});

/**
 * How a change is made. `followUpByCaller`: the caller records what follows the change (its
 * reminders planned again, the people it concerns told) itself, for many changes at once: an
 * import records one ActionsChanged job a batch, in the transaction that records the batch.
 */
export interface ActionChangeOptions {
  followUpByCaller?: boolean;
}

/** An action's id and version after a change. */
export interface ActionVersion {
  id: string;
  version: number;
}

/** Actions and their progress (DESIGN §2–§3). */
@Injectable()
export class ActionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly actions: ActionsRepository,
    private readonly progress: ProgressUpdatesRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly rollups: RollupsReader,
    private readonly views: ActionViewsReader,
    private readonly people: PeopleDirectory,
  ) {}

  /**
   * `options.id`: the id the action gets (an import gives it beforehand, so that a resumed
   * apply finds out whether the row was created); a new one when absent.
   */
  async create(
    principal: Principal,
    dto: CreateActionDto,
    options: { id?: string } & ActionChangeOptions = {},
  ): Promise<ActionResponse> {
    return this.view(await this.insertAction(principal, dto, options));
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
    const { id, version } = await this.insertAction(principal, dto, options);
    return { id, version };
  }

  private insertAction(
    principal: Principal,
    dto: CreateActionDto,
    options: { id?: string } & ActionChangeOptions,
  ): Promise<ActionEntity> {
    authoriseOnAction(
      principal,
      Permission.ActionsCreate,
      { programmeId: dto.programmeId, ownerOrganisationId: dto.ownerOrganisationId },
      [],
      true,
    );
    return this.actions.transaction(async (manager) => {
      const { problems, parentTrackId } = await checkReferences(
        this.actions,
        this.people,
        manager,
        dto,
      );
      const trackId = dto.trackId ?? parentTrackId ?? undefined;
      if (!trackId && problems.every((p) => p.name !== 'parentActionId')) {
        problems.push({ name: 'trackId', reason: 'is required for an action without a parent' });
      }
      if (problems.length > 0) throw ActionErrors.invalid(problems);
      if (dto.parentActionId) {
        // A sub-action is part of its parent: only who may change the parent adds one.
        const parent = await this.actions.lockWithPartners(manager, dto.parentActionId);
        if (parent) {
          authoriseOnAction(principal, Permission.ActionsUpdate, parent.action, parent.partners);
        }
      }
      const created = await this.actions.insert(manager, {
        ...(options.id !== undefined && { id: options.id }),
        programmeId: dto.programmeId,
        trackId: trackId ?? null,
        commitmentId: dto.commitmentId ?? null,
        parentActionId: dto.parentActionId ?? null,
        title: dto.title,
        description: dto.description ?? '',
        ownerOrganisationId: dto.ownerOrganisationId,
        ownerUserId: dto.ownerUserId ?? null,
        startDate: dto.startDate ?? null,
        deadline: dto.deadline,
        tags: dto.tags ?? [],
        public: dto.public ?? false,
      });
      const partners = dto.partners ?? [];
      await this.actions.replacePartners(manager, created.id, partners, true);
      if (!options.followUpByCaller) {
        await this.outbox.record(
          manager,
          actionChanged(
            principal,
            created.id,
            created.version,
            'created',
            [],
            created.ownerUserId ? { ownerUserId: created.ownerUserId } : {},
          ),
        );
      }
      await this.audit.record(manager, ActionAudit.created(created, partners));
      return created;
    });
  }

  /** One statement: the action with its decorations, mapped from the raw row. */
  async get(principal: Principal, id: string): Promise<ActionResponse> {
    const today = amsterdamDate(this.clock.now());
    const found = await this.views.one(id, today);
    if (!found) throw ActionErrors.notFound();
    authoriseOnAction(principal, Permission.TrackingRead, found.action, []);
    return mapActionWith(found.action, found.decorations, today, this.config.http.publicUrl);
  }

  /** `scope`: the programmes the caller may read; `ownerUser=me` means the caller. */
  async list(
    principal: Principal,
    scope: ProgrammeScope,
    query: ListActionsQuery,
    requestUrl: string,
  ): Promise<ListResponse<ActionResponse>> {
    const sort = parseSort(query.sort, ACTION_SORT_KEYS, [{ key: 'deadline', direction: 'asc' }]);
    const today = amsterdamDate(this.clock.now());
    const page = await this.views.page(
      actionFilterOf(query, scope, principal.userId, today),
      { sort, limit: query.limit, cursor: query.cursor },
      today,
    );
    const baseUrl = this.config.http.publicUrl;
    return toListResponse(
      page,
      ({ action, decorations }) => mapActionWith(action, decorations, today, baseUrl),
      new URL(`${baseUrl}${requestUrl}`),
    );
  }

  async update(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateActionDto,
    options: ActionChangeOptions = {},
  ): Promise<ActionResponse> {
    return this.view(await this.changeAction(principal, id, ifMatch, dto, options));
  }

  /** `update`, answering only the action's id and version (see `createRecord`). */
  async updateRecord(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateActionDto,
    options: ActionChangeOptions = {},
  ): Promise<ActionVersion> {
    const { version } = await this.changeAction(principal, id, ifMatch, dto, options);
    return { id, version };
  }

  private changeAction(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: UpdateActionDto,
    options: ActionChangeOptions,
  ): Promise<ActionEntity> {
    return this.actions.transaction(async (manager) => {
      const { current, partners, expectedVersion } = await lockForChange(
        this.actions,
        manager,
        principal,
        Permission.ActionsUpdate,
        id,
        ifMatch,
        (action) => {
          if (
            dto.rollupWeight !== undefined &&
            decide(principal, Permission.ProgrammeManage, { programmeId: action.programmeId }) !==
              'allow'
          ) {
            // A weight steers the programme's figures, not the action: the coordinators' call.
            throw ActionErrors.weightForbidden();
          }
        },
      );
      const owner = dto.ownerOrganisationId ?? current.ownerOrganisationId;
      const partnersAfter = dto.partners ?? partners;
      if (dto.ownerOrganisationId !== undefined || dto.partners !== undefined) {
        // Who carries the action out is decided by coordinators and the accountable
        // organisation alone (a co-owner may not demote it), and the caller must still be
        // allowed on the action as it will be.
        authoriseOnAction(principal, Permission.ActionsUpdate, current, []);
        authoriseOnAction(
          principal,
          Permission.ActionsUpdate,
          { programmeId: current.programmeId, ownerOrganisationId: owner },
          partnersAfter,
        );
      }
      const { problems } = await checkReferences(this.actions, this.people, manager, {
        programmeId: current.programmeId,
        trackId: dto.trackId,
        commitmentId: dto.commitmentId,
        ownerOrganisationId: owner,
        // The owner user is checked when it or the owning organisation changes, not on
        // every edit (a stored owner who has since left must not block a title change).
        ownerUserId:
          dto.ownerUserId !== undefined
            ? dto.ownerUserId
            : dto.ownerOrganisationId !== undefined
              ? current.ownerUserId
              : undefined,
        partners: dto.partners ?? (dto.ownerOrganisationId ? partners : undefined),
        startDate: dto.startDate === undefined ? current.startDate : dto.startDate,
        deadline: dto.deadline ?? current.deadline,
      });
      if (problems.length > 0) throw ActionErrors.invalid(problems);
      // A moved deadline needs its reason (the state machine's rule).
      const moved = applyChange(
        stateOf(current),
        { deadline: dto.deadline, reason: dto.reason },
        this.clock.now(),
      );
      const values: ActionUpdate = {
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.trackId !== undefined && { trackId: dto.trackId }),
        ...(dto.commitmentId !== undefined && { commitmentId: dto.commitmentId }),
        ...(dto.ownerOrganisationId !== undefined && {
          ownerOrganisationId: dto.ownerOrganisationId,
        }),
        ...(dto.ownerUserId !== undefined && { ownerUserId: dto.ownerUserId }),
        ...(dto.startDate !== undefined && { startDate: dto.startDate }),
        ...(dto.tags !== undefined && { tags: dto.tags }),
        ...(dto.public !== undefined && { public: dto.public }),
        ...(dto.rollupWeight !== undefined && { rollupWeight: dto.rollupWeight }),
        deadline: moved.next.deadline,
      };
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const key = (list: readonly { organisationId: string; role: string }[]) =>
        list.map((p) => `${p.organisationId}:${p.role}`).sort();
      if (
        Object.entries(values).every(([field, value]) =>
          same(value, current[field as keyof ActionEntity]),
        ) &&
        (dto.partners === undefined || same(key(dto.partners), key(partners)))
      ) {
        // Nothing changes: no new version, no event (a client retrying stays harmless).
        return current;
      }
      const updated = await this.actions.updateVersioned(manager, id, expectedVersion, values);
      if (!updated) throw ConcurrencyErrors.versionConflict();
      if (dto.partners) await this.actions.replacePartners(manager, id, dto.partners);
      if (moved.changed.includes('deadline')) {
        await this.progress.append(manager, {
          actionId: id,
          kind: 'deadline_change',
          authorUserId: principal.userId,
          authorOrganisationId: principal.organisationId,
          status: null,
          health: null,
          percentComplete: null,
          narrative: `Deadline ${current.deadline} → ${moved.next.deadline}`,
          reason: dto.reason ?? null,
        });
      }
      const event = ActionAudit.updated(
        current,
        updated,
        partners,
        partnersAfter,
        moved.changed.length ? dto.reason : undefined,
      );
      if (!options.followUpByCaller) {
        await this.outbox.record(
          manager,
          actionChanged(
            principal,
            id,
            updated.version,
            'updated',
            Object.keys(event.changes ?? {}),
            updated.ownerUserId !== current.ownerUserId ? { ownerUserId: updated.ownerUserId } : {},
          ),
        );
      }
      await this.audit.record(manager, event);
      return updated;
    });
  }

  /**
   * The owner's update: changes the action and appends to its timeline, with its audit and
   * outbox events, in one statement (DESIGN §3, the central operation). The action is read
   * without a lock and the decision taken on that version; the statement applies only if
   * the action is still at it, so a change in between is a 412, as a stale If-Match is.
   */
  async postProgress(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    dto: CreateProgressUpdateDto,
    options: ActionChangeOptions = {},
  ): Promise<{ update: ProgressUpdateResponse; version: number }> {
    const found = await this.actions.findWithPartners(id);
    if (!found) throw ActionErrors.notFound();
    const { action: current, partners } = found;
    authoriseOnAction(principal, Permission.ActionsUpdate, current, partners);
    const expectedVersion = parseIfMatch(ifMatch);
    if (current.version !== expectedVersion) throw ConcurrencyErrors.versionConflict();
    const transition = applyChange(
      stateOf(current),
      {
        status: dto.status,
        health: dto.health,
        percentComplete: dto.percentComplete,
        reason: dto.reason,
      },
      this.clock.now(),
    );
    const { next, changed } = transition;
    const entry: ProgressUpdateInsert & { id: string } = {
      id: randomUUID(),
      actionId: id,
      kind: 'progress',
      authorUserId: principal.userId,
      authorOrganisationId: principal.organisationId,
      status: changed.includes('status') ? next.status : null,
      health: changed.includes('health') ? next.health : null,
      percentComplete: changed.includes('percentComplete') ? next.percentComplete : null,
      narrative: dto.narrative,
      reason: dto.reason ?? null,
    };
    const event = ActionAudit.progressed(current, { ...current, ...next }, entry);
    const followUp: StatementPart[] = options.followUpByCaller
      ? []
      : [
          (parameters, gate) =>
            this.outbox.insertSql(
              parameters,
              actionChanged(
                principal,
                id,
                expectedVersion + 1,
                'progressed',
                [...changed, 'latestNarrative'],
                changed.includes('status') ? { status: next.status } : {},
              ),
              gate,
            ),
        ];
    const updated = await this.actions.updateVersioned(
      undefined,
      id,
      expectedVersion,
      {
        status: next.status,
        health: next.health,
        verification: next.verification,
        percentComplete: next.percentComplete,
        closedAt: next.closedAt,
        latestNarrative: dto.narrative,
      },
      [
        this.progress.appendPart(entry),
        ...followUp,
        (parameters, gate) => this.audit.appendSql(parameters, [event], gate),
      ],
    );
    if (!updated) throw ConcurrencyErrors.versionConflict();
    return {
      update: mapProgressUpdate({ ...entry, createdAt: updated.updatedAt }),
      version: updated.version,
    };
  }

  /** An action's timeline, newest first. */
  async timeline(
    principal: Principal,
    id: string,
    page: { limit: number; cursor?: string },
    requestUrl: string,
  ): Promise<ListResponse<ProgressUpdateResponse>> {
    const action = await this.actions.findById(id);
    if (!action) throw ActionErrors.notFound();
    authoriseOnAction(principal, Permission.TrackingRead, action, []);
    const result = await this.progress.page(id, page);
    return toListResponse(
      result,
      mapProgressUpdate,
      new URL(`${this.config.http.publicUrl}${requestUrl}`),
    );
  }

  private async view(action: ActionEntity): Promise<ActionResponse> {
    const [view] = await this.decorate([action], amsterdamDate(this.clock.now()));
    return view;
  }

  /**
   * Responses for actions just written: names, partners and positions in one query, the
   * roll-ups of those with sub-actions in another (the reads use `ActionViewsReader`).
   */
  private async decorate(
    actions: readonly ActionEntity[],
    today: string,
  ): Promise<ActionResponse[]> {
    const ids = actions.map((action) => action.id);
    const [{ owners, partners, positions }, rollups] = await Promise.all([
      this.actions.decorations(
        ids,
        actions.map((action) => action.ownerOrganisationId),
      ),
      this.rollups.ofParents(ids, today),
    ]);
    const context = {
      organisations: new Map(owners.map((row) => [row.id, row])),
      partners,
      positions,
      rollups,
      today,
      baseUrl: this.config.http.publicUrl,
    };
    return actions.map((action) => mapAction(action, context));
  }
}
