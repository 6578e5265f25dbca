import { Injectable } from '@nestjs/common';
import {
  Clock,
  type CsvDownload,
  type CsvSeparator,
  type KeysetPage,
  mapPage,
  openCsvDownload,
} from '@app/core';
import { IdentityErrors } from '@app/identity';
import {
  type OpenDataFreshness,
  type PublicActionRow,
  PublicActionsReader,
  type PublicProgrammeRow,
} from '@app/tracking';
import { openDataCsvHeader, openDataCsvRows } from './open-data-csv';
import { OPEN_DATA_FIELD_NAMES } from './open-data.fields';
import { mapOpenDataAction, openDataCsvRecord } from './open-data.mapper';
import { type DatasetLicence, type DcatDataset, mapDcatDataset } from './open-data-dataset';
import { openDataLicence } from './open-data-validators';
import type { OpenDataActionResponse, OpenDataResponse } from './open-data.response';

/** Actions read per query of a CSV export: one index range each, a few hundred kB. */
export const OPEN_DATA_CSV_BATCH = 500;

/**
 * What every answer about a programme's open data starts from: the programme, its licence
 * and what the validators (ETag, Last-Modified) are made of. Read first, so that a client
 * whose copy is current gets its 304 before any action is read.
 */
export interface OpenDataState {
  programme: PublicProgrammeRow;
  licence: DatasetLicence;
  freshness: OpenDataFreshness;
}

/**
 * The open data of a programme: what it marked public, for anyone (issue 7, item 5), under
 * the programme's licence, with its DCAT-AP-NL metadata (issue 22). JSON is paged (the API's
 * keyset pages); CSV streams everything.
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly actions: PublicActionsReader,
    private readonly clock: Clock,
  ) {}

  /** The programme, its licence and freshness; 404 when there is no such programme. */
  async state(programmeId: string): Promise<OpenDataState> {
    const programme = await this.actions.programme(programmeId.toLowerCase());
    if (!programme) throw IdentityErrors.notFound('programme');
    const freshness = await this.actions.freshness(programme.id);
    return { programme, licence: openDataLicence(programme.openDataLicence), freshness };
  }

  /**
   * One page of the programme's public actions, with what the document says of them (the API
   * puts the page in it as `actions` and `_links`).
   */
  async document(
    state: OpenDataState,
    page: { limit: number; cursor?: string },
  ): Promise<{
    head: Omit<OpenDataResponse, 'actions' | '_links'>;
    actions: KeysetPage<OpenDataActionResponse>;
  }> {
    const { programme } = state;
    const result = await this.actions.page(programme.id, page);
    return {
      head: {
        programme: { id: programme.id, name: programme.name },
        generatedAt: this.clock.now().toISOString(),
        licence: state.licence,
        fields: [...OPEN_DATA_FIELD_NAMES],
      },
      actions: mapPage(result, mapOpenDataAction),
    };
  }

  /**
   * Every public action of the programme as CSV, read in batches as the client takes them
   * (the stream's back-pressure). The first batch is read before anything is sent, so that a
   * failing database is a plain 500.
   */
  async csv(state: OpenDataState, separator: CsvSeparator): Promise<CsvDownload> {
    const { programme } = state;
    const first = await this.actions.page(programme.id, { limit: OPEN_DATA_CSV_BATCH });
    return openCsvDownload(
      `open-data-${programme.id}`,
      this.clock.now(),
      this.lines(programme.id, first, separator),
    );
  }

  /**
   * The DCAT-AP-NL metadata of the programme's open data (JSON-LD). The publisher is the
   * organisation accountable for most public actions (for the Actieagenda: BZK): a programme
   * has no owner organisation of its own, and its trekker is who answers for the data.
   */
  async dataset(
    state: OpenDataState,
    urls: { dataset: string; openData: string; contact: string },
  ): Promise<DcatDataset> {
    const { programme } = state;
    return mapDcatDataset({
      programme,
      licence: state.licence,
      publisher: await this.actions.leadOrganisation(programme.id),
      modified: state.freshness.publicModified,
      urls,
    });
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
}
