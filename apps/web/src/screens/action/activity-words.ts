import type { Schemas } from '../../api/client';
import type { Messages } from '../../i18n';
import type { Names } from './use-names';

export type HistoryEntry = Schemas['HistoryEntryResponse'];

/** A recorded value as text: strings as they are, anything else as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A word from one of the vocabularies (status, health…), or the value itself if unknown. */
export function word(words: Record<string, string>, value: unknown): string {
  return words[text(value)] ?? text(value);
}

/** "Name (Organisation)" for a person the programme knows, else what is known. */
export function who(
  t: Messages,
  names: Names,
  userId: string | null | undefined,
  organisationId: string | null | undefined,
): string {
  const person = names.person(userId);
  const organisation = names.organisation(organisationId);
  if (person && organisation) return t.action.personOf(person, organisation);
  return person ?? organisation ?? t.action.unknown;
}

/** The values an entry set (status, health, percentage), in words. */
export function setValues(
  t: Messages,
  values: { status?: unknown; health?: unknown; percentComplete?: unknown },
): string[] {
  const lines: string[] = [];
  if (values.status != null)
    lines.push(t.action.set(t.action.status, word(t.status, values.status)));
  if (values.health != null)
    lines.push(t.action.set(t.action.health, word(t.health, values.health)));
  if (values.percentComplete != null)
    lines.push(t.action.set(t.action.percent, t.format.percent(Number(values.percentComplete))));
  return lines;
}

/** A value of an action's field in words, as the history shows it. */
export function valueInWords(t: Messages, names: Names, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.action.empty;
  switch (field) {
    case 'status':
      return word(t.status, value);
    case 'health':
      return word(t.health, value);
    case 'verification':
      return word(t.verification, value);
    case 'escalationLevel':
      return word(t.escalationLevel, value);
    case 'position':
      return word(t.position, value);
    case 'percentComplete':
      return t.format.percent(Number(value));
    case 'deadline':
    case 'startDate':
      return t.format.date(text(value));
    case 'closedAt':
      return t.format.dateTime(text(value));
    case 'ownerOrganisationId':
      return names.organisation(text(value)) ?? t.action.unknown;
    case 'ownerUserId':
      return names.person(text(value)) ?? t.action.unknown;
    case 'trackId':
      return names.track(text(value)) ?? t.action.unknown;
    case 'public':
      return value ? t.action.yes : t.action.no;
    case 'tags':
      return Array.isArray(value) && value.length > 0 ? value.join(', ') : t.action.none;
    case 'partners':
      // Recorded as "organisationId:role".
      return Array.isArray(value) && value.length > 0
        ? value
            .map((partner) => {
              const [organisationId, role] = String(partner).split(':');
              return `${names.organisation(organisationId) ?? t.action.unknown} (${word(t.partnerRole, role)})`;
            })
            .join(', ')
        : t.action.none;
    default:
      return text(value);
  }
}

/** Fields whose values are ids of things the page does not name: said without values. */
const WITHOUT_VALUES = new Set(['commitmentId', 'parentActionId', 'mentionedUserIds']);

/** An entry's changes in words: "Gezondheid: Op koers → Risico" (audit: old and new). */
export function changesInWords(t: Messages, names: Names, entry: HistoryEntry): string[] {
  if (!entry.changes || (entry.source === 'audit' && entry.kind === 'create')) return [];
  return Object.entries(entry.changes).map(([field, change]) => {
    const label = t.action.field[field] ?? field;
    if (WITHOUT_VALUES.has(field)) return t.action.changedWithoutValues(label);
    if (change !== null && typeof change === 'object' && !Array.isArray(change)) {
      const { old, new: next } = change as { old?: unknown; new?: unknown };
      if ('old' in change) {
        return t.action.change(
          label,
          valueInWords(t, names, field, old),
          valueInWords(t, names, field, next),
        );
      }
      return t.action.set(label, valueInWords(t, names, field, next));
    }
    return t.action.set(label, valueInWords(t, names, field, change));
  });
}

export function actorInWords(t: Messages, names: Names, actor: HistoryEntry['actor']): string {
  if (actor.type === 'system' || (actor.type === 'user' && !actor.id && !actor.organisationId))
    return t.action.system;
  if (actor.type === 'api_token') return t.action.integration;
  if (actor.type === 'anonymous') return t.action.unknown;
  return who(t, names, actor.id, actor.organisationId);
}
