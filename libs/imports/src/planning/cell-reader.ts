import { KAMERSTUK_PATTERN, MAX_PARTIES, MAX_TAGS, TAG_PATTERN } from '@app/tracking';
import { excelSerialToDate, parseDateText } from '../parsing/cell-dates';
import type { RawCell } from '../sheet/raw-cells';
import type { SheetColumn, SheetLanguage } from '../sheet/sheet-columns';
import { booleanOf, choiceCode, choiceLabels } from '../sheet/vocabulary';
import type { CellErrorCode, MessageParams } from './import-messages';

/** A partner as a cell names it: the organisation still unresolved. */
export interface PartnerCell {
  organisation: string;
  role: string;
}

/** What a cell says, by its column's type; lookups (organisations, tracks…) come later. */
export type CellValue = string | number | boolean | string[] | PartnerCell[];

export type CellReading =
  | { empty: true }
  | { empty: false; value: CellValue }
  | { empty: false; error: CellErrorCode; params?: MessageParams };

const EMPTY: CellReading = { empty: true };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const fail = (error: CellErrorCode, params?: MessageParams): CellReading => ({
  empty: false,
  error,
  ...(params && { params }),
});
const ok = (value: CellValue): CellReading => ({ empty: false, value });

/** A cell as text, the way a person typed it (numbers as written, dates as YYYY-MM-DD). */
function textOf(cell: RawCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.date;
    case 'boolean':
      return cell.value ? 'ja' : 'nee';
    case 'error':
      return '';
  }
}

const splitList = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * "29362-296", "29362 nr. 296", "35 896, nr. 10": the Kamerstuk number as stored (dossier,
 * then document numbers, hyphenated, upper case).
 */
export function normaliseKamerstuk(text: string): string {
  const [dossier, ...documents] = text
    .toUpperCase()
    .trim()
    .split(/\bNR\.?/);
  const split = (part: string) => part.split(/[\s,;/-]+/).filter((piece) => piece !== '');
  if (documents.length === 0) return split(dossier).join('-');
  // Before "nr." is the dossier alone, written with spaces or dots as thousands separators.
  return [dossier.replace(/[\s.,]/g, ''), ...split(documents.join(' '))].join('-');
}

/** Whole numbers, as numbers or as text ("12", "12,0"). */
function integerOf(cell: RawCell): number | undefined {
  if (cell.kind === 'number') return Number.isInteger(cell.value) ? cell.value : undefined;
  if (cell.kind !== 'text') return undefined;
  const text = cell.text.trim().replace(/[.,]0+$/, '');
  return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** Reads one cell as its column's type says; formulas are never evaluated (the reader's rule). */
export function readCell(
  column: SheetColumn,
  cell: RawCell | null | undefined,
  lang: SheetLanguage,
): CellReading {
  if (!cell) return EMPTY;
  if (cell.kind === 'error') return fail(cell.code, cell.detail ? { detail: cell.detail } : {});
  const text = textOf(cell).trim();
  if (text === '') return EMPTY;
  if (column.maxLength !== undefined && text.length > column.maxLength) {
    return fail('TOO_LONG', { max: column.maxLength });
  }
  switch (column.type) {
    case 'key':
      return UUID.test(text.toLowerCase()) ? ok(text.toLowerCase()) : fail('INVALID_KEY');
    case 'version': {
      const version = integerOf(cell);
      return version !== undefined && version >= 1 ? ok(version) : fail('INVALID_VERSION');
    }
    case 'reference':
    case 'text':
    case 'longText':
    case 'organisation':
    case 'track':
    case 'commitment':
      return ok(text);
    case 'email':
      return ok(text.toLowerCase());
    case 'date': {
      const date =
        cell.kind === 'date'
          ? cell.date
          : cell.kind === 'number'
            ? excelSerialToDate(cell.value)
            : // A serial number typed or exported as text (a CSV of a date column Excel did not format).
              /^\d{5}$/.test(text)
              ? excelSerialToDate(Number(text))
              : parseDateText(text);
      return date ? ok(date) : fail('INVALID_DATE');
    }
    case 'choice': {
      const code = choiceCode(column.field, text);
      if (code !== undefined && column.choices?.includes(code)) return ok(code);
      return fail('INVALID_CHOICE', {
        allowed: Object.values(choiceLabels(column.field, lang)).join(', '),
      });
    }
    case 'integer': {
      const value = integerOf(cell);
      return value === undefined ? fail('INVALID_NUMBER') : ok(value);
    }
    case 'percent': {
      let value: number | undefined;
      if (cell.kind === 'number') {
        // A cell formatted as a percentage holds a fraction: 50 % is 0.5, and 100 % is 1 (which
        // only the format tells from 1 %). A fraction in any other cell is taken as one too.
        const fraction =
          cell.percent === true || (!Number.isInteger(cell.value) && cell.value <= 1);
        value = fraction ? cell.value * 100 : cell.value;
        value = Math.abs(value - Math.round(value)) < 1e-9 ? Math.round(value) : undefined;
      } else value = integerOf({ kind: 'text', text: text.replace(/\s*%$/, '') });
      return value !== undefined && value >= 0 && value <= 100
        ? ok(value)
        : fail('INVALID_PERCENT');
    }
    case 'boolean': {
      const value = cell.kind === 'boolean' ? cell.value : booleanOf(text);
      return value === undefined ? fail('INVALID_BOOLEAN') : ok(value);
    }
    case 'organisations': {
      const names = splitList(text, /[;\n\r]+/);
      return names.length > MAX_PARTIES ? fail('TOO_LONG', { max: MAX_PARTIES }) : ok(names);
    }
    case 'tags': {
      const tags = splitList(text.toLowerCase(), /[;,\n\r]+/);
      const wrong = tags.find((tag) => tag.length > 40 || !TAG_PATTERN.test(tag));
      if (wrong !== undefined) return fail('INVALID_TAGS', { value: wrong });
      if (tags.length > MAX_TAGS) return fail('INVALID_TAGS', { value: tags[MAX_TAGS] });
      return ok([...new Set(tags)]);
    }
    case 'kamerstukken': {
      const numbers = splitList(text, /[;\n\r]+/).map(normaliseKamerstuk);
      const wrong = numbers.find((number) => !KAMERSTUK_PATTERN.test(number));
      return wrong === undefined
        ? ok([...new Set(numbers)])
        : fail('INVALID_KAMERSTUK', { value: wrong });
    }
    case 'partners': {
      const partners: PartnerCell[] = [];
      for (const part of splitList(text, /[;\n\r]+/)) {
        // "VNG (mede-eigenaar)", "VNG: co-owner", or "VNG" (a contributor).
        const match = /^(.+?)\s*(?:\(([^)]*)\)|:\s*(.+))?$/.exec(part);
        const roleText = match?.[2] ?? match?.[3];
        const role = roleText === undefined ? 'contributor' : choiceCode('role', roleText);
        if (!match || role === undefined) return fail('INVALID_PARTNERS', { value: part });
        partners.push({ organisation: match[1].trim(), role });
      }
      return partners.length > MAX_PARTIES ? fail('TOO_LONG', { max: MAX_PARTIES }) : ok(partners);
    }
  }
}
