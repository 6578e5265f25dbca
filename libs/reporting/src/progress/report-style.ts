import type { ActionHealth, ActionStatus } from '@app/tracking';
import type { ReportHeader, ReportLanguage } from './progress-report.model';
import type { ReportLabels } from './report-labels';
import { amsterdamDateTimeText, PROGRAMME_TIME_ZONE } from '@app/core';
import { type Cell, type ColumnType, coverLines } from './report-table';

/**
 * How the documents people read (PDF, DOCX letter, XLSX, HTML) write dates and numbers and
 * colour status and health: one definition, so a report reads the same in each.
 */

const LOCALES: Record<ReportLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

const DATE_FORMATS = new Map<ReportLanguage, Intl.DateTimeFormat>();
const MOMENT_FORMATS = new Map<ReportLanguage, Intl.DateTimeFormat>();
const NUMBER_FORMATS = new Map<ReportLanguage, Intl.NumberFormat>();

function dateFormat(lang: ReportLanguage): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(lang);
  if (!format) {
    // A calendar date is a day, not an instant: read and written in UTC, so it never shifts.
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    DATE_FORMATS.set(lang, format);
  }
  return format;
}

function momentFormat(lang: ReportLanguage): Intl.DateTimeFormat {
  let format = MOMENT_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: PROGRAMME_TIME_ZONE,
    });
    MOMENT_FORMATS.set(lang, format);
  }
  return format;
}

/** A calendar date (`2026-11-15`) as people write it: `15 november 2026` (en: `15 November 2026`). */
export function formatDay(day: string, lang: ReportLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match.map(Number);
  return dateFormat(lang).format(new Date(Date.UTC(year, month - 1, date)));
}

/**
 * An instant (ISO 8601) as its Dutch wall-clock time: `15 november 2026 om 14:05`
 * (en: `15 November 2026 at 14:05`).
 */
export function formatMoment(instant: string | Date, lang: ReportLanguage): string {
  const moment = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(moment.getTime())) return String(instant);
  const parts = momentFormat(lang).formatToParts(moment);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? '';
  const day = `${Number(value('day'))} ${value('month')} ${value('year')}`;
  return `${day} ${lang === 'nl' ? 'om' : 'at'} ${value('hour')}:${value('minute')}`;
}

/**
 * A date (`YYYY-MM-DD`) or an instant (ISO 8601 with a time) for people; any other text as is.
 */
export function formatDateOrMoment(value: string, lang: ReportLanguage): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, lang);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatMoment(value, lang);
  return value;
}

/** A number as people write it: `12.345` and `0,5` in Dutch, `12,345` and `0.5` in English. */
export function formatNumber(value: number, lang: ReportLanguage): string {
  let format = NUMBER_FORMATS.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
    NUMBER_FORMATS.set(lang, format);
  }
  return format.format(value);
}

/** A share (0.25) as a percentage: `25%` (nl and en alike). */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * A coloured cell or badge: a fill and the text colour on it. Every pair has a contrast of at
 * least 4.5:1 (WCAG 1.4.3, checked in `report-style.spec.ts`), and status and health are always
 * written out in words beside the colour (WCAG 1.4.1): colour never carries meaning alone.
 * Fills from the Rijkshuisstijl palette (groen, donkergeel, rood, hemelblauw, grijs).
 */
export interface Swatch {
  /** `#rrggbb` */
  fill: string;
  /** `#rrggbb` */
  text: string;
}

export const STATUS_SWATCH: Readonly<Record<ActionStatus, Swatch>> = {
  not_started: { fill: '#e6e6e6', text: '#000000' },
  in_progress: { fill: '#d9ebf7', text: '#000000' },
  met: { fill: '#39870c', text: '#ffffff' },
  partially_met: { fill: '#ffb612', text: '#000000' },
  lapsed: { fill: '#535353', text: '#ffffff' },
};

export const HEALTH_SWATCH: Readonly<Record<ActionHealth, Swatch>> = {
  not_set: { fill: '#e6e6e6', text: '#000000' },
  on_track: { fill: '#39870c', text: '#ffffff' },
  at_risk: { fill: '#ffb612', text: '#000000' },
  off_track: { fill: '#d52b1e', text: '#ffffff' },
};

/** The relative luminance of a `#rrggbb` colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Dates for Excel with Dutch regional settings (nl-NL): `15-11-2026` and `15-11-2026 14:05`
 * (Europe/Amsterdam). Excel-NL reads day-month-year text with dashes as a date (leading zeros
 * or not) and ISO 8601 text (`2026-11-15T13:05:00Z`) not at all; the XLSX writes its dates in
 * the same pattern, so a Dutch reader sees one form of date in every spreadsheet.
 */
export const EXCEL_NL_FORMAT = { date: 'dd-mm-yyyy', dateTime: 'dd-mm-yyyy hh:mm' } as const;

/** A calendar date (`2026-11-15`) for Excel-NL: `15-11-2026`; any other text as is. */
export function excelNlDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : day;
}

/** An instant (ISO 8601) for Excel-NL, in Dutch wall-clock time: `15-11-2026 14:05`. */
export function excelNlMoment(instant: string | Date): string {
  const moment = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(moment.getTime())) return String(instant);
  return amsterdamDateTimeText(moment);
}

/**
 * A number for Excel-NL: a whole number as is, a fraction with a decimal comma (`12,5`; Excel-NL
 * reads `12.5` as text or a date). Never a thousands separator: `12345` reads as a number.
 */
export function excelNlNumber(value: number): string | number {
  return Number.isInteger(value) ? value : String(value).replace('.', ',');
}

/**
 * A spreadsheet cell (as `Cell` of report-table: a date as `YYYY-MM-DD`, an instant as ISO
 * 8601) for Excel-NL, by the kind of value its column holds.
 */
export function excelNlCell(cell: Cell, type: ColumnType): Cell {
  if (cell === null) return null;
  if (typeof cell === 'number') return excelNlNumber(cell);
  if (type === 'date') return excelNlDay(cell);
  if (type === 'datetime') return excelNlMoment(cell);
  return cell;
}

/**
 * The cover lines with dates as people write them (`20 november 2026 om 10:00`): the PDF's,
 * the HTML's and the workbook's summary sheet.
 */
export function datedCoverLines(header: ReportHeader, labels: ReportLabels) {
  const day = (value: string) => formatDateOrMoment(value, header.lang);
  const dated: Partial<Record<string, string>> = {
    [labels.asOf]: day(header.asOf),
    [labels.period]: `${day(header.period.from)} – ${day(header.period.to)}`,
    [labels.generatedAt]: day(header.generatedAt),
    ...(header.since ? { [labels.since]: day(header.since) } : {}),
  };
  return coverLines(header, labels).map((line) => ({
    label: line.label,
    value: dated[line.label] ?? String(line.value),
  }));
}

/**
 * A table cell as people read it in the HTML report: days and instants as `15 november 2026`
 * and `15 november 2026 om 14:05`, numbers with Dutch separators, text as it is.
 */
export function peopleCellText(cell: Cell, type: ColumnType, lang: ReportLanguage): string {
  if (cell === null) return '';
  if (type === 'date') return formatDay(String(cell), lang);
  if (type === 'datetime') return formatMoment(String(cell), lang);
  if (typeof cell === 'number') return formatNumber(cell, lang);
  return cell;
}
