import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { OutboxService } from '@app/core';
import { PeopleDirectory, Permission, type Principal } from '@app/identity';
import { ActionAudit } from './action.audit';
import { actionChanged } from './action-changed.job';
import { authoriseOnAction } from './action-access';
import type { ActionEntity } from './action.entity';
import { checkReferences } from './action-references';
import { ActionErrors } from './actions.errors';
import { ActionsRepository } from './actions.repository';
import type { ActionChangeOptions } from './action-writes';
import type { CreateActionDto } from './dto/create-action.dto';

/** Creating an action: its references checked, its row and partners, audit and outbox events. */
@Injectable()
export class ActionCreationService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly people: PeopleDirectory,
  ) {}

  /**
   * `options.id`: the id the action gets (an import gives it beforehand, so that a resumed
   * apply finds out whether the row was created); a new one when absent.
   */
  create(
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
}
