import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  type CsvSeparator,
  type KeysetPage,
  toListResponse,
} from '@app/core';
import { IdentityErrors } from '@app/identity';
import { type PublicActionRow, PublicActionsReader } from '@app/tracking';
import { openDataCsvHeader, openDataCsvRows } from './open-data-csv';
import { OPEN_DATA_FIELD_NAMES } from './open-data.fields';
import { mapOpenDataAction, openDataCsvRecord } from './open-data.mapper';
import type { OpenDataResponse } from './open-data.response';

/** Actions read per query of a CSV export: one index range each, a few hundred kB. */
export const OPEN_DATA_CSV_BATCH = 500;

export interface OpenDataCsv {
  filename: string;
  stream: Readable;
}

/**
 * The open data of a programme: what it marked public, for anyone (issue 7, item 5).
 * JSON is paged (the API's keyset pages); CSV streams everything.
 */
@Injectable()
export class OpenDataService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly actions: PublicActionsReader,
    private readonly clock: Clock,
  ) {}

  /** One page of the programme's public actions; 404 when there is no such programme. */
  async document(
    programmeId: string,
    page: { limit: number; cursor?: string },
    requestUrl: string,
  ): Promise<OpenDataResponse> {
    const programme = await this.programme(programmeId);
    const result = await this.actions.page(programme.id, page);
    const list = toListResponse(
      result,
      mapOpenDataAction,
      new URL(`${this.config.http.publicUrl}${requestUrl}`),
    );
    return {
      programme,
      generatedAt: this.clock.now().toISOString(),
      fields: [...OPEN_DATA_FIELD_NAMES],
      actions: list.data,
      _links: list._links,
    };
  }

  /**
   * Every public action of the programme as CSV, read in batches as the client takes them
   * (the stream's back-pressure). The programme and the first batch are read before anything
   * is sent, so that a missing programme is a plain 404 and a failing database a plain 500.
   */
  async csv(programmeId: string, separator: CsvSeparator): Promise<OpenDataCsv> {
    const programme = await this.programme(programmeId);
    const first = await this.actions.page(programme.id, { limit: OPEN_DATA_CSV_BATCH });
    const stamp = this.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    return {
      filename: `open-data-${programme.id}-${stamp}.csv`,
      stream: Readable.from(this.lines(programme.id, first, separator), { objectMode: false }),
    };
  }

  /** Stops reading when the client goes away: the stream's destroy() ends the generator. */
  private async *lines(
    programmeId: string,
    first: KeysetPage<PublicActionRow>,
    separator: CsvSeparator,
  ): AsyncGenerator<string> {
    yield openDataCsvHeader(separator);
    let batch = first;
    for (;;) {
      if (batch.items.length > 0) {
        yield openDataCsvRows(
          batch.items.map((row) => openDataCsvRecord(mapOpenDataAction(row))),
          separator,
        );
      }
      if (!batch.nextCursor) return;
      batch = await this.actions.page(programmeId, {
        limit: OPEN_DATA_CSV_BATCH,
        cursor: batch.nextCursor,
      });
    }
  }

  private async programme(id: string): Promise<{ id: string; name: string }> {
    const programme = await this.actions.programme(id.toLowerCase());
    if (!programme) throw IdentityErrors.notFound('programme');
    return programme;
  }
}
