import type { Problem, Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import type { Commitment, CommitmentKind, LineageRelation } from './use-commitment';

type Body = Schemas['CreateCommitmentDto'];
type Attributes = NonNullable<Body['attributes']>;

/** One field of a kind's attributes, as the form asks for it (API: the kind's schema). */
export interface KindField {
  /** The flat name in the form; financialEffect's parts are amountEuroPerYear, fromYear, toYear. */
  name: string;
  type: 'text' | 'textarea' | 'date' | 'integer' | 'ministry' | 'choice';
  required: boolean;
  choices?: readonly string[];
}

/** Mirrors the API's attribute classes (libs/tracking/src/commitments/dto/commitment-attributes.ts). */
export const KIND_FIELDS: { readonly [K in CommitmentKind]: readonly KindField[] } = {
  udo_trajectory: [
    { name: 'billOrPolicy', type: 'text', required: true },
    { name: 'leadMinistryId', type: 'ministry', required: false },
    {
      name: 'phase',
      type: 'choice',
      required: true,
      choices: ['exploration', 'design', 'decision', 'implementation'],
    },
    { name: 'outcome', type: 'textarea', required: false },
  ],
  bofv_agreement: [
    { name: 'meetingDate', type: 'date', required: true },
    { name: 'amountEuroPerYear', type: 'integer', required: false },
    { name: 'fromYear', type: 'integer', required: false },
    { name: 'toYear', type: 'integer', required: false },
  ],
  overhedenoverleg_agreement: [{ name: 'meetingDate', type: 'date', required: true }],
  rob_recommendation: [
    { name: 'adviceTitle', type: 'text', required: true },
    { name: 'recommendationNumber', type: 'integer', required: true },
    {
      name: 'cabinetResponse',
      type: 'choice',
      required: true,
      choices: ['pending', 'embraced', 'partially_embraced', 'rejected'],
    },
  ],
  parliamentary_pledge: [
    { name: 'chamber', type: 'choice', required: true, choices: ['tweede_kamer', 'eerste_kamer'] },
    { name: 'pledgeNumber', type: 'text', required: true },
    { name: 'ministerTitle', type: 'text', required: false },
  ],
  agenda_item: [],
};

/** The API's patterns (KAMERSTUK_PATTERN, PLEDGE_NUMBER): the form says so before sending. */
const KAMERSTUK = /^[0-9]{2,6}(-[A-Z0-9]{1,10}){1,3}$/;
const PLEDGE_NUMBER = /^(TZ[0-9]{6}-[0-9]{1,5}|T[0-9]{5})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d{1,13}$/;

let nextKey = 0;
/** A row's own key: rows move up when one above is removed, and React must follow them. */
export const rowKey = () => `rij-${++nextKey}`;

export interface Values {
  kind: CommitmentKind | '';
  title: string;
  description: string;
  dateAgreed: string;
  attributes: Record<string, string>;
  parties: Array<{ key: string; organisationId: string }>;
  references: Array<{
    key: string;
    document: string;
    kamerstuk: string;
    date: string;
    url: string;
  }>;
  lineage: Array<{ key: string; commitmentId: string; relation: LineageRelation | '' }>;
}

/** The groups a change replaces as a whole (PATCH), and a 412 compares. */
export const GROUPS = [
  'title',
  'description',
  'dateAgreed',
  'attributes',
  'parties',
  'references',
  'lineage',
] as const;
export type Group = (typeof GROUPS)[number];

export function emptyValues(): Values {
  return {
    kind: '',
    title: '',
    description: '',
    dateAgreed: '',
    attributes: { cabinetResponse: 'pending' },
    parties: [],
    references: [],
    lineage: [],
  };
}

export function valuesOf(commitment: Commitment): Values {
  const raw = commitment.attributes as Record<string, unknown>;
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'financialEffect' && value && typeof value === 'object') {
      for (const [part, amount] of Object.entries(value)) attributes[part] = String(amount);
    } else if (typeof value === 'string' || typeof value === 'number') {
      attributes[name] = String(value);
    }
  }
  return {
    kind: commitment.kind,
    title: commitment.title,
    description: commitment.description,
    dateAgreed: commitment.dateAgreed ?? '',
    attributes,
    parties: commitment.parties.map((party) => ({ key: rowKey(), organisationId: party.id })),
    references: commitment.references.map((reference) => ({
      key: rowKey(),
      document: reference.document,
      kamerstuk: reference.kamerstuk ?? '',
      date: reference.date ?? '',
      url: reference.url ?? '',
    })),
    lineage: commitment.lineage.map((link) => ({
      key: rowKey(),
      commitmentId: link.commitmentId,
      relation: link.relation,
    })),
  };
}

/** What a group is worth to the API: the rows' keys left out, so two forms compare equal. */
export function groupValue(values: Values, group: Group): string {
  switch (group) {
    case 'attributes':
      return JSON.stringify(values.kind ? attributesOf(values.kind, values.attributes) : {});
    case 'parties':
      return JSON.stringify(values.parties.map((row) => row.organisationId));
    case 'references':
      return JSON.stringify(
        values.references.map((row) => [row.document, row.kamerstuk, row.date, row.url]),
      );
    case 'lineage':
      return JSON.stringify(values.lineage.map((row) => [row.commitmentId, row.relation]));
    default:
      return values[group].trim();
  }
}

function attributesOf(kind: CommitmentKind, flat: Record<string, string>): Attributes {
  const out: Record<string, unknown> = {};
  const value = (name: string) => flat[name]?.trim() ?? '';
  for (const field of KIND_FIELDS[kind]) {
    if (['amountEuroPerYear', 'fromYear', 'toYear'].includes(field.name)) continue;
    const text = value(field.name);
    if (!text) continue;
    out[field.name] = field.type === 'integer' ? Number(text) : text;
  }
  if (kind === 'bofv_agreement' && (value('amountEuroPerYear') || value('fromYear'))) {
    out.financialEffect = {
      amountEuroPerYear: Number(value('amountEuroPerYear')),
      fromYear: Number(value('fromYear')),
      ...(value('toYear') && { toYear: Number(value('toYear')) }),
    };
  }
  return out as Attributes;
}

/** The whole commitment as the API takes it (create), or the groups named (change). */
export function bodyOf(values: Values, kind: CommitmentKind, groups: readonly Group[] = GROUPS) {
  const all = {
    title: values.title.trim(),
    description: values.description,
    dateAgreed: values.dateAgreed || null,
    attributes: attributesOf(kind, values.attributes),
    parties: values.parties.map((row) => row.organisationId),
    references: values.references.map((row) => ({
      document: row.document.trim(),
      kamerstuk: row.kamerstuk.trim() || null,
      date: row.date || null,
      url: row.url.trim() || null,
    })),
    lineage: values.lineage.map((row) => ({
      commitmentId: row.commitmentId,
      relation: row.relation as LineageRelation,
    })),
  };
  return Object.fromEntries(groups.map((group) => [group, all[group]])) as Partial<typeof all>;
}

export const attributeId = (name: string) => `kenmerk-${name}`;

/** The message for a field of the kind, the same whether the browser or the API found it. */
function attributeMessage(t: Messages, name: string): string {
  const m = t.commitments.errors;
  const label = attributeLabel(t, name);
  switch (name) {
    case 'recommendationNumber':
      return m.recommendationNumber;
    case 'pledgeNumber':
      return m.pledgeNumber;
    case 'amountEuroPerYear':
      return m.amount;
    case 'fromYear':
      return m.fromYear;
    case 'toYear':
      return m.toYear;
    case 'leadMinistryId':
      return m.ministry;
    case 'meetingDate':
      return m.date(label);
    case 'phase':
    case 'cabinetResponse':
    case 'chamber':
      return m.choice(label);
    case 'outcome':
    case 'ministerTitle':
      return m.optionalText(label);
    default:
      return m.text(label);
  }
}

export function attributeLabel(t: Messages, name: string): string {
  const labels: Record<string, string> = {
    ...t.action.attributes,
    amountEuroPerYear: t.commitments.amountLabel,
    fromYear: t.commitments.fromYearLabel,
    toYear: t.commitments.toYearLabel,
  };
  return labels[name] ?? name;
}

/** The checks the browser can make before sending; the API checks again. */
export function check(t: Messages, values: Values): FieldError[] {
  const m = t.commitments.errors;
  const errors: FieldError[] = [];
  if (!values.kind) errors.push({ fieldId: 'soort', message: m.kind });
  if (!values.title.trim() || values.title.trim().length > 300)
    errors.push({ fieldId: 'titel', message: m.title });
  if (values.description.length > 20_000)
    errors.push({ fieldId: 'omschrijving', message: m.description });
  if (values.dateAgreed && !DATE.test(values.dateAgreed))
    errors.push({ fieldId: 'datum', message: m.dateAgreed });
  if (values.kind) {
    const a = (name: string) => values.attributes[name]?.trim() ?? '';
    const wrong = (name: string) =>
      errors.push({ fieldId: attributeId(name), message: attributeMessage(t, name) });
    for (const field of KIND_FIELDS[values.kind]) {
      const text = a(field.name);
      if (!text) {
        if (field.required) wrong(field.name);
        continue;
      }
      const bad =
        (field.type === 'text' && text.length > (field.name === 'ministerTitle' ? 200 : 300)) ||
        (field.type === 'textarea' && text.length > 2000) ||
        (field.type === 'date' && !DATE.test(text)) ||
        (field.type === 'integer' && !INTEGER.test(text)) ||
        (field.type === 'choice' && !field.choices?.includes(text)) ||
        (field.name === 'recommendationNumber' && (Number(text) < 1 || Number(text) > 1000)) ||
        (field.name === 'pledgeNumber' && !PLEDGE_NUMBER.test(text)) ||
        ((field.name === 'fromYear' || field.name === 'toYear') &&
          (Number(text) < 2000 || Number(text) > 2100)) ||
        (field.name === 'toYear' && a('fromYear') !== '' && Number(text) < Number(a('fromYear')));
      if (bad) wrong(field.name);
    }
    if (values.kind === 'bofv_agreement') {
      if (a('fromYear') && !a('amountEuroPerYear')) wrong('amountEuroPerYear');
      if (a('amountEuroPerYear') && !a('fromYear')) wrong('fromYear');
    }
  }
  const parties = new Set<string>();
  values.parties.forEach((row, index) => {
    const n = index + 1;
    if (!row.organisationId) errors.push({ fieldId: `partij-${index}`, message: m.party(n) });
    else if (parties.has(row.organisationId))
      errors.push({ fieldId: `partij-${index}`, message: m.partyTwice(n) });
    parties.add(row.organisationId);
  });
  values.references.forEach((row, index) => {
    const n = index + 1;
    if (!row.document.trim() || row.document.trim().length > 300)
      errors.push({ fieldId: `bron-${index}-document`, message: m.document(n) });
    if (row.kamerstuk.trim() && !KAMERSTUK.test(row.kamerstuk.trim()))
      errors.push({ fieldId: `bron-${index}-kamerstuk`, message: m.kamerstuk(n) });
    if (row.date && !DATE.test(row.date))
      errors.push({ fieldId: `bron-${index}-date`, message: m.sourceDate(n) });
    if (row.url.trim() && !/^https?:\/\/\S+$/.test(row.url.trim()))
      errors.push({ fieldId: `bron-${index}-url`, message: m.url(n) });
  });
  const earlier = new Set<string>();
  values.lineage.forEach((row, index) => {
    const n = index + 1;
    if (!row.commitmentId)
      errors.push({ fieldId: `lijn-${index}-commitmentId`, message: m.earlier(n) });
    else if (earlier.has(row.commitmentId))
      errors.push({ fieldId: `lijn-${index}-commitmentId`, message: m.earlierTwice(n) });
    earlier.add(row.commitmentId);
    if (!row.relation) errors.push({ fieldId: `lijn-${index}-relation`, message: m.relation(n) });
  });
  return errors;
}

/** One of the API's `invalidParams` at the field it names (`references.1.kamerstuk`, …). */
function paramInWords(t: Messages, name: string): FieldError {
  const m = t.commitments.errors;
  const path = name.replace(/\[(\d+)\]/g, '.$1').split('.');
  const index = Number(path[1]);
  const n = index + 1;
  switch (path[0]) {
    case 'title':
      return { fieldId: 'titel', message: m.title };
    case 'description':
      return { fieldId: 'omschrijving', message: m.description };
    case 'dateAgreed':
      return { fieldId: 'datum', message: m.dateAgreed };
    case 'kind':
      return { fieldId: 'soort', message: m.kindFixed };
    case 'attributes': {
      // financialEffect's own checks (years) are about its last part.
      let field = path[path.length - 1];
      if (field === 'financialEffect' || field === 'years') field = 'toYear';
      if (path.length === 1)
        return { fieldId: 'soort', message: m.field(t.commitments.kindLegend) };
      return { fieldId: attributeId(field), message: attributeMessage(t, field) };
    }
    case 'parties':
      return Number.isInteger(index)
        ? { fieldId: `partij-${index}`, message: m.party(n) }
        : { fieldId: 'partijen', message: m.field(t.commitments.partiesLegend) };
    case 'references': {
      if (!Number.isInteger(index))
        return { fieldId: 'bronnen', message: m.field(t.commitments.sourcesLegend) };
      const field = path[2] ?? 'document';
      const message =
        field === 'kamerstuk'
          ? m.kamerstuk(n)
          : field === 'date'
            ? m.sourceDate(n)
            : field === 'url'
              ? m.url(n)
              : m.document(n);
      return { fieldId: `bron-${index}-${field}`, message };
    }
    case 'lineage':
      if (!Number.isInteger(index)) return { fieldId: 'lijnen', message: m.lineage };
      return path[2] === 'relation'
        ? { fieldId: `lijn-${index}-relation`, message: m.relation(n) }
        : { fieldId: `lijn-${index}-commitmentId`, message: m.earlier(n) };
    default:
      return { message: m.field(name) };
  }
}

/** The API's refusal in words, at the fields it is about (RFC 9457 `code`, `invalidParams`). */
export function problemInWords(t: Messages, status: number, problem?: Problem): FieldError[] {
  const m = t.commitments.errors;
  if (status === 400) {
    if (problem?.code === 'INVALID_LINEAGE') return [{ fieldId: 'lijnen', message: m.lineage }];
    const seen = new Set<string>();
    const errors = (problem?.invalidParams ?? [])
      .map((param) => paramInWords(t, param.name))
      .filter((error) => {
        const id = `${error.fieldId}:${error.message}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    return errors.length > 0 ? errors : [{ message: t.errors.generic }];
  }
  if (status === 403) return [{ message: m.forbidden }];
  if (status === 404) return [{ message: m.gone }];
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}
