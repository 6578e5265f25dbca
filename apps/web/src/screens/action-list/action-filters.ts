import type { paths } from '../../api/schema';

export type ActionQuery = NonNullable<paths['/actions']['get']['parameters']['query']>;

export const STATUSES = ['not_started', 'in_progress', 'met', 'partially_met', 'lapsed'] as const;
export const OPEN_STATUSES = ['not_started', 'in_progress'] as const;
export const HEALTHS = ['not_set', 'on_track', 'at_risk', 'off_track'] as const;
export const VERIFICATIONS = ['self_reported', 'partner_reviewed', 'verified'] as const;
export const KINDS = [
  'udo_trajectory',
  'bofv_agreement',
  'overhedenoverleg_agreement',
  'rob_recommendation',
  'parliamentary_pledge',
  'agenda_item',
] as const;
/** The escalation ladder's levels, and `none`: not escalated (GET /v1/actions). */
export const ESCALATION_LEVELS = [
  'official',
  'administrative',
  'overhedenoverleg',
  'none',
] as const;
export const SORTS = ['deadline', '-deadline', 'title', '-updatedAt'] as const;

export type Status = (typeof STATUSES)[number];
export type Health = (typeof HEALTHS)[number];
export type Kind = (typeof KINDS)[number];
export type Verification = (typeof VERIFICATIONS)[number];
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * The filters of the programme's action list as the address holds them: the URL contract of
 * `/acties` (the same names and value formats as `GET /v1/actions`), which the overview, the
 * search and the bulk change screen link with. Lists are comma-separated.
 */
export interface ActionFilters {
  status?: Status[];
  health?: Health[];
  track?: string;
  ownerOrganisation?: string;
  partnerOrganisation?: string;
  overdue?: boolean;
  escalationLevel?: EscalationLevel[];
  commitmentKind?: Kind;
  commitment?: string;
  /** The sub-actions of this action (the roll-up on the action page links with it). */
  parent?: string;
  verification?: Verification;
  tag?: string;
  q?: string;
  sort?: string;
}

export const FILTER_KEYS = [
  'status',
  'health',
  'track',
  'ownerOrganisation',
  'partnerOrganisation',
  'overdue',
  'escalationLevel',
  'commitmentKind',
  'commitment',
  'parent',
  'verification',
  'tag',
  'q',
  'sort',
] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const listOf = <T extends string>(values: readonly T[], value: string | null): T[] | undefined => {
  if (!value) return undefined;
  const chosen = value
    .split(',')
    .map((part) => oneOf(values, part.trim()))
    .filter((part): part is T => part !== undefined);
  return chosen.length ? values.filter((known) => chosen.includes(known)) : undefined;
};

/**
 * Reads the filters from the address. Unknown enum values are left out (a hand-edited address
 * should not break the list); ids and text go to the API as they are, which answers a bad one
 * with a 400 that the screen shows.
 */
export function filtersFromParams(params: URLSearchParams): ActionFilters {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const overdue = params.get('overdue');
  return {
    status: listOf(STATUSES, params.get('status')),
    health: listOf(HEALTHS, params.get('health')),
    track: text('track'),
    ownerOrganisation: text('ownerOrganisation'),
    partnerOrganisation: text('partnerOrganisation'),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    escalationLevel: listOf(ESCALATION_LEVELS, params.get('escalationLevel')),
    commitmentKind: oneOf(KINDS, params.get('commitmentKind')),
    commitment: text('commitment'),
    parent: text('parent'),
    verification: oneOf(VERIFICATIONS, params.get('verification')),
    tag: text('tag'),
    q: text('q'),
    sort: text('sort'),
  };
}

/** The filters as a query string of the URL contract (without `?`), in a stable order. */
export function filtersToSearch(filters: ActionFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  // Commas stay commas (`status=met,lapsed`, as the API reads them), not `%2C`.
  return params.toString().replace(/%2C/gi, ',');
}

/** A link to the programme's action list with these filters. */
export function actionListHref(filters: ActionFilters): string {
  const search = filtersToSearch(filters);
  return search ? `/acties?${search}` : '/acties';
}

/** The query of `GET /v1/actions` for these filters in the programme. */
export function actionQuery(
  programmeId: string,
  filters: ActionFilters,
  limit: number,
): ActionQuery {
  const query: ActionQuery = { programme: programmeId, limit };
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    (query as Record<string, unknown>)[key] = value;
  }
  return query;
}

export function hasFilters(filters: ActionFilters): boolean {
  return FILTER_KEYS.some((key) => key !== 'sort' && filters[key] !== undefined);
}
