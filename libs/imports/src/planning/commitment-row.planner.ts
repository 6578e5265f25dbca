import { randomUUID } from 'node:crypto';
import {
  type CommitmentKind,
  CreateCommitmentDto,
  type SpreadsheetCommitment,
  UpdateCommitmentDto,
  validateAttributes,
} from '@app/tracking';
import { commitmentFieldsOf, displayField, SHEET_ATTRIBUTES } from '../sheet/row-values';
import type { PlanContext } from './action-row.planner';
import { dtoProblems, fieldOfParam } from './dto-check';
import { type FieldChange, type RowPlan, type RowPlanning, settleRow } from './planned-row';
import type { RowCells } from './row-cells';

export interface CommitmentMatch {
  existing: SpreadsheetCommitment | undefined;
  sheetVersion: number | null;
  reference: string | null;
  referenceChanged: boolean;
}

const ALL_ATTRIBUTES = new Set(Object.values(SHEET_ATTRIBUTES).flat());
const BASE_FIELDS = ['kind', 'title', 'description', 'dateAgreed', 'parties', 'kamerstukken'];
const CLEARED: Record<string, unknown> = {
  description: '',
  dateAgreed: null,
  parties: [],
  kamerstukken: [],
};

const same = (field: string, a: unknown, b: unknown): boolean =>
  field === 'parties'
    ? JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...(b as string[])].sort())
    : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface ReferenceInput {
  document: string;
  kamerstuk: string | null;
  date?: string | null;
  url?: string | null;
}

/**
 * The references after a change of the Kamerstuk list: documents kept where they still apply,
 * every one of them (a Kamerstuk may be recorded as more than one document, e.g. its PDF and
 * its web page; the sheet names it once).
 */
function referencesAfter(
  existing: SpreadsheetCommitment | undefined,
  kamerstukken: readonly string[],
): ReferenceInput[] {
  const kept = (existing?.references ?? []).filter((r) => r.kamerstuk === null);
  return [
    ...kept,
    ...kamerstukken.flatMap((kamerstuk): ReferenceInput[] => {
      const documents = (existing?.references ?? []).filter((r) => r.kamerstuk === kamerstuk);
      return documents.length > 0 ? documents : [{ document: `Kamerstuk ${kamerstuk}`, kamerstuk }];
    }),
  ];
}

/** Plans one row of the commitments sheet. */
export function planCommitmentRow(
  cells: RowCells,
  match: CommitmentMatch,
  context: PlanContext,
): RowPlanning {
  const { existing } = match;
  const current = existing ? commitmentFieldsOf(existing) : undefined;
  const wanted: Record<string, unknown> = {};
  for (const field of cells.fields()) {
    if (!BASE_FIELDS.includes(field) && !ALL_ATTRIBUTES.has(field)) continue;
    const value = cells.value(field);
    if (value === undefined) continue;
    if (value === null) {
      if (field === 'title') cells.error(field, 'REQUIRED');
      else if (field === 'kind') {
        if (!existing) cells.error(field, 'REQUIRED');
      } else wanted[field] = field in CLEARED ? CLEARED[field] : null;
      continue;
    }
    if (field === 'parties') {
      const ids: string[] = [];
      const unknown: string[] = [];
      for (const name of value as string[]) {
        const id = context.names.organisationId(name);
        if (id) ids.push(id);
        else unknown.push(name);
      }
      // One error for the cell, however many of its fifty names are unknown.
      if (unknown.length > 0)
        cells.error(field, 'UNKNOWN_ORGANISATION', { value: unknown.join('; ') });
      else wanted.parties = [...new Set(ids)].sort();
      continue;
    }
    wanted[field] = value;
  }
  if (!existing) {
    for (const field of ['kind', 'title'])
      if (!cells.has(field)) cells.error(field, 'REQUIRED_COLUMN');
  }
  if (existing && wanted.kind !== undefined && wanted.kind !== existing.kind) {
    cells.error('kind', 'KIND_CHANGED');
  }
  const kind = (existing?.kind ?? wanted.kind) as CommitmentKind | undefined;
  const ownAttributes = kind ? SHEET_ATTRIBUTES[kind] : [];
  // Another kind's columns say nothing about this commitment.
  for (const field of ALL_ATTRIBUTES) if (!ownAttributes.includes(field)) delete wanted[field];
  if (existing) delete wanted.kind;

  const changed = Object.keys(wanted).filter(
    (field) => !current || !same(field, wanted[field], current[field]),
  );
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
  const attributesChanged = changed.some((field) => ALL_ATTRIBUTES.has(field));
  const attributes: Record<string, unknown> = { ...(existing?.attributes ?? {}) };
  for (const field of ownAttributes) {
    if (wanted[field] === undefined) continue;
    if (wanted[field] === null) delete attributes[field];
    else attributes[field] = wanted[field];
  }
  const body: Record<string, unknown> = {};
  for (const field of existing ? changed : Object.keys(wanted)) {
    if (ALL_ATTRIBUTES.has(field)) continue;
    if (field === 'kamerstukken')
      body.references = referencesAfter(existing, wanted.kamerstukken as string[]);
    else body[field] = wanted[field];
  }
  if (existing) {
    if (attributesChanged) {
      body.attributes = attributes;
      for (const problem of validateAttributes(existing.kind, attributes).problems) {
        cells.invalid(fieldOfParam(problem.name), `${problem.name} ${problem.reason}`);
      }
    }
    if (Object.keys(body).length > 0) {
      plan.update = body;
      for (const problem of dtoProblems(UpdateCommitmentDto, body)) {
        if (problem.name.startsWith('attributes')) continue;
        cells.invalid(fieldOfParam(problem.name), `${problem.name} ${problem.reason}`);
      }
    }
  } else if (kind) {
    plan.create = { programmeId: context.programmeId, ...body, attributes };
    for (const problem of dtoProblems(CreateCommitmentDto, plan.create)) {
      cells.invalid(fieldOfParam(problem.name), `${problem.name} ${problem.reason}`);
    }
  }

  return settleRow({
    existing,
    sheetVersion: match.sheetVersion,
    newId: randomUUID(),
    title: ((wanted.title ?? current?.title) as string | undefined) ?? null,
    errors: cells.errors,
    changes,
    plan,
  });
}
