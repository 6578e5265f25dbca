import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission, ProgrammeParams } from '@app/identity';
import {
  OPEN_DATA_FIELDS,
  type OpenDataFormat,
  OpenDataQuery,
  OpenDataResponse,
  OpenDataService,
} from '@app/reporting';
import { Access } from '../access/access.decorator';
import { csvDownload } from '../audit/csv-download';

const FIELD_LIST = OPEN_DATA_FIELDS.map((field) => `\`${field.name}\``).join(', ');

/** `format` wins; else `Accept` (with its q-values), JSON by default and for anything else. */
export function openDataFormat(format: OpenDataFormat | undefined, req: Request): OpenDataFormat {
  if (format) return format;
  return req.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json';
}

/**
 * Open data: what a programme marked public, for anyone, without signing in. Nothing about
 * people leaves through it (README "Open data").
 */
@ApiTags('open-data')
@Controller('programmes/:id/open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get()
  @Access(Permission.Public, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: "The programme's open data",
    description:
      'The actions the programme marked `public`, with only the documented, non-personal ' +
      `fields: ${FIELD_LIST} (see the schema, or the README's "Open data"). No sign-in needed. ` +
      'JSON (the default) is paged like every list (`limit` ≤ 200, `_links.next`), by ' +
      'deadline then id. CSV (`Accept: text/csv` or `format=csv`) has every public action, ' +
      'streamed: UTF-8 with a byte order mark, a header row with the field names, CRLF, RFC ' +
      '4180 quoting, comma-separated or, with `separator=semicolon`, semicolon-separated (Excel ' +
      'with Dutch settings); `partnerOrganisations` joined with `|`, empty cells for null, and ' +
      'a leading apostrophe for a cell that starts with = + - @, a tab or a carriage return ' +
      '(CSV injection). A programme with nothing public answers an empty list (CSV: the header ' +
      'only).',
  })
  @ApiExtraModels(OpenDataResponse)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The open data, as JSON or as a CSV attachment.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OpenDataResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
    headers: {
      'Content-Disposition': {
        description:
          'CSV only: attachment; filename="open-data-<programme id>-<UTC timestamp>.csv"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: no such programme.' })
  async get(
    @Param() params: ProgrammeParams,
    @Query() query: OpenDataQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OpenDataResponse | StreamableFile> {
    res.vary('Accept');
    if (openDataFormat(query.format, req) === 'csv') {
      return csvDownload(await this.openData.csv(params.id, query.separator ?? 'comma'));
    }
    return this.openData.document(params.id, query, req.originalUrl);
  }
}
