import type { Schemas } from '../../api/client';
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

export function attributeLabel(t: Messages, name: string): string {
  const labels: Record<string, string> = {
    ...t.action.attributes,
    amountEuroPerYear: t.commitments.amountLabel,
    fromYear: t.commitments.fromYearLabel,
    toYear: t.commitments.toYearLabel,
  };
  return labels[name] ?? name;
}
