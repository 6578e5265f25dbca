import { IntersectionType } from '@nestjs/swagger';
import { PageQueryDto } from '@app/core';
import { AuditEventFiltersQuery } from './audit-event-filters.query';

/** The filters plus `limit` and `cursor`; the order is fixed: newest first. */
export class ListAuditEventsQuery extends IntersectionType(AuditEventFiltersQuery, PageQueryDto) {}
