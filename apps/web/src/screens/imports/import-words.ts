import type { Schemas } from '../../api/client';
import { useProgrammeRole } from '../../components/use-role';
import type { Messages } from '../../i18n';

export type Import = Schemas['ImportResponse'];
export type ImportRow = Schemas['ImportRowResponse'];
type Outcome = ImportRow['outcome'];
type Change = Schemas['FieldChangeResponse'];

/** The dry run is being made (or applied): the page asks for the import again every second. */
export const isBusy = (item: Import) =>
  item.status === 'queued' || item.status === 'planning' || item.status === 'applying';

/**
 * Who may import: the API lets coordinators and platform administrators (`imports:manage`);
 * the screens offer the import to them only, and the API decides again.
 */
export function useMayImport(): { programmeId: string | null; mayImport: boolean } {
  const { programmeId, role, isPlatformAdmin } = useProgrammeRole();
  return { programmeId, mayImport: role === 'coordinator' || isPlatformAdmin };
}

/**
 * The row filters of the dry run, kept in the address in the API's own terms
 * (`?outcome=create,update`), like the action list's filters: a filtered view can be shared.
 */
export const FILTERS = ['all', 'error', 'conflict', 'change', 'unchanged'] as const;
export type Filter = (typeof FILTERS)[number];

const OUTCOMES_OF: Record<Filter, Outcome[]> = {
  all: [],
  error: ['error'],
  conflict: ['conflict'],
  change: ['create', 'update'],
  unchanged: ['unchanged'],
};

export const outcomesOf = (filter: Filter): Outcome[] => OUTCOMES_OF[filter];

export function filterOf(param: string | null): Filter {
  const wanted = (param ?? '').split(',').sort().join(',');
  return FILTERS.find((filter) => [...OUTCOMES_OF[filter]].sort().join(',') === wanted) ?? 'all';
}

export function countOf(counts: Import['counts'], filter: Filter): number {
  return filter === 'all'
    ? counts.total
    : OUTCOMES_OF[filter].reduce((sum, outcome) => sum + counts[outcome], 0);
}

/** The web page of a row's commitment or action, once it exists. */
export function entityPath(row: ImportRow): string | null {
  if (!row.entityId || !row._links.entity) return null;
  return row.sheet === 'actions' ? `/acties/${row.entityId}` : `/toezeggingen/${row.entityId}`;
}

export function rowName(i: Messages['imports'], row: ImportRow): string {
  return i.rowName(row.sheetName, row.rowNumber);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isEmpty = (value: Change['from'] | undefined): value is null | undefined | '' =>
  value === null || value === undefined || value === '';

/**
 * A cell's value as the sheet words it (the API gives labels, not codes), a date as people
 * read it (the API gives dates as ISO days); an empty cell says so.
 */
export function valueInWords(t: Messages, value: Change['from']): string {
  if (isEmpty(value)) return t.imports.emptyValue;
  if (typeof value === 'number') return String(value);
  return `“${ISO_DATE.test(value) ? t.format.date(value) : value}”`;
}

export function changeInWords(t: Messages, change: Change): string {
  return t.imports.change(change.column, valueInWords(t, change.from), valueInWords(t, change.to));
}

/** "12 nieuw, 30 gewijzigd, 2 rijen met fouten worden overgeslagen." */
export function confirmSentence(i: Messages['imports'], counts: Import['counts']): string {
  const parts = [
    counts.create > 0 && i.confirmCreate(counts.create),
    counts.update > 0 && i.confirmUpdate(counts.update),
    counts.conflict > 0 && i.confirmConflicts(counts.conflict),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return i.confirmNothing;
  if (counts.error > 0) parts.push(i.confirmErrors(counts.error));
  return `${parts.join(', ')}.`;
}

/** A file's size the way people read it. */
export function sizeInWords(i: Messages['imports'], bytes: number): string {
  return bytes < 1_000_000
    ? i.kilobytes(Math.max(1, Math.round(bytes / 1_000)))
    : i.megabytes(bytes / 1_000_000);
}

/** Where the file could not be read ("tabblad Acties, rij 4, cellen A1:B2"), if the API knows. */
export function problemPlace(
  i: Messages['imports'],
  problem: NonNullable<Import['problem']>,
): string | null {
  const parts = [
    problem.sheet && i.failedSheet(problem.sheet),
    problem.rowNumber && i.failedRow(problem.rowNumber),
    problem.ref && i.failedCells(problem.ref),
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? i.failedWhere(parts.join(', ')) : null;
}
