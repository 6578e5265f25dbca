import { randomUUID } from 'node:crypto';
import {
  type ActionState,
  CreateActionDto,
  type SpreadsheetAction,
  UpdateActionDto,
} from '@app/tracking';
import type { ProgrammeNames } from '../sheet/programme-names';
import { type ActionFields, actionFieldsOf, displayField, sortPartners } from '../sheet/row-values';
import { addDtoProblems, checkCombination, checkTransition } from './action-row.checks';
import type { PartnerCell } from './cell-reader';
import type { CommitmentFinder } from './file-commitments';
import { type FieldChange, type RowPlan, type RowPlanning, settleRow } from './planned-row';
import type { RowCells } from './row-cells';

/** What every row of an import is planned against. */
export interface PlanContext {
  programmeId: string;
  names: ProgrammeNames;
  commitments: CommitmentFinder;
  now: Date;
  /** The progress note of a row that changes status, health or progress but writes none. */
  defaultNarrative: string;
}

/** The row's identity, as matched by key or reference. */
export interface RowMatch {
  existing: SpreadsheetAction | undefined;
  /** The version the row was exported at, if it says. */
  sheetVersion: number | null;
  reference: string | null;
  /** The reference changes (a new one for the entity). */
  referenceChanged: boolean;
}

const REQUIRED: readonly (keyof ActionFields)[] = [
  'title',
  'track',
  'ownerOrganisation',
  'deadline',
];
/** Empty means "as it is": these are what an owner reports, not what a sheet clears. */
const KEPT_WHEN_EMPTY: readonly string[] = ['status', 'health', 'percentComplete', 'narrative'];
const CLEARED: Partial<Record<keyof ActionFields, unknown>> = {
  description: '',
  commitment: null,
  ownerUser: null,
  partners: [],
  startDate: null,
  tags: [],
  public: false,
};
const PROGRESS_FIELDS = ['status', 'health', 'percentComplete', 'narrative'] as const;

const NEW_STATE = (deadline: string): ActionState => ({
  status: 'not_started',
  health: 'not_set',
  verification: 'self_reported',
  percentComplete: 0,
  deadline,
  closedAt: null,
});

const same = (field: string, a: unknown, b: unknown): boolean => {
  if (field === 'tags')
    return (
      JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...(b as string[])].sort())
    );
  if (field === 'narrative')
    return ((a as string | null) ?? '').trim() === ((b as string | null) ?? '').trim();
  return JSON.stringify(a) === JSON.stringify(b);
};

/** The sheet's values of a row in the API's terms; unresolvable names are errors at their cells. */
function wantedFields(
  cells: RowCells,
  context: PlanContext,
  current: ActionFields | undefined,
): Partial<ActionFields> {
  const wanted: Record<string, unknown> = {};
  const { names } = context;
  for (const field of cells.fields()) {
    if (['key', 'version', 'reference', 'reason'].includes(field)) continue;
    const value = cells.value(field);
    if (value === undefined) continue;
    if (value === null) {
      if ((REQUIRED as readonly string[]).includes(field)) cells.error(field, 'REQUIRED');
      else if (!KEPT_WHEN_EMPTY.includes(field))
        wanted[field] = CLEARED[field as keyof ActionFields];
      continue;
    }
    switch (field) {
      case 'track': {
        const id = names.trackId(value as string);
        if (id) wanted.track = id;
        else cells.error(field, 'UNKNOWN_TRACK', { value: value as string });
        break;
      }
      case 'ownerOrganisation': {
        const id = names.organisationId(value as string);
        if (id) wanted.ownerOrganisation = id;
        else cells.error(field, 'UNKNOWN_ORGANISATION', { value: value as string });
        break;
      }
      case 'ownerUser': {
        const member = names.member(value as string);
        if (member) wanted.ownerUser = member.userId;
        // An owner who has left the programme is shown by id: unchanged, that is no error.
        else if (value === current?.ownerUser) wanted.ownerUser = current.ownerUser;
        else cells.error(field, 'UNKNOWN_PERSON', { value: value as string });
        break;
      }
      case 'commitment': {
        const found = context.commitments.find(value as string);
        if ('id' in found) wanted.commitment = found.id;
        else cells.error(field, found.error, found.params);
        break;
      }
      case 'partners': {
        const partners: ActionFields['partners'] = [];
        const unknown: string[] = [];
        for (const partner of value as PartnerCell[]) {
          const id = names.organisationId(partner.organisation);
          if (id) partners.push({ organisationId: id, role: partner.role as never });
          else unknown.push(partner.organisation);
        }
        // One error for the cell, however many of its fifty names are unknown.
        if (unknown.length > 0)
          cells.error(field, 'UNKNOWN_ORGANISATION', { value: unknown.join('; ') });
        else wanted.partners = sortPartners(partners);
        break;
      }
      default:
        wanted[field] = value;
    }
  }
  return wanted;
}

/** Plans one row of the actions sheet: create, update, unchanged, conflict or error. */
export function planActionRow(cells: RowCells, match: RowMatch, context: PlanContext): RowPlanning {
  const { existing } = match;
  const current = existing ? actionFieldsOf(existing) : undefined;
  const wanted = wantedFields(cells, context, current);
  const reason = cells.value<string>('reason') ?? undefined;
  const after = { ...current, ...wanted } as Partial<ActionFields>;
  if (!existing) {
    for (const field of REQUIRED) {
      if (!cells.has(field)) cells.error(field, 'REQUIRED_COLUMN');
    }
  }
  checkCombination(cells, after, context);

  const changed = Object.keys(wanted).filter(
    (field) =>
      !current ||
      !same(field, wanted[field as keyof ActionFields], current[field as keyof ActionFields]),
  ) as (keyof ActionFields)[];
  const display = (field: string, value: unknown) =>
    displayField(field, value, context.names, cells.lang);
  const changes: FieldChange[] = changed.map((field) => ({
    field,
    column: cells.header(field),
    from: current ? display(field, current[field]) : null,
    to: display(field, wanted[field]),
  }));
  if (match.referenceChanged && match.reference) {
    changes.push({
      field: 'reference',
      column: cells.header('reference'),
      from: existing ? (context.names.referenceOf(existing.id) ?? null) : null,
      to: match.reference,
    });
  }

  const plan: RowPlan = {};
  if (match.referenceChanged && match.reference) plan.reference = match.reference;
  const progressChanged = changed.filter((f) => (PROGRESS_FIELDS as readonly string[]).includes(f));
  const fieldChanged = changed.filter((f) => !(PROGRESS_FIELDS as readonly string[]).includes(f));
  const body: Record<string, unknown> = {};
  const apiName: Partial<Record<keyof ActionFields, string>> = {
    track: 'trackId',
    commitment: 'commitmentId',
    ownerOrganisation: 'ownerOrganisationId',
    ownerUser: 'ownerUserId',
  };
  for (const field of existing ? fieldChanged : (Object.keys(wanted) as (keyof ActionFields)[])) {
    if ((PROGRESS_FIELDS as readonly string[]).includes(field)) continue;
    body[apiName[field] ?? field] = wanted[field];
  }
  if (existing) {
    if (fieldChanged.includes('deadline')) {
      body.reason = reason;
      checkTransition(cells, stateOf(existing), { deadline: wanted.deadline, reason }, context.now);
    }
    if (fieldChanged.length > 0) {
      plan.update = body;
      addDtoProblems(cells, UpdateActionDto, body);
    }
  } else {
    plan.create = { programmeId: context.programmeId, ...body };
    addDtoProblems(cells, CreateActionDto, plan.create);
  }
  const progressWanted = existing
    ? progressChanged
    : PROGRESS_FIELDS.filter((f) => wanted[f] !== undefined && !same(f, wanted[f], NEW_FIELDS[f]));
  if (progressWanted.length > 0) {
    const progress: NonNullable<RowPlan['progress']> = {
      narrative:
        wanted.narrative && !same('narrative', wanted.narrative, current?.narrative ?? null)
          ? wanted.narrative
          : context.defaultNarrative,
    };
    if (progressWanted.includes('status')) progress.status = wanted.status;
    if (progressWanted.includes('health')) progress.health = wanted.health;
    if (progressWanted.includes('percentComplete'))
      progress.percentComplete = wanted.percentComplete;
    if (reason) progress.reason = reason;
    plan.progress = progress;
    const state = existing
      ? { ...stateOf(existing), deadline: after.deadline ?? existing.deadline }
      : NEW_STATE(after.deadline ?? '2000-01-01');
    checkTransition(
      cells,
      state,
      {
        status: progress.status as never,
        health: progress.health as never,
        percentComplete: progress.percentComplete,
        reason,
      },
      context.now,
    );
  }

  return settleRow({
    existing,
    sheetVersion: match.sheetVersion,
    newId: randomUUID(),
    title: after.title ?? null,
    errors: cells.errors,
    changes,
    plan,
  });
}

const NEW_FIELDS: Record<(typeof PROGRESS_FIELDS)[number], unknown> = {
  status: 'not_started',
  health: 'not_set',
  percentComplete: 0,
  narrative: null,
};

function stateOf(action: SpreadsheetAction): ActionState {
  return {
    status: action.status,
    health: action.health,
    verification: 'self_reported',
    percentComplete: action.percentComplete,
    deadline: action.deadline,
    closedAt: null,
  };
}
