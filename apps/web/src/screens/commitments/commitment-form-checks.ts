import type { Problem } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import { attributeId, attributeLabel, KIND_FIELDS, type Values } from './commitment-form-values';

/** The API's patterns (KAMERSTUK_PATTERN, PLEDGE_NUMBER): the form says so before sending. */
const KAMERSTUK = /^[0-9]{2,6}(-[A-Z0-9]{1,10}){1,3}$/;
const PLEDGE_NUMBER = /^(TZ[0-9]{6}-[0-9]{1,5}|T[0-9]{5})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d{1,13}$/;

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
