import type {
  CommitmentKind,
  PartnerRole,
  SpreadsheetAction,
  SpreadsheetCommitment,
} from '@app/tracking';
import type { SheetValues } from '../workbook/workbook-content';
import type { ProgrammeNames } from './programme-names';
import type { SheetLanguage } from './sheet-columns';
import { BOOLEAN_LABELS, choiceLabels } from './vocabulary';

/**
 * An action's fields by the sheet's field names, in the API's terms (ids, codes): what a row
 * is compared in, and what the filled workbook shows once named (`actionSheetValues`).
 */
export interface ActionFields {
  title: string;
  description: string;
  track: string | null;
  commitment: string | null;
  ownerOrganisation: string;
  ownerUser: string | null;
  partners: { organisationId: string; role: PartnerRole }[];
  startDate: string | null;
  deadline: string;
  status: string;
  health: string;
  percentComplete: number;
  narrative: string | null;
  tags: string[];
  public: boolean;
}

/** A commitment's fields by the sheet's field names; kind attributes flattened. */
export interface CommitmentFields {
  kind: CommitmentKind;
  title: string;
  description: string;
  dateAgreed: string | null;
  parties: string[];
  kamerstukken: string[];
  [attribute: string]: unknown;
}

/** The attributes of each kind the sheet has a column for; others are kept as they are. */
export const SHEET_ATTRIBUTES: Readonly<Record<CommitmentKind, readonly string[]>> = {
  udo_trajectory: ['billOrPolicy', 'phase'],
  bofv_agreement: ['meetingDate'],
  overhedenoverleg_agreement: ['meetingDate'],
  rob_recommendation: ['adviceTitle', 'recommendationNumber'],
  parliamentary_pledge: ['chamber', 'pledgeNumber', 'ministerTitle'],
  agenda_item: [],
};

export const sortPartners = (partners: ActionFields['partners']): ActionFields['partners'] =>
  [...partners].sort((a, b) => a.organisationId.localeCompare(b.organisationId));

export function actionFieldsOf(action: SpreadsheetAction): ActionFields {
  return {
    title: action.title,
    description: action.description,
    track: action.trackId,
    commitment: action.commitmentId,
    ownerOrganisation: action.ownerOrganisationId,
    ownerUser: action.ownerUserId,
    partners: sortPartners(action.partners),
    startDate: action.startDate,
    deadline: action.deadline,
    status: action.status,
    health: action.health,
    percentComplete: action.percentComplete,
    narrative: action.latestNarrative,
    tags: action.tags,
    public: action.public,
  };
}

export function commitmentFieldsOf(commitment: SpreadsheetCommitment): CommitmentFields {
  const fields: CommitmentFields = {
    kind: commitment.kind,
    title: commitment.title,
    description: commitment.description,
    dateAgreed: commitment.dateAgreed,
    parties: [...commitment.parties].sort(),
    // Once each, as a cell lists them (and reads them back): two documents may share one.
    kamerstukken: [
      ...new Set(
        commitment.references
          .map((reference) => reference.kamerstuk)
          .filter((kamerstuk): kamerstuk is string => kamerstuk !== null),
      ),
    ],
  };
  for (const attribute of SHEET_ATTRIBUTES[commitment.kind]) {
    fields[attribute] = commitment.attributes[attribute] ?? null;
  }
  return fields;
}

/** One field's value in the words of the sheet: what a cell shows, and a change says. */
export function displayField(
  field: string,
  value: unknown,
  names: ProgrammeNames,
  lang: SheetLanguage,
): string | number | null {
  if (value === null || value === undefined) return null;
  switch (field) {
    case 'status':
    case 'health':
    case 'kind':
    case 'phase':
    case 'chamber':
      return choiceLabels(field, lang)[value as string] ?? (value as string);
    case 'track':
      return names.trackName(value as string);
    case 'commitment':
      return names.commitmentName(value as string);
    case 'ownerOrganisation':
      return names.organisationCode(value as string);
    case 'ownerUser':
      return names.emailOf(value as string);
    case 'partners': {
      const roles = choiceLabels('role', lang);
      const partners = value as ActionFields['partners'];
      return partners.length === 0
        ? null
        : partners
            .map((p) => `${names.organisationCode(p.organisationId)} (${roles[p.role]})`)
            .join('; ');
    }
    case 'parties': {
      const ids = value as string[];
      return ids.length === 0 ? null : ids.map((id) => names.organisationCode(id)).join('; ');
    }
    case 'tags':
    case 'kamerstukken': {
      const list = value as string[];
      return list.length === 0 ? null : list.join('; ');
    }
    case 'public':
      return BOOLEAN_LABELS[lang][value ? 0 : 1];
    case 'description':
    case 'narrative':
      return value === '' ? null : (value as string);
    default:
      return typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function named(
  fields: object,
  names: ProgrammeNames,
  lang: SheetLanguage,
): Record<string, string | number | null> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => [
      field,
      displayField(field, value, names, lang),
    ]),
  );
}

/** A row of the filled workbook's actions sheet. */
export function actionSheetValues(
  action: SpreadsheetAction,
  names: ProgrammeNames,
  lang: SheetLanguage,
): SheetValues {
  return {
    key: action.id,
    version: action.version,
    reference: names.referenceOf(action.id) ?? null,
    ...named(actionFieldsOf(action), names, lang),
  };
}

/** A row of the filled workbook's commitments sheet. */
export function commitmentSheetValues(
  commitment: SpreadsheetCommitment,
  names: ProgrammeNames,
  lang: SheetLanguage,
): SheetValues {
  return {
    key: commitment.id,
    version: commitment.version,
    reference: names.referenceOf(commitment.id) ?? null,
    ...named(commitmentFieldsOf(commitment), names, lang),
  };
}
