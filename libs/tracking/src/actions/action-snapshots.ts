import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEventInput } from '@app/audit';
import { OutboxService } from '@app/core';
import { ORGANISATION_ROWS } from '@app/identity';
import { actionChanged } from './action-changed.job';
import {
  type ActionHealth,
  type ActionStatus,
  CLOSED_STATUSES,
  type EscalationLevel,
} from './action-states';
import { ActionsRepository } from './actions.repository';
import { ProgressUpdatesRepository } from './progress-updates.repository';

/**
 * What other contexts need to know of an action (reminders, notifications), answered by
 * tracking, which knows what "the last update" and "off track since" mean.
 */
export interface ActionSnapshot {
  id: string;
  programmeId: string;
  title: string;
  /** YYYY-MM-DD, Europe/Amsterdam. */
  deadline: string;
  status: ActionStatus;
  closed: boolean;
  health: ActionHealth;
  escalationLevel: EscalationLevel | null;
  ownerOrganisation: { id: string; code: string; name: string };
  ownerUserId: string | null;
  /** The latest owner's progress update, or the creation of the action without one. */
  lastProgressAt: Date;
  /** When the health became off_track (the update that set it), while it is. */
  offTrackSince: Date | null;
  version: number;
}

export interface CommentSnapshot {
  id: string;
  actionId: string;
  authorUserId: string;
  authorOrganisationId: string;
  body: string;
  position: string | null;
  mentionedUserIds: string[];
}

const SNAPSHOT = `SELECT a.id, a.programme_id AS "programmeId", a.title,
         to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.status,
         a.status = ANY($2::text[]) AS closed, a.health,
         a.escalation_level AS "escalationLevel",
         json_build_object('id', o.id, 'code', o.code, 'name', o.name) AS "ownerOrganisation",
         a.owner_user_id AS "ownerUserId", a.version,
         COALESCE((SELECT max(u.created_at) FROM progress_updates u
                    WHERE u.action_id = a.id AND u.kind = 'progress'), a.created_at)
           AS "lastProgressAt",
         CASE WHEN a.health = 'off_track' THEN
           COALESCE((SELECT u.created_at FROM progress_updates u
                      WHERE u.action_id = a.id AND u.health IS NOT NULL
                      ORDER BY u.created_at DESC, u.id DESC LIMIT 1), a.created_at)
         END AS "offTrackSince"
    FROM actions a JOIN ${ORGANISATION_ROWS} o ON o.id = a.owner_organisation_id`;

/** Reads actions for other contexts, and moves them on the escalation ladder for them. */
@Injectable()
export class ActionSnapshots {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: ActionsRepository,
    private readonly progress: ProgressUpdatesRepository,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The actions as other contexts need them. With `lock`, their rows are also locked, in id
   * order, for the rest of the caller's transaction: what plans or sends reminders takes
   * them first, so that two such transactions never interleave on an action nor wait on
   * each other in a circle. Row locks, not advisory ones: planning a large programme would
   * not fit PostgreSQL's lock table.
   */
  async load(
    ids: readonly string[],
    manager?: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<ActionSnapshot[]> {
    if (ids.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).query<ActionSnapshot[]>(
      `${SNAPSHOT} WHERE a.id = ANY($1::uuid[])${options.lock ? ' ORDER BY a.id FOR UPDATE OF a' : ''}`,
      [ids, CLOSED_STATUSES],
    );
    return rows.map((row) => ({
      ...row,
      lastProgressAt: new Date(row.lastProgressAt),
      offTrackSince: row.offTrackSince === null ? null : new Date(row.offTrackSince),
    }));
  }

  /** A comment, for what follows it (its position and mentions notify people). */
  async comment(id: string, manager?: EntityManager): Promise<CommentSnapshot | null> {
    const rows = await (manager ?? this.dataSource.manager).query<CommentSnapshot[]>(
      `SELECT id, action_id AS "actionId", author_user_id AS "authorUserId",
              author_organisation_id AS "authorOrganisationId", body, position,
              mentioned_user_ids AS "mentionedUserIds"
         FROM comments WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** One batch of the ids of a programme's open actions, in id order after `after`. */
  async openIds(
    programmeId: string,
    after: string | null,
    limit: number,
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows = await (manager ?? this.dataSource.manager).query<{ id: string }[]>(
      `SELECT id FROM actions
        WHERE programme_id = $1 AND status <> ALL($2::text[]) AND ($3::uuid IS NULL OR id > $3)
        ORDER BY id LIMIT $4`,
      [programmeId, CLOSED_STATUSES, after, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Moves the action to `level` on the escalation ladder (null: off it), as the system, in
   * the caller's transaction: the change, its timeline entry and the outbox event. Its audit
   * event goes to `audit`, which the caller records as the transaction's last write (the
   * chain head is then held only at the end). Answers false when the action is already
   * there (nothing is written).
   */
  async setEscalation(
    manager: EntityManager,
    actionId: string,
    level: EscalationLevel | null,
    narrative: string,
    details: Record<string, unknown>,
    audit: AuditEventInput[],
  ): Promise<boolean> {
    const locked = await this.actions.lockWithPartners(manager, actionId);
    if (!locked || locked.action.escalationLevel === level) return false;
    const current = locked.action;
    const updated = await this.actions.updateVersioned(manager, actionId, current.version, {
      escalationLevel: level,
    });
    if (!updated) return false;
    await this.progress.append(manager, {
      actionId,
      kind: 'escalation',
      authorUserId: null,
      authorOrganisationId: null,
      status: null,
      health: null,
      percentComplete: null,
      narrative,
      reason: null,
    });
    await this.outbox.record(
      manager,
      actionChanged(null, actionId, updated.version, 'escalated', ['escalationLevel']),
    );
    audit.push({
      operation: level === null ? 'de_escalate' : 'escalate',
      entityType: 'action',
      entityId: actionId,
      programmeId: current.programmeId,
      changes: { escalationLevel: { old: current.escalationLevel, new: level } },
      details,
    });
    return true;
  }
}
