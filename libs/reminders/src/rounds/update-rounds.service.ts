import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  amsterdamDate,
  Clock,
  decodeCursor,
  encodeCursor,
  JobName,
  type KeysetPage,
  mapPage,
  OutboxService,
  Transactions,
} from '@app/core';
import type { Principal } from '@app/identity';
import { CLOSED_STATUSES } from '@app/tracking';
import { RemindersErrors } from '../reminders.errors';
import type { CreateUpdateRoundDto } from './dto/create-update-round.dto';
import type { ListRoundActionsQuery, ListUpdateRoundsQuery } from './dto/update-round.params';
import type { RoundFilter } from './update-round.entity';
import {
  mapRound,
  mapRoundAction,
  type RoundActionResponse,
  type UpdateRoundBody,
} from './update-round.response';
import { UpdateRoundsRepository } from './update-rounds.repository';

/**
 * Update rounds (issue 6, item 3): a coordinator asks the owners of open actions for a
 * progress update by a date. The round and its actions commit with an outbox event; the
 * worker then plans the requests (reminder rows, sent at once on a working day), the
 * reminder before the date, and missing it counting toward escalation.
 */
@Injectable()
export class UpdateRoundsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly rounds: UpdateRoundsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(
    principal: Principal,
    programmeId: string,
    dto: CreateUpdateRoundDto,
  ): Promise<UpdateRoundBody> {
    const now = this.clock.now();
    if (dto.dueDate < amsterdamDate(now)) {
      throw RemindersErrors.invalid([{ name: 'dueDate', reason: 'must be today or later' }]);
    }
    const filter: RoundFilter = {
      ...(dto.filter?.trackIds && { trackIds: dto.filter.trackIds }),
      ...(dto.filter?.ownerOrganisationIds && {
        ownerOrganisationIds: dto.filter.ownerOrganisationIds,
      }),
      ...(dto.filter?.actionIds && { actionIds: dto.filter.actionIds }),
    };
    const round = await this.transactions.run(async (manager) => {
      const created = await this.rounds.insert(
        manager,
        {
          programmeId,
          title: dto.title,
          message: dto.message ?? '',
          dueDate: dto.dueDate,
          filter,
          createdByUserId: principal.userId,
        },
        now,
      );
      const actionIds = await this.rounds.addActions(manager, created, filter, CLOSED_STATUSES);
      if (actionIds.length === 0) throw RemindersErrors.noActionsInRound();
      // The worker plans the round's requests, in batches under its own locks, as for any
      // other change: a round of every open action in a large programme would otherwise
      // hold thousands of locks in this one transaction.
      await this.outbox.record(manager, {
        name: JobName.RemindersReschedule,
        data: { programmeId, roundId: created.id, why: 'round_created' },
      });
      await this.audit.record(manager, {
        operation: 'create',
        entityType: 'update_round',
        entityId: created.id,
        programmeId,
        changes: {
          title: { new: created.title },
          dueDate: { new: created.dueDate },
          filter: { new: filter },
        },
        details: { actions: actionIds.length },
      });
      return created;
    });
    return this.get(programmeId, round.id);
  }

  async list(
    programmeId: string,
    query: ListUpdateRoundsQuery,
  ): Promise<KeysetPage<UpdateRoundBody>> {
    const result = await this.rounds.page(
      programmeId,
      { state: query.state },
      { limit: query.limit, cursor: query.cursor },
    );
    const completion = await this.rounds.completion(result.items.map((round) => round.id));
    return mapPage(result, (round) => mapRound(round, completion.get(round.id)));
  }

  async get(programmeId: string, roundId: string): Promise<UpdateRoundBody> {
    const round = await this.rounds.find(programmeId, roundId);
    if (!round) throw RemindersErrors.roundNotFound();
    const completion = await this.rounds.completion([round.id]);
    return mapRound(round, completion.get(round.id));
  }

  /**
   * Per action of the round, whether its owner updated it since the round asked;
   * `ownerUser=me` means the caller.
   */
  async actions(
    principal: Principal,
    programmeId: string,
    roundId: string,
    query: ListRoundActionsQuery,
  ): Promise<KeysetPage<RoundActionResponse>> {
    const round = await this.rounds.find(programmeId, roundId);
    if (!round) throw RemindersErrors.roundNotFound();
    const after = query.cursor ? decodeCursor(query.cursor, 'actionId', 1).values[0] : undefined;
    const rows = await this.rounds.actions(
      roundId,
      {
        updated: query.updated,
        ownerUserId: query.ownerUser === 'me' ? principal.userId : query.ownerUser,
        ownerOrganisationId: query.ownerOrganisation,
      },
      { limit: query.limit, after },
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return mapPage(
      {
        items,
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ direction: 'next', sort: 'actionId', values: [last.actionId] })
            : undefined,
      },
      mapRoundAction,
    );
  }

  /** Cancels a round: its requests and reminders are cancelled with it, and it no longer counts toward escalation. */
  async cancel(programmeId: string, roundId: string): Promise<UpdateRoundBody> {
    await this.transactions.run(async (manager) => {
      const round = await this.rounds.find(programmeId, roundId, manager);
      if (!round) throw RemindersErrors.roundNotFound();
      if (!(await this.rounds.cancel(manager, roundId, this.clock.now()))) {
        throw RemindersErrors.roundCancelled();
      }
      // The worker cancels its requests and reminders when it plans the round's actions again.
      await this.outbox.record(manager, {
        name: JobName.RemindersReschedule,
        data: { programmeId, roundId, why: 'round_cancelled' },
      });
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'update_round',
        entityId: roundId,
        programmeId,
        changes: { state: { old: 'open', new: 'cancelled' } },
      });
    });
    return this.get(programmeId, roundId);
  }
}
