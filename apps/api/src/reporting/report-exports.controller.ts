import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig, loggableError } from '@app/core';
import { Permission, type Principal } from '@app/identity';
import {
  CreateReportExportDto,
  ReportExportParams,
  ReportExportResponse,
  ReportExportsService,
} from '@app/reporting';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { Idempotent } from '../http/idempotency';
import { withExportLinks } from '../http/links';

const logger = new Logger('ReportExports');

const OWN =
  'Only the person who asked for an export sees it and downloads its file (anyone else, and ' +
  'an API token of another programme: 404), while they may still read the programme’s reports.';

@ApiTags('reports')
@Controller('report-exports')
export class ReportExportsController {
  constructor(
    private readonly exports: ReportExportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @Access(Permission.ReportsRead, { rateLimit: 'expensive' })
  @Idempotent()
  @ApiOperation({
    summary: 'Export a progress report',
    description:
      'Renders a progress report (the options of GET /v1/programmes/{id}/reports/progress) in ' +
      'the background, for reports too large to wait for. Answers 202 with the export and its ' +
      '`Location`; poll it for `status` and `progress` (0–100); once `done`, its `_links.file` ' +
      'downloads the file until `expiresAt` (REPORT_EXPORT_RETENTION_HOURS), after which the ' +
      `export is deleted. A draft letter (\`docx\`) lists at most REPORT_LETTER_MAX_ACTIONS ` +
      `actions: a larger report of now is refused at once (413); one of the past fails when ` +
      `rendered (\`errorCode\` REPORT_TOO_LARGE). ${OWN}`,
  })
  // The half-year report of the whole programme: composed from the DTO, the example would set
  // every filter at once (openapi-examples.ts), which no one asks for.
  @ApiBody({
    type: CreateReportExportDto,
    examples: {
      halfYear: {
        summary: 'The progress report of the first half of 2026, as a workbook',
        value: {
          programmeId: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
          asOf: '2026-06-30',
          since: '2026-01-01',
          format: 'xlsx',
          lang: 'nl',
        },
      },
      letter: {
        summary: 'The draft progress letter to parliament (Kamerbrief, Word) of a large programme',
        value: {
          programmeId: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
          since: '2026-01-01',
          format: 'docx',
          lang: 'nl',
        },
      },
    },
  })
  @ApiPayloadTooLargeResponse({
    description: 'REPORT_TOO_LARGE: a draft letter (docx) of more actions than a letter lists.',
  })
  @ApiAcceptedResponse({
    type: ReportExportResponse,
    description: 'Queued.',
    headers: {
      Location: {
        description: 'The export: /v1/report-exports/{id}.',
        schema: { type: 'string', format: 'uri' },
      },
    },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateReportExportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportExportResponse> {
    const created = withExportLinks(this.config, await this.exports.create(principal, body));
    res.setHeader('Location', created._links.self.href);
    return created;
  }

  @Get(':id')
  @Access(Permission.ReportsRead)
  @ApiOperation({ summary: 'A report export: its status and progress', description: OWN })
  @ApiOkResponse({ type: ReportExportResponse, description: 'The export.' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportExportParams,
  ): Promise<ReportExportResponse> {
    return withExportLinks(this.config, await this.exports.get(principal, params.id));
  }

  @Get(':id/file')
  @Access(Permission.ReportsRead, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Download the file of a report export',
    description: `The rendered file, as an attachment. ${OWN}`,
  })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'text/html',
  )
  @ApiOkResponse({
    description: 'The file, in the export’s format.',
    content: {
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="…"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiConflictResponse({ description: 'REPORT_EXPORT_NOT_READY: not rendered (yet), or failed.' })
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportExportParams,
  ): Promise<StreamableFile> {
    const file = await this.exports.file(principal, params.id);
    return new StreamableFile(Readable.from(file.chunks), {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename="${file.filename}"`,
    }).setErrorHandler((error, response) => {
      logger.error({ error: loggableError(error) }, 'Report export download failed');
      if (!response.destroyed) response.destroy?.();
    });
  }
}
