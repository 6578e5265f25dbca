import { CoreErrors } from '../errors/domain-error';

export type SortDirection = 'asc' | 'desc';

export interface SortTerm {
  key: string;
  direction: SortDirection;
}

/**
 * Parses `sort=-deadline,title` (API Design Rules style: a leading minus sorts descending)
 * against the keys a list allows. Unknown or repeated keys are a 400.
 */
export function parseSort(
  raw: string | undefined,
  allowed: readonly string[],
  fallback: readonly SortTerm[],
): SortTerm[] {
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const terms: SortTerm[] = [];
  for (const part of raw.split(',')) {
    const token = part.trim();
    const direction: SortDirection = token.startsWith('-') ? 'desc' : 'asc';
    const key = token.replace(/^[-+]/, '');
    if (!allowed.includes(key)) {
      throw CoreErrors.invalidSort(`"${key}" is not sortable; use ${allowed.join(', ')}`);
    }
    if (terms.some((term) => term.key === key)) {
      throw CoreErrors.invalidSort(`"${key}" appears more than once`);
    }
    terms.push({ key, direction });
  }
  return terms;
}

export function formatSort(terms: readonly SortTerm[]): string {
  return terms.map((term) => (term.direction === 'desc' ? `-${term.key}` : term.key)).join(',');
}
