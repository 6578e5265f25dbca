import type { Action } from '../../components/action-table';
import type { Messages } from '../../i18n';
import type { Member } from '../action/use-members';
import type { Choices } from './use-choices';

/**
 * What changed in an action between the version a form started from and now, in words, for
 * the fields of the action form (a 412: someone else changed it meanwhile).
 */
export function conflictLines(
  t: Messages,
  before: Action,
  after: Action,
  lookup: { choices: Choices; members: Member[] },
): string[] {
  const f = t.action.field;
  const none = t.action.none;
  const track = (id: string | null) =>
    id ? (lookup.choices.tracks.find((x) => x.id === id)?.name ?? t.action.unknown) : none;
  const commitment = (id: string | null) =>
    id ? (lookup.choices.commitments.find((x) => x.id === id)?.title ?? t.action.unknown) : none;
  const person = (id: string | null) =>
    id ? (lookup.members.find((m) => m.userId === id)?.displayName ?? t.action.unknown) : none;
  const date = (iso: string | null) => (iso ? t.format.date(iso) : none);
  const partners = (action: Action) =>
    action.partners.length === 0
      ? none
      : action.partners
          .map((p) => `${p.organisation.name} (${t.partnerRole[p.role]})`)
          .sort()
          .join(', ');
  const tags = (action: Action) => (action.tags.length ? action.tags.join(', ') : none);
  const lines: string[] = [];
  const add = (field: string, from: string, to: string) => {
    if (from !== to) lines.push(t.action.change(field, from, to));
  };
  add(f.title, before.title, after.title);
  if (before.description !== after.description) lines.push(t.actionEdit.descriptionChanged);
  add(f.trackId, track(before.trackId), track(after.trackId));
  add(f.commitmentId, commitment(before.commitmentId), commitment(after.commitmentId));
  add(f.ownerOrganisationId, before.ownerOrganisation.name, after.ownerOrganisation.name);
  add(f.ownerUserId, person(before.ownerUserId), person(after.ownerUserId));
  add(f.partners, partners(before), partners(after));
  add(f.startDate, date(before.startDate), date(after.startDate));
  add(f.deadline, date(before.deadline), date(after.deadline));
  add(f.tags, tags(before), tags(after));
  add(
    f.public,
    before.public ? t.action.yes : t.action.no,
    after.public ? t.action.yes : t.action.no,
  );
  const weight = (action: Action) => String(action.rollupWeight ?? 1);
  add(f.rollupWeight, weight(before), weight(after));
  return lines;
}
