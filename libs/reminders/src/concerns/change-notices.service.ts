import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ActionChangeFollowUp, JobName, JobPayloads } from '@app/core';
import { PeopleDirectory } from '@app/identity';
import { type Notice, NotificationsService } from '@app/notifications';
import { ActionSnapshots } from '@app/tracking';
import { deliveryRules } from '../policy/delivery-rules';
import { DEFAULT_REMINDER_POLICY } from '../policy/reminder-policy';
import { noticesFor } from '../scheduling/notices';
import { ownerRecipients, type Recipient } from '../scheduling/recipients';
import { type ProgrammeContext, ProgrammeContexts } from '../scheduling/programme-contexts';
import { emptyWork, QueueWorkService } from '../scheduling/queue-work.service';
import { ReminderScheduler } from '../scheduling/reminder-scheduler.service';

const EXCERPT = 200;
const excerpt = (text: string) =>
  text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;

/**
 * What follows a committed change (issue 6, items 2 and 5): the action's reminders are
 * planned again, and the people it concerns are told, in one transaction:
 * - its owners, when someone else changed its status;
 * - the new owner, when someone else assigned it to them;
 * - its owners, when a partner stated a position on it;
 * - whoever a comment mentions;
 * - whoever asked for a report export, when it is ready.
 * Each notice has a source key derived from the change, so a job run twice tells no one twice.
 */
@Injectable()
export class ChangeNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: ReminderScheduler,
    private readonly programmes: ProgrammeContexts,
    private readonly queueWork: QueueWorkService,
    private readonly snapshots: ActionSnapshots,
    private readonly people: PeopleDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  async actionChanged(data: JobPayloads[JobName.ActionChanged]): Promise<void> {
    await this.follow(data.actorUserId, [
      {
        actionId: data.actionId,
        changeKey: `action:${data.actionId}:v${data.version}`,
        ...(data.status !== undefined && { status: data.status }),
        ...(data.ownerUserId !== undefined && { ownerUserId: data.ownerUserId }),
      },
    ]);
  }

  /** Many changes at once (a batch of an import's rows): planned and told in one go. */
  async actionsChanged(data: JobPayloads[JobName.ActionsChanged]): Promise<void> {
    await this.follow(data.actorUserId, data.changes);
  }

  private async follow(
    actorUserId: string | null,
    changes: readonly ActionChangeFollowUp[],
  ): Promise<void> {
    const work = await this.dataSource.transaction(async (manager) => {
      const contexts = new Map<string, ProgrammeContext>();
      const actionIds = [...new Set(changes.map((change) => change.actionId))];
      const planned = await this.scheduler.plan(manager, actionIds, contexts);
      const snapshots = new Map(
        (await this.snapshots.load(actionIds, manager)).map((snapshot) => [snapshot.id, snapshot]),
      );
      if (!actorUserId) {
        await this.queueWork.recordAudit(manager, planned);
        return planned;
      }
      const [actor] = await this.people.people([actorUserId], manager);
      const actorName = actor?.displayName ?? '';
      const others = (recipients: Recipient[]) =>
        recipients.filter((recipient) => recipient.userId !== actorUserId);
      const notices: Notice[] = [];
      for (const change of changes) {
        const snapshot = snapshots.get(change.actionId);
        if (!snapshot) continue;
        const { members } = contexts.get(snapshot.programmeId)!;
        if (change.status !== undefined) {
          notices.push(
            ...noticesFor(others(ownerRecipients(snapshot, members)), snapshot, {
              kind: 'status_changed',
              sourceKey: `${change.changeKey}:status`,
              payload: { status: change.status, actorName },
            }),
          );
        }
        const assigned = change.ownerUserId;
        if (assigned && members.has(assigned)) {
          notices.push(
            ...noticesFor(others([{ userId: assigned, reason: 'owner' }]), snapshot, {
              kind: 'assigned',
              sourceKey: `${change.changeKey}:assigned`,
              payload: { actorName },
            }),
          );
        }
      }
      // Each notice under its own programme's delivery rules.
      planned.dispatches.push(
        await this.notifications.notify(manager, notices, (programmeId) =>
          deliveryRules(contexts.get(programmeId ?? '')?.policy ?? DEFAULT_REMINDER_POLICY),
        ),
      );
      await this.queueWork.recordAudit(manager, planned);
      return planned;
    });
    await this.queueWork.afterCommit(work);
  }

  async commentPosted(data: JobPayloads[JobName.CommentPosted]): Promise<void> {
    const work = await this.dataSource.transaction(async (manager) => {
      const comment = await this.snapshots.comment(data.commentId, manager);
      const [snapshot] = await this.snapshots.load([data.actionId], manager);
      if (!comment || !snapshot) return undefined;
      const contexts = new Map<string, ProgrammeContext>();
      await this.programmes.load(manager, [snapshot], contexts);
      const { policy, members } = contexts.get(snapshot.programmeId)!;
      const [author] = await this.people.people([comment.authorUserId], manager);
      const payload = {
        actorName: author?.displayName ?? '',
        organisationCode: author?.organisationCode ?? '',
        excerpt: excerpt(comment.body),
      };
      const notAuthor = (recipient: Recipient) => recipient.userId !== comment.authorUserId;
      const notices: Notice[] = [];
      if (comment.position) {
        notices.push(
          ...noticesFor(ownerRecipients(snapshot, members).filter(notAuthor), snapshot, {
            kind: 'partner_position',
            sourceKey: `comment:${comment.id}:position`,
            payload: { ...payload, position: comment.position },
          }),
        );
      }
      const mentioned = comment.mentionedUserIds
        .filter((userId) => members.has(userId))
        .map((userId): Recipient => ({ userId, reason: 'mentioned' }))
        .filter(notAuthor);
      notices.push(
        ...noticesFor(mentioned, snapshot, {
          kind: 'mention',
          sourceKey: `comment:${comment.id}:mention`,
          payload,
        }),
      );
      const dispatch = await this.notifications.notify(manager, notices, () =>
        deliveryRules(policy),
      );
      return { ...emptyWork(), dispatches: [dispatch] };
    });
    if (work) await this.queueWork.afterCommit(work);
  }

  /**
   * A report export is ready: the one who asked for it is told, while still an active member
   * of its programme (who may no longer read it is not). E-mail follows their preferences and
   * the programme's digest, like every notification.
   */
  /**
   * A webhook the system switched off after a day of failed deliveries: its owner is told, while
   * still a member of its programme. Once per switching off (the subscription's version).
   */
  async webhookDisabled(off: {
    subscriptionId: string;
    version: number;
    programmeId: string;
    ownerUserId: string;
    url: string;
  }): Promise<void> {
    const work = await this.dataSource.transaction(async (manager) => {
      const contexts = new Map<string, ProgrammeContext>();
      await this.programmes.load(manager, [off], contexts);
      const { policy, members } = contexts.get(off.programmeId)!;
      if (!members.has(off.ownerUserId)) return undefined;
      const notice: Notice = {
        userId: off.ownerUserId,
        kind: 'webhook_disabled',
        sourceKey: `webhook:${off.subscriptionId}:disabled:${off.version}`,
        reason: 'webhook_owner',
        programmeId: off.programmeId,
        actionId: null,
        payload: { webhookUrl: off.url },
      };
      const dispatch = await this.notifications.notify(manager, [notice], () =>
        deliveryRules(policy),
      );
      return { ...emptyWork(), dispatches: [dispatch] };
    });
    if (work) await this.queueWork.afterCommit(work);
  }

  async reportReady(ready: {
    exportId: string;
    programmeId: string;
    requesterUserId: string;
    format: string;
    filename: string;
  }): Promise<void> {
    const work = await this.dataSource.transaction(async (manager) => {
      const contexts = new Map<string, ProgrammeContext>();
      await this.programmes.load(manager, [ready], contexts);
      const { policy, members } = contexts.get(ready.programmeId)!;
      if (!members.has(ready.requesterUserId)) return undefined;
      const notice: Notice = {
        userId: ready.requesterUserId,
        kind: 'report_ready',
        sourceKey: `report_export:${ready.exportId}:ready`,
        reason: 'requester',
        programmeId: ready.programmeId,
        actionId: null,
        payload: { reportFormat: ready.format, reportFilename: ready.filename },
      };
      const dispatch = await this.notifications.notify(manager, [notice], () =>
        deliveryRules(policy),
      );
      return { ...emptyWork(), dispatches: [dispatch] };
    });
    if (work) await this.queueWork.afterCommit(work);
  }
}
