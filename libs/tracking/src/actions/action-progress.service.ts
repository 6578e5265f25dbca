import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Clock, OutboxService, type StatementPart } from '@app/core';
import { Permission, type Principal } from '@app/identity';
import { ConcurrencyErrors, parseIfMatch } from '../concurrency';
import { ActionAudit } from './action.audit';
import { actionChanged } from './action-changed.job';
import { authoriseOnAction } from './action-access';
import { applyChange } from './action-state-machine';
import { ActionErrors } from './actions.errors';
import { ActionsRepository } from './actions.repository';
import { type ActionChangeOptions, stateOf } from './action-writes';
import type { CreateProgressUpdateDto } from './dto/create-progress-update.dto';
import { mapProgressUpdate, type ProgressUpdateResponse } from './progress-update.response';
import {
  type ProgressUpdateInsert,
  ProgressUpdatesRepository,
} from './progress-updates.repository';

/** The owner's progress update on an action (status, health, percentage, narrative). */
@Injectable()
export class ActionProgressService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly progress: ProgressUpdatesRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * The owner's update: changes the action and appends to its timeline, with its audit and
   * outbox events, in one statement (DESIGN §3, the central operation). The action is read
   * without a lock and the decision taken on that version; the statement applies only if
   * the action is still at it, so a change in between is a 412, as a stale If-Match is.
   */
  async post(
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
}
