import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Messages } from '../../i18n';
import type { ActionFilters } from './action-filters';
import type { Choices } from './use-choices';

/** The title of the commitment the list is narrowed to, to say it in words. */
export function useCommitmentTitle(id: string | undefined): string | undefined {
  const [title, setTitle] = useState<{ id: string; title: string } | undefined>(undefined);
  useEffect(() => {
    if (!id) return;
    let current = true;
    void api
      .GET('/commitments/{id}', { params: { path: { id } } })
      .then(({ data }) => current && data && setTitle({ id, title: data.title }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [id]);
  return title && title.id === id ? title.title : undefined;
}

/** The active filters as a sentence ("status In uitvoering of Niet gestart; spoor …"). */
export function filtersInWords(
  t: Messages,
  filters: ActionFilters,
  choices: Choices,
  commitmentTitle?: string,
): string {
  const words = t.actionList.words;
  const name = (list: Array<{ id: string; name: string }>, id: string) =>
    list.find((item) => item.id === id)?.name ?? t.actionList.unknown;
  const parts: string[] = [];
  if (filters.status?.length)
    parts.push(words.status(t.actionList.or(filters.status.map((status) => t.status[status]))));
  if (filters.health?.length)
    parts.push(words.health(t.actionList.or(filters.health.map((health) => t.health[health]))));
  if (filters.track) parts.push(words.track(name(choices.tracks, filters.track)));
  if (filters.ownerOrganisation)
    parts.push(words.ownerOrganisation(name(choices.organisations, filters.ownerOrganisation)));
  if (filters.partnerOrganisation)
    parts.push(words.partnerOrganisation(name(choices.organisations, filters.partnerOrganisation)));
  if (filters.overdue !== undefined) parts.push(filters.overdue ? words.overdue : words.notOverdue);
  if (filters.escalationLevel?.length)
    parts.push(
      words.escalationLevel(
        t.actionList.or(
          filters.escalationLevel.map((level) =>
            level === 'none' ? t.actionList.notEscalated : t.escalationLevel[level],
          ),
        ),
      ),
    );
  if (filters.commitmentKind)
    parts.push(words.commitmentKind(t.commitmentKind[filters.commitmentKind]));
  if (filters.commitment) parts.push(words.commitment(commitmentTitle ?? t.actionList.unknown));
  if (filters.verification) parts.push(words.verification(t.verification[filters.verification]));
  if (filters.tag) parts.push(words.tag(filters.tag));
  if (filters.q) parts.push(words.q(filters.q));
  return parts.length ? `${parts.join('; ')}.` : t.actionList.all;
}
