import { pipeline } from 'node:stream';
import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig, type CsvDownload, loggableError } from '@app/core';
import { Permission, ProgrammeParams } from '@app/identity';
import {
  mapDcatDataset,
  OPEN_DATA_FIELDS,
  openDataEtag,
  type OpenDataFormat,
  OpenDataQuery,
  OpenDataResponse,
  OpenDataService,
  type OpenDataState,
} from '@app/reporting';
import { Access } from '../access/access.decorator';
import { isNotModified } from '../http/conditional-get';
import { resourceUrl } from '../http/resource-url';
import { listEnvelope } from '../http/list-envelope';

const FIELD_LIST = OPEN_DATA_FIELDS.map((field) => `\`${field.name}\``).join(', ');
const logger = new Logger('OpenData');

/** `format` wins; else `Accept` (with its q-values), JSON by default and for anything else. */
export function openDataFormat(format: OpenDataFormat | undefined, req: Request): OpenDataFormat {
  if (format) return format;
  return req.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json';
}

/** JSON-LD unless only plain JSON is asked for: the same document either way. */
function datasetType(req: Request): 'application/ld+json' | 'application/json' {
  return req.accepts(['application/ld+json', 'application/json']) === 'application/json'
    ? 'application/json'
    : 'application/ld+json';
}

/**
 * Public data, the same for everyone: shared caches may keep it, but must ask again each time
 * (cheap with the validators), so that an action made private is gone at once.
 */
const CACHE_CONTROL = 'public, no-cache';

const VALIDATOR_HEADERS = {
  ETag: {
    description:
      'Weak; changes with the licence, the public actions and anything they show, and the ' +
      'query. Send it back in `If-None-Match` for a 304.',
    schema: { type: 'string', example: 'W/"3q2-8n9Xo1aZk5sS0b7tHc1mVQ4yJwE"' },
  },
  'Last-Modified': {
    description:
      'The latest change of what the open data is read from. `If-Modified-Since` (without ' +
      '`If-None-Match`) gives a 304 when nothing changed since.',
    schema: { type: 'string', example: 'Tue, 24 Nov 2026 10:12:31 GMT' },
  },
  'Cache-Control': {
    description: '`public, no-cache`: caches may keep it, and revalidate each time.',
    schema: { type: 'string', example: 'public, no-cache' },
  },
  Link: {
    description: 'The licence (`rel="license"`) and the DCAT-AP-NL metadata (`rel="describedby"`).',
    schema: {
      type: 'string',
      example:
        '<http://creativecommons.org/publicdomain/zero/1.0/deed.nl>; rel="license", ' +
        '<https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/open-data/dataset>; rel="describedby"; type="application/ld+json"',
    },
  },
};

const NOT_MODIFIED = {
  status: 304,
  description:
    'Not modified: `If-None-Match` holds the current ETag, or (without it) nothing changed ' +
    'after `If-Modified-Since`. No body; the validators and `Link` as on a 200.',
};

const CONDITIONAL_HEADERS = [
  {
    name: 'If-None-Match',
    required: false,
    description: 'ETags the client has; 304 when one is current.',
  },
  {
    name: 'If-Modified-Since',
    required: false,
    description: 'An HTTP date; without If-None-Match, 304 when nothing changed after it.',
  },
];

/** The example of the metadata document, made by the code that makes the real one. */
const DATASET_EXAMPLE = mapDcatDataset({
  programme: {
    id: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
    name: 'Actieagenda Sterk Bestuur',
    description: 'De actieagenda focust op het samenspel tussen overheden.',
    createdAt: new Date('2023-06-01T08:00:00.000Z'),
  },
  licence: {
    id: 'cc0-1.0',
    uri: 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
    name: 'CC0 1.0 Universeel (Publiek Domein Verklaring)',
  },
  publisher: { code: 'BZK', name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' },
  modified: new Date('2026-11-24T10:12:31.000Z'),
  urls: {
    dataset:
      'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/open-data/dataset',
    openData:
      'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/open-data',
    contact: 'https://tracker.example.nl/',
  },
});

/**
 * Open data: what a programme marked public, for anyone, without signing in, under the
 * programme's licence and with DCAT-AP-NL metadata for data.overheid.nl. Nothing about people
 * leaves through it (README "Open data"). The handlers answer themselves (`@Res()`), as a 304
 * has no body for Nest to send.
 */
@ApiTags('open-data')
@Controller('programmes/:id/open-data')
export class OpenDataController {
  constructor(
    private readonly openData: OpenDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.Public, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: "The programme's open data",
    description:
      'The actions the programme marked `public`, with only the documented, non-personal ' +
      `fields: ${FIELD_LIST} (see the schema, or the README's "Open data"). No sign-in needed. ` +
      'JSON (the default) is paged like every list (`limit` ≤ 200, `_links.next`), by ' +
      'deadline then id, and names the licence (`licence`). CSV (`Accept: text/csv` or ' +
      '`format=csv`) has every public action, ' +
      'streamed: UTF-8 with a byte order mark, a header row with the field names, CRLF, RFC ' +
      '4180 quoting, comma-separated or, with `separator=semicolon`, semicolon-separated (Excel ' +
      'with Dutch settings); `partnerOrganisations` joined with `|`, empty cells for null, and ' +
      'a leading apostrophe for a cell that starts with = + - @, a tab or a carriage return ' +
      '(CSV injection). A programme with nothing public answers an empty list (CSV: the header ' +
      'only). Both formats carry the licence in `Link: <uri>; rel="license"` (CC0 1.0 unless ' +
      'the programme chose another, `PATCH /programmes/{id}` `openDataLicence`), and `ETag` ' +
      'and `Last-Modified` for conditional requests (304).',
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
      ...VALIDATOR_HEADERS,
      'Content-Disposition': {
        description:
          'CSV only: attachment; filename="open-data-<programme id>-<UTC timestamp>.csv"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse(NOT_MODIFIED)
  @ApiHeader(CONDITIONAL_HEADERS[0])
  @ApiHeader(CONDITIONAL_HEADERS[1])
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: no such programme.' })
  async get(
    @Param() params: ProgrammeParams,
    @Query() query: OpenDataQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const format = openDataFormat(query.format, req);
    const state = await this.openData.state(params.id);
    const variant =
      format === 'csv'
        ? `csv ${query.separator ?? 'comma'}`
        : `json ${query.limit} ${query.cursor ?? ''}`;
    if (this.notModified(req, res, state, variant)) return;
    if (format === 'csv') {
      sendCsv(req, res, await this.openData.csv(state, query.separator ?? 'comma'));
      return;
    }
    const { head, actions } = await this.openData.document(state, query);
    const list = listEnvelope(this.config, req, actions);
    res.status(200).json({ ...head, actions: list.data, _links: list._links });
  }

  @Get('dataset')
  @Access(Permission.Public, { rateLimit: 'expensive' })
  @ApiOperation({
    summary: "The DCAT-AP-NL metadata of the programme's open data",
    description:
      'The open data as a `dcat:Dataset` in JSON-LD, for data.overheid.nl to harvest (or any ' +
      'DCAT catalogue): title, description, publisher (the organisation accountable for most ' +
      'public actions), contact point, theme (OWMS `Bestuur` and EU `GOVE`), keywords, ' +
      'language, licence, issued, modified (the latest change of a public action), spatial ' +
      '(Nederland), access rights (public) and a `dcat:Distribution` per format (JSON, CSV) ' +
      'with access and download URL, file type, media type and licence. No sign-in needed. ' +
      '`application/ld+json` unless `Accept` asks for `application/json` only (the same ' +
      'document). Conditional requests as for the open data.',
  })
  @ApiProduces('application/ld+json', 'application/json')
  @ApiOkResponse({
    description: 'The dataset, JSON-LD.',
    content: {
      'application/ld+json': {
        schema: { type: 'object', description: 'A DCAT-AP-NL dcat:Dataset in JSON-LD.' },
        example: DATASET_EXAMPLE,
      },
      'application/json': {
        schema: { type: 'object', description: 'The same document.' },
        example: DATASET_EXAMPLE,
      },
    },
    headers: VALIDATOR_HEADERS,
  })
  @ApiResponse(NOT_MODIFIED)
  @ApiHeader(CONDITIONAL_HEADERS[0])
  @ApiHeader(CONDITIONAL_HEADERS[1])
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND: no such programme.' })
  async dataset(
    @Param() params: ProgrammeParams,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const type = datasetType(req);
    const state = await this.openData.state(params.id);
    if (this.notModified(req, res, state, `dataset ${type}`)) return;
    const id = state.programme.id;
    const document = await this.openData.dataset(state, {
      dataset: resourceUrl(this.config, 'programmes', id, 'open-data', 'dataset'),
      openData: resourceUrl(this.config, 'programmes', id, 'open-data'),
      contact: `${this.config.http.publicUrl}/`,
    });
    res.status(200).setHeader('Content-Type', `${type}; charset=utf-8`);
    res.send(JSON.stringify(document));
  }

  /**
   * Sets the headers every answer carries (a 304 included) and answers 304 when the
   * client's copy is current.
   */
  private notModified(req: Request, res: Response, state: OpenDataState, variant: string) {
    const etag = openDataEtag(state.licence.id, state.freshness, variant);
    const dataset = resourceUrl(
      this.config,
      'programmes',
      state.programme.id,
      'open-data',
      'dataset',
    );
    res.vary('Accept');
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', state.freshness.lastModified.toUTCString());
    res.setHeader(
      'Link',
      `<${state.licence.uri}>; rel="license", <${dataset}>; rel="describedby"; type="application/ld+json"`,
    );
    if (!isNotModified(req, etag, state.freshness.lastModified)) return false;
    res.status(304).end();
    return true;
  }
}

/**
 * A CSV attachment, streamed. When reading fails half-way the connection is cut rather than
 * ended (pipeline destroys the response): an ended response would make a truncated file
 * look complete.
 */
function sendCsv(req: Request, res: Response, download: CsvDownload): void {
  res
    .status(200)
    .setHeader('Content-Type', 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${download.filename}"`);
  if (req.method === 'HEAD') {
    download.stream.destroy();
    res.end();
    return;
  }
  pipeline(download.stream, res, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      logger.error({ error: loggableError(error) }, 'Open data CSV failed while streaming');
  });
}
