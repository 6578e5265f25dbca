import type { Problem, Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';

export type PartnerRole = Schemas['PartnerRole'];
export const PARTNER_ROLES: readonly PartnerRole[] = ['co_owner', 'contributor', 'informed'];

/** One row of the partners: `key` keeps a row's identity (and its field ids) while rows come and go. */
export interface PartnerRow {
  key: string;
  organisationId: string;
  role: PartnerRole;
}

export interface FormValues {
  title: string;
  description: string;
  /** '' for a sub-action: its parent's track. */
  trackId: string;
  /** '' for none. */
  commitmentId: string;
  ownerOrganisationId: string;
  /** '' for nobody yet. */
  ownerUserId: string;
  partners: PartnerRow[];
  startDate: string;
  deadline: string;
  /** Why the deadline moves (editing only). */
  reason: string;
  /** As typed: comma-separated. */
  tags: string;
  public: boolean;
  /** The weight in the roll-ups, as typed: '' for the default (1). Coordinators only. */
  rollupWeight: string;
}

/** The ids of the fields: the error summary links to them. */
export const FIELD = {
  title: 'title',
  description: 'description',
  trackId: 'track',
  commitmentId: 'commitment',
  ownerOrganisationId: 'owner-organisation',
  ownerUserId: 'owner-user',
  partners: 'partners',
  startDate: 'start-date',
  deadline: 'deadline',
  reason: 'reason',
  tags: 'tags',
  public: 'public',
  rollupWeight: 'rollup-weight',
} as const;

export const partnerField = (key: string, part: 'organisation' | 'role') =>
  `partner-${key}-${part}`;

let rowCount = 0;
export const newRowKey = () => `r${++rowCount}`;

/** TagsField in libs/tracking/src/actions/dto/action-fields.ts. */
const TAG_PATTERN = /^[a-z0-9à-ÿ]+(-[a-z0-9à-ÿ]+)*$/;
const MAX_TAGS = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** UpdateActionDto.rollupWeight: a whole number from 1 to 1000. */
const WEIGHT = /^(?:[1-9]\d{0,2}|1000)$/;

export function tagsOf(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export function valuesOf(action: Action): FormValues {
  return {
    title: action.title,
    description: action.description,
    trackId: action.trackId ?? '',
    commitmentId: action.commitmentId ?? '',
    ownerOrganisationId: action.ownerOrganisation.id,
    ownerUserId: action.ownerUserId ?? '',
    partners: action.partners.map((partner) => ({
      key: newRowKey(),
      organisationId: partner.organisation.id,
      role: partner.role,
    })),
    startDate: action.startDate ?? '',
    deadline: action.deadline,
    reason: '',
    tags: action.tags.join(', '),
    public: action.public,
    rollupWeight: action.rollupWeight === null ? '' : String(action.rollupWeight),
  };
}

const partnersKey = (rows: readonly { organisationId: string; role: string }[]) =>
  rows
    .map((row) => `${row.organisationId}:${row.role}`)
    .sort()
    .join(',');

/** Whether a field differs between two versions of the form (order of partners and spacing of tags aside). */
export function differs(field: keyof FormValues, a: FormValues, b: FormValues): boolean {
  if (field === 'partners') return partnersKey(a.partners) !== partnersKey(b.partners);
  if (field === 'tags') return tagsOf(a.tags).join(',') !== tagsOf(b.tags).join(',');
  if (field === 'rollupWeight') return a.rollupWeight.trim() !== b.rollupWeight.trim();
  return a[field] !== b[field];
}

export const deadlineMoves = (base: FormValues | null, values: FormValues) =>
  base !== null && values.deadline !== base.deadline;

/** The checks the browser can make before sending; the API checks again. */
export function check(
  t: Messages,
  values: FormValues,
  options: { base: FormValues | null; isSubAction: boolean },
): FieldError[] {
  const m = t.actionEdit.errors;
  const errors: FieldError[] = [];
  if (!values.title.trim()) errors.push({ fieldId: FIELD.title, message: m.titleRequired });
  else if (values.title.trim().length > 300)
    errors.push({ fieldId: FIELD.title, message: m.titleTooLong });
  if (values.description.length > 10_000)
    errors.push({ fieldId: FIELD.description, message: m.descriptionTooLong });
  if (!values.trackId && !options.isSubAction)
    errors.push({ fieldId: FIELD.trackId, message: m.trackRequired });
  if (!values.ownerOrganisationId)
    errors.push({ fieldId: FIELD.ownerOrganisationId, message: m.ownerRequired });
  const seen = new Set<string>();
  values.partners.forEach((row, index) => {
    const fieldId = partnerField(row.key, 'organisation');
    if (!row.organisationId) errors.push({ fieldId, message: m.partnerRequired(index + 1) });
    else if (row.organisationId === values.ownerOrganisationId)
      errors.push({ fieldId, message: m.partnerIsOwner(index + 1) });
    else if (seen.has(row.organisationId))
      errors.push({ fieldId, message: m.partnerTwice(index + 1) });
    seen.add(row.organisationId);
  });
  if (values.startDate && !DATE.test(values.startDate))
    errors.push({ fieldId: FIELD.startDate, message: m.startDateInvalid });
  if (!values.deadline) errors.push({ fieldId: FIELD.deadline, message: m.deadlineRequired });
  else if (!DATE.test(values.deadline))
    errors.push({ fieldId: FIELD.deadline, message: m.deadlineInvalid });
  else if (values.startDate && DATE.test(values.startDate) && values.startDate > values.deadline)
    errors.push({ fieldId: FIELD.startDate, message: m.startAfterDeadline });
  if (deadlineMoves(options.base, values)) {
    if (!values.reason.trim()) errors.push({ fieldId: FIELD.reason, message: m.reasonRequired });
    else if (values.reason.length > 2_000)
      errors.push({ fieldId: FIELD.reason, message: m.reasonTooLong });
  }
  const tags = tagsOf(values.tags);
  const wrong = tags.filter((tag) => !TAG_PATTERN.test(tag) || tag.length > 40);
  if (wrong.length > 0)
    errors.push({ fieldId: FIELD.tags, message: m.tagsInvalid(wrong.join(', ')) });
  else if (tags.length > MAX_TAGS) errors.push({ fieldId: FIELD.tags, message: m.tagsTooMany });
  if (values.rollupWeight.trim() && !WEIGHT.test(values.rollupWeight.trim()))
    errors.push({ fieldId: FIELD.rollupWeight, message: m.weightInvalid });
  return errors;
}

const orNull = (value: string) => (value === '' ? null : value);
const partnersOf = (values: FormValues) =>
  values.partners.map(({ organisationId, role }) => ({ organisationId, role }));

export function createBody(
  values: FormValues,
  programmeId: string,
  parentActionId: string | null,
): Schemas['CreateActionDto'] {
  return {
    programmeId,
    ...(parentActionId && { parentActionId }),
    ...(values.trackId && { trackId: values.trackId }),
    commitmentId: orNull(values.commitmentId),
    title: values.title.trim(),
    description: values.description,
    ownerOrganisationId: values.ownerOrganisationId,
    ownerUserId: orNull(values.ownerUserId),
    partners: partnersOf(values),
    startDate: orNull(values.startDate),
    deadline: values.deadline,
    tags: tagsOf(values.tags),
    public: values.public,
  };
}

/** The change as the API takes it: only the fields that differ from the version the form started from. */
export function updateBody(base: FormValues, values: FormValues): Schemas['UpdateActionDto'] {
  const body: Schemas['UpdateActionDto'] = {};
  const changed = (field: keyof FormValues) => differs(field, base, values);
  if (changed('title')) body.title = values.title.trim();
  if (changed('description')) body.description = values.description;
  if (changed('trackId') && values.trackId) body.trackId = values.trackId;
  if (changed('commitmentId')) body.commitmentId = orNull(values.commitmentId);
  if (changed('ownerOrganisationId')) body.ownerOrganisationId = values.ownerOrganisationId;
  if (changed('ownerUserId') || changed('ownerOrganisationId'))
    body.ownerUserId = orNull(values.ownerUserId);
  if (changed('partners')) body.partners = partnersOf(values);
  if (changed('startDate')) body.startDate = orNull(values.startDate);
  if (changed('deadline')) {
    body.deadline = values.deadline;
    body.reason = values.reason.trim();
  }
  if (changed('tags')) body.tags = tagsOf(values.tags);
  if (changed('public')) body.public = values.public;
  if (changed('rollupWeight'))
    body.rollupWeight = values.rollupWeight.trim() === '' ? null : Number(values.rollupWeight);
  return body;
}

/**
 * After a 412: the fields the person left alone follow the newer version; what they changed
 * stays as they typed it.
 */
export function rebase(values: FormValues, oldBase: FormValues, newBase: FormValues): FormValues {
  const next = { ...values };
  for (const field of Object.keys(values) as Array<keyof FormValues>) {
    if (field === 'reason') continue;
    if (!differs(field, oldBase, values)) (next as Record<string, unknown>)[field] = newBase[field];
  }
  return next;
}

/** The field an `invalidParams` name is about (`partners[1].organisationId` → the second row). */
function fieldOf(name: string, values: FormValues): string | undefined {
  const partner = /^partners\[(\d+)\]\.(organisationId|role)/.exec(name);
  if (partner) {
    const row = values.partners[Number(partner[1])];
    return row
      ? partnerField(row.key, partner[2] === 'role' ? 'role' : 'organisation')
      : FIELD.partners;
  }
  const root = name.split(/[.[]/)[0] as keyof typeof FIELD;
  return FIELD[root];
}

/** The API's refusal in words, at the fields it is about (RFC 9457 `code`, `invalidParams`). */
export function problemInWords(
  t: Messages,
  status: number | undefined,
  problem: Problem | undefined,
  values: FormValues,
): FieldError[] {
  const m = t.actionEdit.errors;
  if (status === undefined) return [{ message: t.errors.network }];
  if (status === 400 && problem?.invalidParams?.length) {
    return problem.invalidParams.map((param): FieldError => {
      const fieldId = fieldOf(param.name, values);
      const label = t.action.field[param.name.split(/[.[]/)[0]] ?? param.name;
      const reason = param.reason;
      const message = /is the owner/.test(reason)
        ? m.partnerIsOwnerByApi
        : /listed twice/.test(reason)
          ? m.partnerTwiceByApi
          : /active user of the owning/.test(reason)
            ? m.ownerUserNotOfOwner
            : /after the deadline/.test(reason)
              ? m.startAfterDeadline
              : /sub-action itself/.test(reason)
                ? m.parentIsSubAction
                : param.name === 'reason'
                  ? m.reasonRequired
                  : /is not a/.test(reason)
                    ? m.notOfProgramme(label)
                    : m.field(label);
      return fieldId ? { fieldId, message } : { message };
    });
  }
  if (status === 403 && problem?.code === 'ROLLUP_WEIGHT_FORBIDDEN')
    return [{ fieldId: FIELD.rollupWeight, message: m.weightForbidden }];
  if (status === 403) return [{ message: m.forbidden }];
  if (status === 404) return [{ message: m.gone }];
  if (status === 409 && problem?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT')
    return [{ message: m.inFlight }];
  if (status === 409 && problem?.code === 'IDEMPOTENCY_KEY_USED')
    return [{ message: m.alreadyDone }];
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}
