import {
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { Permission, ProgrammeParams } from '@app/identity';
import {
  jsonReportSummary,
  ProgressReportDocument,
  ProgressReportQuery,
  ProgressReportsService,
  REPORT_MEDIA,
  ReportOptionsQuery,
  ReportSummaryDocument,
} from '@app/reporting';
import { Access } from '../access/access.decorator';
import { askedReportFormat, progressReportFile } from './progress-report-file';
import { publicRequestUrl } from '../http/list-envelope';

const WHO = 'Every member of the programme (and its API tokens) may read its reports.';

@ApiTags('reports')
@ApiExtraModels(ProgressReportDocument)
@Controller('programmes/:id/reports/progress')
export class ProgressReportsController {
  constructor(
    private readonly reports: ProgressReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('summary')
  @Access(Permission.ReportsRead, { programmeParam: 'id', rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Progress report summary',
    description:
      'The figures of the progress report without the per-action rows: counts by status × ' +
      'health, by track, commitment kind and owner organisation, overdue, completed in the ' +
      'period, deadlines within 30 and 90 days, the share of open actions updated in the last ' +
      '30 days, and verification. Of now, it is served from a summary kept per programme ' +
      'data version (never stale: every change moves the version in its own transaction). ' +
      'Of the past, of more than REPORT_DIRECT_MAX_PAST_ACTIONS actions, it answers 413: ask ' +
      'for it with POST /v1/report-exports. ' +
      WHO,
  })
  @ApiOkResponse({ type: ReportSummaryDocument, description: 'The summary.' })
  @ApiPayloadTooLargeResponse({
    description: 'REPORT_TOO_LARGE: a report of the past too large to rebuild here; use an export.',
  })
  async summary(
    @Param() params: ProgrammeParams,
    @Query() query: ReportOptionsQuery,
    @Req() req: Request,
  ): Promise<ReportSummaryDocument> {
    const parameters = this.reports.parameters(params.id.toLowerCase(), query);
    const { header, summary } = await this.reports.directSummary(parameters);
    return {
      ...header,
      summary: jsonReportSummary(summary),
      _links: { self: { href: this.href(req) } },
    } as ReportSummaryDocument;
  }

  @Get()
  @Access(Permission.ReportsRead, { programmeParam: 'id', rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Progress report',
    description:
      'The voortgangsrapportage of a programme as of a moment (`asOf`, default now; a past ' +
      'moment is reconstructed from the progress timeline and the audit log, so the report of ' +
      'last June can be reproduced), optionally with what changed per action `since` a ' +
      'moment, narrowed by the filters. The format comes from `format`, else from `Accept`: ' +
      'JSON (streamed), CSV (streamed; UTF-8 with BOM, `separator=semicolon` for Dutch Excel), ' +
      'XLSX (a summary sheet and an actions sheet), PDF and HTML (cover, summary with charts, ' +
      'actions by track), and DOCX: a draft progress letter to parliament (Kamerbrief: ' +
      'letterhead, introduction with the key figures, a section per track, closing, and an ' +
      'annex table of every action) for the manager to complete and send. Labels in Dutch, ' +
      '`lang=en` for English. A letter lists at most REPORT_LETTER_MAX_ACTIONS actions (413 ' +
      'above it, an export too: narrow the filters). XLSX, PDF, HTML and DOCX of more ' +
      'than REPORT_DIRECT_MAX_ACTIONS actions, and reports of the past of more than ' +
      'REPORT_DIRECT_MAX_PAST_ACTIONS in any format, answer 413: ask for them with POST ' +
      '/v1/report-exports. ' +
      WHO,
  })
  @ApiProduces(...Object.values(REPORT_MEDIA).map((media) => media.contentType.split(';')[0]))
  @ApiOkResponse({
    description: 'The report in the format asked for.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ProgressReportDocument) } },
      'text/csv': { schema: { type: 'string' } },
      [REPORT_MEDIA.xlsx.contentType]: { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'text/html': { schema: { type: 'string' } },
      [REPORT_MEDIA.docx.contentType]: { schema: { type: 'string', format: 'binary' } },
    },
    headers: {
      'Content-Disposition': {
        description:
          'attachment (CSV, XLSX, PDF, DOCX) or inline (JSON, HTML), with the file name ' +
          '(`voortgangsrapportage-<date>.<ext>`; the letter `voortgangsbrief-<date>.docx`).',
        schema: { type: 'string' },
      },
    },
  })
  @ApiPayloadTooLargeResponse({
    description:
      'REPORT_TOO_LARGE: too many actions for XLSX, PDF, HTML or DOCX here (or for a letter at ' +
      'all), or a report of the past ' +
      'too large to rebuild here; use an export.',
  })
  async report(
    @Param() params: ProgrammeParams,
    @Query() query: ProgressReportQuery,
    @Headers('accept') accept: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = askedReportFormat(query.format, accept);
    const parameters = this.reports.parameters(params.id.toLowerCase(), query);
    const report = await this.reports.directReport(parameters, format);
    return progressReportFile(report, format, res, {
      separator: query.separator,
      links: { self: { href: this.href(req) } },
    });
  }

  private href(req: Request): string {
    return publicRequestUrl(this.config, req).toString();
  }
}
