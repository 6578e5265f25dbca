import { amsterdamDate } from '@app/core';
import type { PublicActionRow } from '@app/tracking';
import { STATUS_PARLIAMENT } from '../vocabularies';
import { OPEN_DATA_FIELD_NAMES } from './open-data.fields';
import type { OpenDataActionResponse } from './open-data.response';

/** `document, kamerstuk 29362-296`, the document alone, or null without a reference. */
export function sourceReference(document: string | null, kamerstuk: string | null): string | null {
  if (document === null) return null;
  return kamerstuk ? `${document}, kamerstuk ${kamerstuk}` : document;
}

/**
 * The one place that decides what a public action looks like as open data. Built field by
 * field from the row, so that nothing tracking adds to its rows later leaks out unnoticed.
 */
export function mapOpenDataAction(row: PublicActionRow): OpenDataActionResponse {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    track: row.trackName,
    commitmentKind: row.commitmentKind,
    commitmentTitle: row.commitmentTitle,
    sourceReference: sourceReference(row.sourceDocument, row.sourceKamerstuk),
    ownerOrganisation: row.ownerOrganisationCode,
    ownerOrganisationName: row.ownerOrganisationName,
    partnerOrganisations: [...row.partnerOrganisationCodes],
    deadline: row.deadline,
    status: row.status,
    statusParliament: STATUS_PARLIAMENT[row.status],
    health: row.health,
    percentComplete: row.percentComplete,
    closedAt: row.closedAt?.toISOString() ?? null,
    latestNarrative: row.latestNarrative,
    latestNarrativeDate: row.latestNarrativeAt ? amsterdamDate(row.latestNarrativeAt) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The cells of a CSV record, in column order: lists joined with `|`, null as empty. */
export function openDataCsvRecord(action: OpenDataActionResponse): (string | number | null)[] {
  return OPEN_DATA_FIELD_NAMES.map((name) => {
    const value = action[name];
    return Array.isArray(value) ? value.join('|') : value;
  });
}
