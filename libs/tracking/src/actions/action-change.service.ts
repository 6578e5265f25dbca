import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Clock, OutboxService } from '@app/core';
import { decide, PeopleDirectory, Permission, type Principal } from '@app/identity';
import { ConcurrencyErrors } from '../concurrency';
import { ActionAudit } from './action.audit';
import { actionChanged } from './action-changed.job';
import { authoriseOnAction, lockForChange } from './action-access';
import type { ActionEntity } from './action.entity';
import { checkReferences } from './action-references';
import { applyChange } from './action-state-machine';
import { ActionErrors } from './actions.errors';
import { ActionsRepository, type ActionUpdate } from './actions.repository';
import { type ActionChangeOptions, stateOf } from './action-writes';
import type { UpdateActionDto } from './dto/update-action.dto';
import { ProgressUpdatesRepository } from './progress-updates.repository';

/**
 * Changing an action's fields (not its progress): under a row lock at the version the client
 * saw, who may change what, references, a moved deadline's reason and its timeline entry.
 */
@Injectable()
export class ActionChangeService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly progress: ProgressUpdatesRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly people: PeopleDirectory,
  ) {}

  /** Applies `dto` at the version `ifMatch` names, with its audit and outbox events. */
  change(
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
}
