import type { Schemas } from '../../api/client';
import type { Messages } from '../../i18n';
import { amsterdamDay } from '../../components/amsterdam-day';

export type UpdateRound = Schemas['UpdateRoundResponse'];

/**
 * A round's state in words. The API knows `open` and `cancelled`; an open round whose date
 * has passed is no longer waiting for answers (missing it counts toward escalation), so the
 * screens call it closed.
 */
export function roundState(t: Messages, round: UpdateRound): string {
  if (round.state === 'cancelled') return t.updateRounds.stateCancelled;
  return round.dueDate < amsterdamDay() ? t.updateRounds.stateClosed : t.updateRounds.stateOpen;
}

/** "2 van 5 acties bijgewerkt (40%)": the completion figure always in words. */
export function completionInWords(t: Messages, completion: UpdateRound['completion']): string {
  const percent =
    completion.total === 0 ? 0 : Math.round((completion.updated / completion.total) * 100);
  return t.updateRounds.completion(completion.updated, completion.total, percent);
}
