import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import type { KeysetPage } from '@app/core';
import { AuditEventEntity } from './audit-event.entity';
import { decodeSequenceCursor, sequencePage, sequenceWindow } from './sequence-keyset';

/** Which events: every condition given must hold. */
export interface AuditEventFilter {
  /** Only events inside these programmes; absent: the whole log, events outside programmes too. */
  programmeIds?: readonly string[];
  entityType?: string;
  entityId?: string;
  actorId?: string;
  actorOrganisationId?: string;
  operation?: string;
  /** ISO 8601 instant, inclusive. */
  occurredFrom?: string;
  /** ISO 8601 instant, exclusive. */
  occurredTo?: string;
}

/**
 * Reads the audit log. Every query orders by sequence, newest first, so that each filter runs
 * on its (column, sequence) index of migration 1795417200000.
 */
@Injectable()
export class AuditEventsRepository {
  constructor(
    @InjectRepository(AuditEventEntity)
    private readonly events: Repository<AuditEventEntity>,
  ) {}

  /** One page of a keyset walk; a cursor this list did not issue is a 400. */
  async page(
    filter: AuditEventFilter,
    limit: number,
    rawCursor?: string,
  ): Promise<KeysetPage<AuditEventEntity>> {
    const cursor = rawCursor === undefined ? undefined : decodeSequenceCursor(rawCursor);
    const window = sequenceWindow(cursor);
    const query = this.filtered(filter);
    if (window.bound) {
      query.andWhere(`e.sequence ${window.bound.operator} :bound`, {
        bound: window.bound.sequence,
      });
    }
    const rows = await query
      .orderBy('e.sequence', window.order)
      .limit(limit + 1)
      .getMany();
    return sequencePage(rows, limit, cursor);
  }

  /** Up to `size` events older than `before` (from the newest when absent), newest first. */
  olderThan(
    filter: AuditEventFilter,
    before: string | undefined,
    size: number,
  ): Promise<AuditEventEntity[]> {
    const query = this.filtered(filter);
    if (before !== undefined) query.andWhere('e.sequence < :before', { before });
    return query.orderBy('e.sequence', 'DESC').limit(size).getMany();
  }

  /** The event at `sequence` if it passes the filter. */
  findOne(filter: AuditEventFilter, sequence: string): Promise<AuditEventEntity | null> {
    return this.filtered(filter).andWhere('e.sequence = :sequence', { sequence }).getOne();
  }

  private filtered(filter: AuditEventFilter): SelectQueryBuilder<AuditEventEntity> {
    const query = this.events.createQueryBuilder('e');
    if (filter.programmeIds !== undefined) {
      if (filter.programmeIds.length === 0) query.andWhere('false');
      else
        query.andWhere('e.programmeId IN (:...programmeIds)', {
          programmeIds: filter.programmeIds,
        });
    }
    const equalities = [
      ['entityType', filter.entityType],
      ['entityId', filter.entityId],
      ['actorId', filter.actorId],
      ['actorOrganisationId', filter.actorOrganisationId],
      ['operation', filter.operation],
    ] as const;
    for (const [property, value] of equalities) {
      if (value !== undefined)
        query.andWhere(`e.${property} = :${property}`, { [property]: value });
    }
    if (filter.occurredFrom !== undefined) {
      query.andWhere('e.occurredAt >= :occurredFrom', { occurredFrom: filter.occurredFrom });
    }
    if (filter.occurredTo !== undefined) {
      query.andWhere('e.occurredAt < :occurredTo', { occurredTo: filter.occurredTo });
    }
    return query;
  }
}
