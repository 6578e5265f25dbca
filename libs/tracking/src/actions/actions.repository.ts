import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  queryPrepared,
  queryPreparedIn,
  StatementParameters,
  type StatementPart,
  Transactions,
} from '@app/core';
import { ORGANISATION_ROWS, TRACK_ROWS } from '@app/identity';
import { ActionEntity } from './action.entity';
import { ACTION_COLUMNS, UPDATABLE } from './action-columns';
import type { PartnerRole } from './action-states';

export interface PartnerRow {
  actionId: string;
  organisationId: string;
  code: string;
  name: string;
  role: PartnerRole;
}

export type ActionInsert = Pick<
  ActionEntity,
  | 'programmeId'
  | 'trackId'
  | 'commitmentId'
  | 'parentActionId'
  | 'title'
  | 'description'
  | 'ownerOrganisationId'
  | 'ownerUserId'
  | 'startDate'
  | 'deadline'
  | 'tags'
  | 'public'
>;

/** The columns a change may set; `version` and `updated_at` move with every change. */
export type ActionUpdate = Partial<
  Omit<ActionEntity, 'id' | 'programmeId' | 'version' | 'createdAt' | 'updatedAt'>
>;

/**
 * Writes actions and their partners, and reads them for a change (locked or not); the
 * responses' names and positions are `ActionDecorationsReader`'s.
 */
@Injectable()
export class ActionsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * In `manager`'s transaction, or as a prepared statement of its own. `fixedText`: the text
   * is one of a few shapes, so inside a transaction it is prepared too (`queryPreparedIn`); a
   * text built from the fields a change sets is not.
   */
  private query<T>(
    manager: EntityManager | undefined,
    text: string,
    values: readonly unknown[],
    fixedText = true,
  ): Promise<T[]> {
    if (!manager) return queryPrepared<T>(this.dataSource, text, values);
    return fixedText
      ? queryPreparedIn<T>(manager, text, values)
      : manager.query<T[]>(text, [...values]);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  findById(id: string, manager?: EntityManager): Promise<ActionEntity | null> {
    return this.manager(manager).findOneBy(ActionEntity, { id });
  }

  /** Reads and row-locks the action with its partners, in one statement: changes take turns. */
  lockWithPartners(
    manager: EntityManager,
    id: string,
  ): Promise<{ action: ActionEntity; partners: PartnerRow[] } | null> {
    return this.withPartners(manager, id, 'FOR UPDATE OF a');
  }

  /**
   * Reads the action with its partners and holds it against changes (a share lock) until the
   * transaction ends: for a comment with a position, which moves the action's timeline head.
   * A progress update holds the action, then the audit chain, then the head (its statement
   * trigger runs last); the comment must not take the head before the chain, so it queues
   * behind the update on the action instead of deadlocking with it.
   */
  shareWithPartners(
    manager: EntityManager,
    id: string,
  ): Promise<{ action: ActionEntity; partners: PartnerRow[] } | null> {
    return this.withPartners(manager, id, 'FOR SHARE OF a');
  }

  /**
   * Reads the action with its partners, without a lock: for a change made in one statement,
   * which `updateVersioned` applies only if the action is still at the version read here,
   * or for a change that does not touch the action (a comment without a position).
   */
  findWithPartners(
    id: string,
    manager?: EntityManager,
  ): Promise<{ action: ActionEntity; partners: PartnerRow[] } | null> {
    return this.withPartners(manager, id, '');
  }

  private async withPartners(
    manager: EntityManager | undefined,
    id: string,
    lock: string,
  ): Promise<{ action: ActionEntity; partners: PartnerRow[] } | null> {
    const rows = await this.query<ActionEntity & { partners: PartnerRow[] | null }>(
      manager,
      `SELECT ${ACTION_COLUMNS},
              (SELECT json_agg(json_build_object('actionId', p.action_id,
                        'organisationId', o.id, 'code', o.code, 'name', o.name, 'role', p.role)
                        ORDER BY o.code)
                 FROM action_partners p JOIN ${ORGANISATION_ROWS} o ON o.id = p.organisation_id
                WHERE p.action_id = a.id) AS partners
         FROM actions a WHERE a.id = $1 ${lock}`,
      [id],
    );
    if (rows.length === 0) return null;
    const { partners, ...action } = rows[0];
    return { action, partners: partners ?? [] };
  }

  /**
   * `values.id`: the id it gets when given beforehand (an import's row); else a new one. One
   * statement, answering the new row as the other changes do; status, health, verification,
   * progress and version start at their column defaults (not started, 0 %, version 1).
   */
  async insert(
    manager: EntityManager,
    values: ActionInsert & { id?: string },
  ): Promise<ActionEntity> {
    const parameters = new StatementParameters();
    const columns: [string, string][] = [
      ...(values.id !== undefined ? [['id', parameters.add(values.id)] as [string, string]] : []),
      ['programme_id', parameters.add(values.programmeId)],
      ['track_id', parameters.add(values.trackId)],
      ['commitment_id', parameters.add(values.commitmentId)],
      ['parent_action_id', parameters.add(values.parentActionId)],
      ['title', parameters.add(values.title)],
      ['description', parameters.add(values.description)],
      ['owner_organisation_id', parameters.add(values.ownerOrganisationId)],
      ['owner_user_id', parameters.add(values.ownerUserId)],
      ['start_date', parameters.add(values.startDate)],
      ['deadline', parameters.add(values.deadline)],
      ['tags', parameters.add(values.tags, 'text[]')],
      ['public', parameters.add(values.public)],
    ];
    const [created] = await this.query<ActionEntity>(
      manager,
      `INSERT INTO actions AS a (${columns.map(([column]) => column).join(', ')})
       VALUES (${columns.map(([, parameter]) => parameter).join(', ')})
       RETURNING ${ACTION_COLUMNS}`,
      parameters.values,
    );
    return created;
  }

  /**
   * Applies `values` only if the action is still at `version`; moves the version on.
   * Answers the new row, or null when someone changed it first (a lost update prevented).
   *
   * In the transaction of `manager`, or, without one, as one statement of its own with
   * `parts` (the timeline entry, the outbox event, the audit event) as CTEs gated on the
   * change (`changed`, which yields the new row under its property names): all of them
   * happen, or none.
   */
  async updateVersioned(
    manager: EntityManager | undefined,
    id: string,
    version: number,
    values: ActionUpdate,
    parts: readonly StatementPart[] = [],
  ): Promise<ActionEntity | null> {
    const parameters = new StatementParameters();
    const where = `a.id = ${parameters.add(id)} AND a.version = ${parameters.add(version)}`;
    const assignments = Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => {
        const column = UPDATABLE[field];
        if (!column) throw new Error(`actions: ${field} cannot be updated`);
        return `${column} = ${parameters.add(value)}`;
      });
    const ctes = parts.map((part, i) => `, part_${i} AS (${part(parameters, 'changed')})`);
    // The time of the change itself, not of its transaction's start: a change that waited on
    // the row lock must not appear older than ones a client already synced (updatedSince).
    // Without a transaction, the statement is one of its own: run again when it met another
    // (the one-statement progress update), or in a transaction with an Idempotency-Key.
    const run = (inTransaction?: EntityManager) =>
      this.query<ActionEntity>(
        inTransaction,
        `WITH changed AS (
         UPDATE actions a SET ${[...assignments, 'version = a.version + 1', 'updated_at = clock_timestamp()'].join(', ')}
          WHERE ${where}
          RETURNING ${ACTION_COLUMNS})${ctes.join('')}
       SELECT * FROM changed`,
        parameters.values,
        false,
      );
    const rows = await (manager
      ? run(manager)
      : this.transactions.write(run, (changed) => changed.length > 0));
    return rows[0] ?? null;
  }

  /** `isNew`: the action was inserted in this transaction, so it has no partners to remove. */
  async replacePartners(
    manager: EntityManager,
    actionId: string,
    partners: readonly { organisationId: string; role: PartnerRole }[],
    isNew = false,
  ): Promise<void> {
    if (!isNew) {
      await manager.query('DELETE FROM action_partners WHERE action_id = $1', [actionId]);
    }
    if (partners.length === 0) return;
    await this.query(
      manager,
      `INSERT INTO action_partners (action_id, organisation_id, role)
       SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
      [actionId, partners.map((p) => p.organisationId), partners.map((p) => p.role)],
    );
  }

  /** Whether the row exists in the programme (tracks, commitments, parent actions). */
  async inProgramme(
    table: 'tracks' | 'commitments' | 'actions',
    id: string,
    programmeId: string,
    manager: EntityManager,
  ): Promise<{ parentActionId?: string | null; trackId?: string | null } | undefined> {
    const columns =
      table === 'actions' ? ', parent_action_id AS "parentActionId", track_id AS "trackId"' : '';
    // Tracks are identity's: read through the relation it vouches for.
    const from = table === 'tracks' ? `${TRACK_ROWS} t` : table;
    const rows = await this.query<{ parentActionId?: string | null; trackId?: string | null }>(
      manager,
      `SELECT 1 AS found${columns} FROM ${from} WHERE id = $1 AND programme_id = $2`,
      [id, programmeId],
    );
    return rows[0];
  }
}
