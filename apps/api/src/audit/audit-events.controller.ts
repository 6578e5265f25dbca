import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AuditEventFiltersQuery,
  AuditEventParams,
  AuditEventResponse,
  AuditEventsService,
  AuditVerificationResponse,
  ListAuditEventsQuery,
  VerifyAuditChainQuery,
} from '@app/audit';
import { ApiListResponse, APP_CONFIG, type AppConfig } from '@app/core';
import type { ListResponse } from '@app/core';
import { Permission, programmeScope } from '@app/identity';
import type { Principal } from '@app/identity';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { csvDownload } from './csv-download';
import { listEnvelope } from '../http/list-envelope';

const WHO_SEES_WHAT =
  'Platform administrators see every event; coordinators the events of the programmes they ' +
  'coordinate (events outside programmes, such as log-ins, are for platform administrators ' +
  "only); a coordinator's API token its own programme's.";

const BAD_FILTER = {
  description:
    'VALIDATION_FAILED: a filter is malformed (`invalidParams` names each), or `occurredTo` is not after `occurredFrom`.',
};
const PROGRAMME_HIDDEN = {
  description: 'PROGRAMME_NOT_FOUND: `programme` is not a programme of yours.',
};

/**
 * The audit log (DESIGN §5). Routes match in the order declared here: `export` and `verify`
 * come before `:sequence`, which would otherwise take them for (malformed) sequence numbers.
 */
@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auditEvents: AuditEventsService,
  ) {}

  @Get()
  @Access(Permission.AuditRead)
  @ApiOperation({
    summary: 'List audit events',
    description: `Newest first; every filter given must hold. ${WHO_SEES_WHAT}`,
  })
  @ApiListResponse(AuditEventResponse, 'One page of audit events, newest first.')
  @ApiBadRequestResponse({
    description: `${BAD_FILTER.description} INVALID_CURSOR: the cursor was not issued by this list.`,
  })
  @ApiNotFoundResponse(PROGRAMME_HIDDEN)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListAuditEventsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<AuditEventResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.auditEvents.list(
        programmeScope(principal, Permission.AuditRead, query.programme),
        query,
      ),
    );
  }

  @Get('export')
  @Access(Permission.AuditRead, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Export audit events as CSV',
    description:
      'The events of the same filters as the list, all of them, newest first, as a CSV ' +
      'attachment with a header row (UTF-8, comma-separated, CRLF). Nested fields are ' +
      'flattened (`actorType`, `clientAddress`, …), `changes` and `details` are JSON text, and ' +
      'a cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe ' +
      '(CSV injection). Streamed as read: if the export fails half-way the connection is cut, ' +
      `never ended, so an incomplete file is recognisable. ${WHO_SEES_WHAT}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file.',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="audit-events-<UTC timestamp>.csv"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiBadRequestResponse(BAD_FILTER)
  @ApiNotFoundResponse(PROGRAMME_HIDDEN)
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditEventFiltersQuery,
  ): Promise<StreamableFile> {
    return csvDownload(
      await this.auditEvents.export(
        programmeScope(principal, Permission.AuditRead, query.programme),
        query,
      ),
    );
  }

  @Get('verify')
  @Access(Permission.AuditVerify, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Verify the audit chain',
    description:
      'Recomputes the hash chain and holds it against the latest signed checkpoint. Always ' +
      '200: a broken chain is a finding (`valid: false`, with where and why), not an error.',
  })
  @ApiOkResponse({ type: AuditVerificationResponse, description: 'What the check found.' })
  verify(@Query() query: VerifyAuditChainQuery): Promise<AuditVerificationResponse> {
    return this.auditEvents.verify(query.from);
  }

  @Get(':sequence')
  @Access(Permission.AuditRead)
  @ApiOperation({ summary: 'Get an audit event', description: WHO_SEES_WHAT })
  @ApiOkResponse({ type: AuditEventResponse, description: 'The event.' })
  @ApiNotFoundResponse({
    description: 'AUDIT_EVENT_NOT_FOUND: no such event, or not one you may read.',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AuditEventParams,
  ): Promise<AuditEventResponse> {
    return this.auditEvents.get(programmeScope(principal, Permission.AuditRead), params.sequence);
  }
}
