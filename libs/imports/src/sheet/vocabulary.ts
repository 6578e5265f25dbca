import { reportLabels } from '@app/reporting';
import type { SheetLanguage } from './sheet-columns';

/** The words of the choices the reports do not have. */
const OWN_LABELS: Record<SheetLanguage, Record<string, Record<string, string>>> = {
  nl: {
    phase: {
      exploration: 'Verkenning',
      design: 'Ontwerp',
      decision: 'Besluitvorming',
      implementation: 'Uitvoering',
    },
    chamber: { tweede_kamer: 'Tweede Kamer', eerste_kamer: 'Eerste Kamer' },
  },
  en: {
    phase: {
      exploration: 'Exploration',
      design: 'Design',
      decision: 'Decision',
      implementation: 'Implementation',
    },
    chamber: { tweede_kamer: 'House of Representatives', eerste_kamer: 'Senate' },
  },
};

export const BOOLEAN_LABELS: Record<SheetLanguage, readonly [string, string]> = {
  nl: ['ja', 'nee'],
  en: ['yes', 'no'],
};

/** The label of each code of a `choice` field (or of `role`, a partner's), in `lang`. */
export function choiceLabels(field: string, lang: SheetLanguage): Readonly<Record<string, string>> {
  const labels = reportLabels(lang);
  switch (field) {
    case 'status':
      return labels.status;
    case 'health':
      return labels.health;
    case 'kind':
      return labels.commitmentKind;
    case 'role':
      return labels.partnerRole;
    default:
      return OWN_LABELS[lang][field] ?? {};
  }
}

/**
 * Words the reports used before they took the web app's (December 2026): a workbook exported
 * then still imports. Read only, never written.
 */
const EARLIER_LABELS: Record<string, Record<string, readonly string[]>> = {
  status: { met: ['Afgerond'], partially_met: ['Deels voldaan'] },
  health: {
    not_set: ['Niet bepaald', 'Not set'],
    on_track: ['Op schema'],
    off_track: ['Vertraagd'],
  },
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The code a cell names: by its label in either language or by the code itself, ignoring
 * case, accents, and spaces versus hyphens (`Op koers`, `on track`, `on_track`), or by a word the
 * reports used earlier (`Op schema`).
 */
export function choiceCode(field: string, text: string): string | undefined {
  const wanted = fold(text);
  for (const lang of ['nl', 'en'] as const) {
    for (const [code, label] of Object.entries(choiceLabels(field, lang))) {
      if (fold(label) === wanted || fold(code) === wanted) return code;
    }
  }
  for (const [code, words] of Object.entries(EARLIER_LABELS[field] ?? {})) {
    if (words.some((word) => fold(word) === wanted)) return code;
  }
  return undefined;
}

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE_WORDS = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

/** ja/nee, yes/no, true/false, 1/0; undefined for anything else. */
export function booleanOf(text: string): boolean | undefined {
  const word = fold(text);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
