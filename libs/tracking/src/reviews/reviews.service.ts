import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  CoreErrors,
  type InvalidParam,
  JobName,
  type KeysetPage,
  mapPage,
  OutboxService,
} from '@app/core';

import { PeopleDirectory, Permission, type Principal } from '@app/identity';
import { ConcurrencyErrors } from '../concurrency';
import { authoriseOnAction, lockForChange } from '../actions/action-access';
import { actionChanged } from '../actions/action-changed.job';
import { applyVerification } from '../actions/action-state-machine';
import type { Verification } from '../actions/action-states';
import { ActionErrors } from '../actions/actions.errors';
import { ActionsRepository } from '../actions/actions.repository';
import { actionHistory, type HistoryEntryResponse } from './action-history';
import { type CommentResponse, mapComment } from './comment.response';
import { CommentsRepository } from './comments.repository';
import type { CreateCommentDto } from './dto/create-comment.dto';
import { AttachmentErrors } from '../attachments/attachments.errors';
import { AttachmentsRepository } from '../attachments/attachments.repository';

/** Reviews of actions (DESIGN §2): comments with positions, confirmation, verification. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: ActionsRepository,
    private readonly comments: CommentsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly attachments: AttachmentsRepository,
    private readonly people: PeopleDirectory,
  ) {}

  /**
   * A comment, optionally with the author organisation's position; only an organisation that
   * is a partner of the action states one. Does not change the action's version.
   */
  async comment(
    principal: Principal,
    actionId: string,
    dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    const comment = await this.actions.transaction(async (manager) => {
      const found = dto.position
        ? await this.actions.shareWithPartners(manager, actionId)
        : await this.actions.findWithPartners(actionId, manager);
      if (!found) throw ActionErrors.notFound();
      const { action, partners } = found;
      authoriseOnAction(principal, Permission.CommentsWrite, action, partners);
      const problems: InvalidParam[] = [];
      if (dto.position && !partners.some((p) => p.organisationId === principal.organisationId)) {
        problems.push({
          name: 'position',
          reason: 'is for partner organisations of the action only',
        });
      }
      const mentioned = dto.mentionedUserIds ?? [];
      const members = new Set(
        await this.people.activeMembersAmong(action.programmeId, mentioned, manager),
      );
      mentioned.forEach((userId, index) => {
        if (!members.has(userId)) {
          problems.push({
            name: `mentionedUserIds[${index}]`,
            reason: 'must be an active member of the programme of the action',
          });
        }
      });
      if (problems.length > 0) throw CoreErrors.validationFailed(problems);
      const created = await this.comments.insert(manager, {
        actionId,
        authorUserId: principal.userId,
        authorOrganisationId: principal.organisationId,
        body: dto.body,
        position: dto.position ?? null,
        mentionedUserIds: mentioned,
      });
      // The people a comment concerns (the owner, for a position; those it mentions) hear of
      // it after the commit.
      await this.outbox.record(manager, {
        name: JobName.CommentPosted,
        data: {
          commentId: created.id,
          actionId,
          authorUserId: principal.userId,
          position: created.position,
          mentionedUserIds: created.mentionedUserIds,
        },
      });
      await this.audit.record(manager, {
        operation: 'create',
        entityType: 'comment',
        entityId: created.id,
        programmeId: action.programmeId,
        changes: {
          body: { new: created.body },
          position: { new: created.position },
          ...(mentioned.length > 0 && { mentionedUserIds: { new: mentioned } }),
        },
        details: { actionId },
      });
      return created;
    });
    return mapComment(comment);
  }

  async list(
    principal: Principal,
    actionId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<CommentResponse>> {
    await this.readable(principal, actionId);
    const result = await this.comments.page(actionId, page);
    return mapPage(result, mapComment);
  }

  /** A partner's liaison confirms a closed action: verification `partner_reviewed`. */
  confirm(principal: Principal, actionId: string, ifMatch: string | undefined): Promise<number> {
    return this.setVerification(
      principal,
      actionId,
      ifMatch,
      Permission.ActionsConfirm,
      'partner_reviewed',
    );
  }

  /**
   * The coordinator checked the evidence of a closed action: verification `verified`, citing
   * the attachments it rests on (their ids, names and SHA-256 in the audit event).
   */
  verify(
    principal: Principal,
    actionId: string,
    ifMatch: string | undefined,
    evidence: readonly string[] = [],
  ): Promise<number> {
    return this.setVerification(
      principal,
      actionId,
      ifMatch,
      Permission.ActionsVerify,
      'verified',
      evidence,
    );
  }

  async history(
    principal: Principal,
    actionId: string,
    page: { limit: number; cursor?: string },
  ): Promise<KeysetPage<HistoryEntryResponse>> {
    await this.readable(principal, actionId);
    return actionHistory(this.dataSource, actionId, page);
  }

  private async setVerification(
    principal: Principal,
    actionId: string,
    ifMatch: string | undefined,
    permission: Permission,
    to: Verification,
    evidence: readonly string[] = [],
  ): Promise<number> {
    return this.actions.transaction(async (manager) => {
      const { current, expectedVersion } = await lockForChange(
        this.actions,
        manager,
        principal,
        permission,
        actionId,
        ifMatch,
      );
      const next = applyVerification(current, to);
      const cited = await this.attachments.citable(manager, actionId, evidence);
      if (cited.length !== new Set(evidence).size) {
        const known = new Set(cited.map((row) => row.id));
        throw AttachmentErrors.notCitable(evidence.filter((id) => !known.has(id)));
      }
      // Confirming or verifying twice changes nothing: no new version, no event.
      if (current.verification === to) return current.version;
      const updated = await this.actions.updateVersioned(manager, actionId, expectedVersion, {
        verification: next.verification,
      });
      if (!updated) throw ConcurrencyErrors.versionConflict();
      await this.outbox.record(
        manager,
        actionChanged(
          principal,
          actionId,
          updated.version,
          to === 'verified' ? 'verified' : 'confirmed',
          ['verification'],
        ),
      );
      await this.audit.record(manager, {
        operation: 'update',
        entityType: 'action',
        entityId: actionId,
        programmeId: current.programmeId,
        changes: { verification: { old: current.verification, new: updated.verification } },
        details: {
          review: to === 'verified' ? 'verification' : 'confirmation',
          ...(cited.length > 0 && {
            evidence: cited.map((row) => ({
              attachmentId: row.id,
              filename: row.filename,
              sha256: row.sha256,
            })),
          }),
        },
      });
      return updated.version;
    });
  }

  private async readable(principal: Principal, actionId: string): Promise<void> {
    const action = await this.actions.findById(actionId);
    if (!action) throw ActionErrors.notFound();
    authoriseOnAction(principal, Permission.TrackingRead, action, []);
  }
}
