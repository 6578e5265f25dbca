import type { ActionStatus } from '@app/tracking';

/**
 * Our codes in the vocabularies others use (DESIGN §2: "exports map our codes onto the
 * vocabularies others use … from one table"). Official terms, so the same in every language.
 */

/**
 * A status as the Tweede and Eerste Kamer register a *toezegging*: an action that has not
 * started or is under way is still open (Openstaand) to parliament.
 */
export const STATUS_PARLIAMENT: Readonly<Record<ActionStatus, string>> = {
  not_started: 'Openstaand',
  in_progress: 'Openstaand',
  met: 'Voldaan',
  partially_met: 'Deels voldaan',
  lapsed: 'Vervallen',
};

/** Every term of the parliamentary vocabulary, in the register's order. */
export const PARLIAMENT_STATUS_TERMS = [
  'Openstaand',
  'Deels voldaan',
  'Voldaan',
  'Vervallen',
] as const;
