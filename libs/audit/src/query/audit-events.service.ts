import { Injectable } from '@nestjs/common';
import { Clock, type CsvDownload, type KeysetPage, mapPage, openCsvDownload } from '@app/core';

import { AuditIntegrityService } from '../verification/audit-integrity.service';
import type { AuditEventEntity } from './audit-event.entity';
import { type AuditEventResponse, mapAuditEvent } from './audit-event.response';
import { auditCsvHeader, auditCsvRows } from './audit-events-csv';
import { type AuditEventFilter, AuditEventsRepository } from './audit-events.repository';
import { AuditQueryErrors } from './audit-query.errors';
import { type AuditVerificationResponse, mapVerification } from './audit-verification.response';
import type { AuditEventFiltersQuery } from './dto/audit-event-filters.query';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

/** Events read per query of an export: one index range each, a few hundred kB in memory. */
export const EXPORT_BATCH_SIZE = 500;

/**
 * Where a reader may look: everywhere, or in these programmes only. The caller decides it
 * with the access policy (identity's `programmeScope`); this service applies it, for the
 * list, one event and the export alike, in `filterFor`.
 */
export type AuditReadScope = 'everywhere' | readonly string[];

/** Reading the audit log (DESIGN §5). */
@Injectable()
export class AuditEventsService {
  constructor(
    private readonly events: AuditEventsRepository,
    private readonly integrity: AuditIntegrityService,
    private readonly clock: Clock,
  ) {}

  /** One page of the events the caller may read, newest first. */
  async list(
    scope: AuditReadScope,
    query: ListAuditEventsQuery,
  ): Promise<KeysetPage<AuditEventResponse>> {
    const page = await this.events.page(this.filterFor(scope, query), query.limit, query.cursor);
    return mapPage(page, mapAuditEvent);
  }

  /** One event; 404 when there is none or the caller may not read it. */
  async get(scope: AuditReadScope, sequence: string): Promise<AuditEventResponse> {
    const event = await this.events.findOne(this.filterFor(scope, {}), sequence);
    if (!event) throw AuditQueryErrors.eventNotFound();
    return mapAuditEvent(event);
  }

  /**
   * Every event of the list's filters as CSV, newest first, read in batches as the client
   * takes them (the stream's back-pressure), so memory stays flat whatever the size. No row
   * cap: a silently cut audit export would look complete; narrow it with the filters instead.
   */
  async export(scope: AuditReadScope, query: AuditEventFiltersQuery): Promise<CsvDownload> {
    const filter = this.filterFor(scope, query);
    // Read before anything is sent, so that a database failure here is still a plain 500.
    const first = await this.events.olderThan(filter, undefined, EXPORT_BATCH_SIZE);
    return openCsvDownload('audit-events', this.clock.now(), this.csv(filter, first));
  }

  /** Recomputes the hash chain from `from` (default: the first event). */
  async verify(from?: number): Promise<AuditVerificationResponse> {
    const verification = await this.integrity.verify(from === undefined ? undefined : BigInt(from));
    return mapVerification(verification);
  }

  /** Stops reading when the client goes away: the stream's destroy() ends the generator. */
  private async *csv(filter: AuditEventFilter, first: AuditEventEntity[]): AsyncGenerator<string> {
    yield auditCsvHeader();
    let batch = first;
    while (batch.length > 0) {
      yield auditCsvRows(batch.map(mapAuditEvent));
      if (batch.length < EXPORT_BATCH_SIZE) return;
      const last = batch[batch.length - 1].sequence;
      batch = await this.events.olderThan(filter, last, EXPORT_BATCH_SIZE);
    }
  }

  /** The caller's filters, narrowed to what the caller may read. */
  private filterFor(scope: AuditReadScope, query: AuditEventFiltersQuery): AuditEventFilter {
    if (
      query.occurredFrom !== undefined &&
      query.occurredTo !== undefined &&
      Date.parse(query.occurredTo) <= Date.parse(query.occurredFrom)
    ) {
      throw AuditQueryErrors.emptyPeriod();
    }
    return {
      programmeIds: scope === 'everywhere' ? undefined : scope,
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actor,
      actorOrganisationId: query.organisation,
      operation: query.operation,
      occurredFrom: query.occurredFrom,
      occurredTo: query.occurredTo,
    };
  }
}
