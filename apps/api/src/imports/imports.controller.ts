import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ApiListResponse,
  APP_CONFIG,
  type AppConfig,
  type ListResponse,
  PageQueryDto,
} from '@app/core';
import { Permission, type Principal, ProgrammeParams } from '@app/identity';
import {
  ChooseRowsDto,
  CreateImportBody,
  IMPORT_WORKBOOK_MEDIA_TYPE,
  ImportParams,
  ImportResponse,
  ImportRowResponse,
  ImportsService,
  ImportTemplateQuery,
  ListImportRowsQuery,
  type UploadedFile as ImportFile,
} from '@app/imports';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { Idempotent } from '../http/idempotency';
import { RequireMultipartInterceptor } from '../http/require-multipart.interceptor';
import { withImportLinks, withImportRowLinks } from '../http/links';
import { listEnvelope } from '../http/list-envelope';

const COORDINATORS =
  'Coordinators of the programme only (`imports:manage`): an import changes any commitment and action.';
const NOT_FOUND = 'IMPORT_NOT_FOUND: no such import in this programme (or past its retention).';

@ApiTags('imports')
@Controller('programmes/:id')
export class ImportsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly imports: ImportsService,
  ) {}

  @Get('import-template.xlsx')
  @Access(Permission.ImportsManage, { programmeParam: 'id', rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'The import workbook: empty, or filled with the programme’s data',
    description:
      'An XLSX workbook with an instruction sheet, a Commitments and an Actions sheet (Dutch ' +
      'headers; English with `lang=en`), and pick lists for kinds, statuses, health, phases, ' +
      'organisations (codes) and tracks. With `filled=true` every commitment and action of the ' +
      'programme is a row carrying its key and version, to edit and import again: a row changed in ' +
      `the app since is then a conflict, never silently overwritten. ${COORDINATORS}`,
  })
  @ApiProduces(IMPORT_WORKBOOK_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The workbook.',
    content: { [IMPORT_WORKBOOK_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="import-….xlsx"',
        schema: { type: 'string' },
      },
    },
  })
  async template(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @Query() query: ImportTemplateQuery,
    @Res() res: Response,
  ): Promise<void> {
    const workbook = await this.imports.template(principal, params.id.toLowerCase(), query);
    res
      .status(200)
      .setHeader('Content-Type', IMPORT_WORKBOOK_MEDIA_TYPE)
      .setHeader('Content-Disposition', `attachment; filename="${workbook.filename}"`);
    await workbook.write(res);
    res.end();
  }

  @Post('imports')
  @HttpCode(202)
  @Access(Permission.ImportsManage, { programmeParam: 'id', rateLimit: 'expensive' })
  @Idempotent()
  // Below @Idempotent: these run first, so the key's fingerprint covers the parsed file.
  @UseInterceptors(RequireMultipartInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Upload a spreadsheet: its dry run follows',
    description:
      'Takes an XLSX workbook (the import workbook, or any with a Toezeggingen/Commitments or ' +
      'Acties/Actions sheet) or a CSV file (`,` or `;`; UTF-8 with or without BOM, or ' +
      'Windows-1252) as multipart field `file`, at most IMPORT_MAX_BYTES (413 above). Answers ' +
      '202 with the import; the worker then reads the file into a **dry run**: per row `create`, ' +
      '`update` (the changed fields), `unchanged`, `conflict` (changed in the app since the row’s ' +
      'version) or `error` (every problem, at its sheet, row and column). Nothing changes until ' +
      `the apply. ${COORDINATORS}`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The .xlsx or .csv file.' },
        lang: {
          type: 'string',
          enum: ['nl', 'en'],
          description: 'The language of the dry run’s messages.',
        },
      },
    },
  })
  @ApiAcceptedResponse({
    type: ImportResponse,
    description: 'Stored; the dry run is being made.',
    headers: {
      Location: { description: 'The import.', schema: { type: 'string', format: 'uri' } },
    },
  })
  @ApiResponse({ status: 413, description: 'IMPORT_FILE_TOO_LARGE: larger than IMPORT_MAX_BYTES.' })
  @ApiResponse({ status: 415, description: 'UNSUPPORTED_MEDIA_TYPE: not multipart/form-data.' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @UploadedFile() file: ImportFile | undefined,
    @Body() body: CreateImportBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResponse> {
    const created = withImportLinks(
      this.config,
      await this.imports.upload(principal, params.id.toLowerCase(), file, body),
    );
    res.setHeader('Location', created._links.self.href);
    return created;
  }

  @Get('imports')
  @Access(Permission.ImportsManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'The programme’s imports, newest first',
    description: `Those still kept (IMPORT_RETENTION_HOURS). ${COORDINATORS}`,
  })
  @ApiListResponse(ImportResponse)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProgrammeParams,
    @Query() query: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<ImportResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.imports.list(principal, params.id.toLowerCase(), query),
      (upload) => withImportLinks(this.config, upload),
    );
  }

  @Get('imports/:importId')
  @Access(Permission.ImportsManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'An import: its status, counts per outcome and the apply’s progress',
    description: COORDINATORS,
  })
  @ApiOkResponse({ type: ImportResponse, description: 'The import.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ImportParams,
  ): Promise<ImportResponse> {
    return withImportLinks(
      this.config,
      await this.imports.get(principal, params.id.toLowerCase(), params.importId),
    );
  }

  @Get('imports/:importId/rows')
  @Access(Permission.ImportsManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'The dry run’s rows, and what the apply did to each',
    description: `In the file’s order (commitments first), filtered by outcome, sheet or result. ${COORDINATORS}`,
  })
  @ApiListResponse(ImportRowResponse)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async rows(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ImportParams,
    @Query() query: ListImportRowsQuery,
    @Req() req: Request,
  ): Promise<ListResponse<ImportRowResponse>> {
    return listEnvelope(
      this.config,
      req,
      await this.imports.listRows(principal, params.id.toLowerCase(), params.importId, query),
      (row) => withImportRowLinks(this.config, row),
    );
  }

  @Post('imports/:importId/choices')
  @HttpCode(200)
  @Access(Permission.ImportsManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Choose, per conflicting row, the sheet’s values or the app’s',
    description:
      '`sheet` applies the row as the sheet has it; `app` keeps what the app has (the row is not ' +
      `applied). A choice can be changed until the apply. ${COORDINATORS}`,
  })
  @ApiOkResponse({
    type: ImportResponse,
    description: 'The import, with its unresolved conflicts.',
  })
  @ApiConflictResponse({
    description: 'IMPORT_NOT_PLANNED: the dry run is not ready, or was applied.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async choose(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ImportParams,
    @Body() body: ChooseRowsDto,
  ): Promise<ImportResponse> {
    return withImportLinks(
      this.config,
      await this.imports.choose(principal, params.id.toLowerCase(), params.importId, body),
    );
  }

  @Post('imports/:importId/apply')
  @HttpCode(202)
  @Access(Permission.ImportsManage, { programmeParam: 'id', rateLimit: 'expensive' })
  @Idempotent()
  @ApiOperation({
    summary: 'Apply the dry run',
    description:
      'The worker applies every `create`, `update` and conflict chosen `sheet`, row after row, ' +
      'through the same rules as the API (status moves, required reasons, one audit event per ' +
      'change carrying the import’s id), as the caller. Rows with errors are skipped. A row whose ' +
      'commitment or action changed since the dry run fails (412 VERSION_CONFLICT in its ' +
      '`resultDetail`) rather than overwrite it. Follow `progress` on the import. ' +
      COORDINATORS,
  })
  @ApiAcceptedResponse({ type: ImportResponse, description: 'The apply is under way.' })
  @ApiConflictResponse({
    description:
      'IMPORT_NOT_PLANNED: not ready or applied already; IMPORT_CONFLICTS_UNRESOLVED: a conflict has no choice; ' +
      'IMPORT_OUTDATED: another import was applied since this file was uploaded, or is being applied (upload again).',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async apply(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ImportParams,
  ): Promise<ImportResponse> {
    return withImportLinks(
      this.config,
      await this.imports.apply(principal, params.id.toLowerCase(), params.importId),
    );
  }
}
