import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Messages } from '../../i18n';
import type { ActionFilters } from './action-filters';
import type { Choices } from './use-choices';

/** The titles of the commitment and the parent action the list is narrowed to, as words. */
export interface Titles {
  commitment?: string;
  parent?: string;
}

function useTitle(
  id: string | undefined,
  read: (id: string) => Promise<{ data?: { title: string } }>,
): string | undefined {
  const [title, setTitle] = useState<{ id: string; title: string } | undefined>(undefined);
  const readRef = useRef(read);
  useEffect(() => {
    if (!id) return;
    let current = true;
    void readRef
      .current(id)
      .then(({ data }) => current && data && setTitle({ id, title: data.title }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [id]);
  return title && title.id === id ? title.title : undefined;
}

export function useTitles(filters: ActionFilters): Titles {
  return {
    commitment: useTitle(filters.commitment, (id) =>
      api.GET('/commitments/{id}', { params: { path: { id } } }),
    ),
    parent: useTitle(filters.parent, (id) =>
      api.GET('/actions/{id}', { params: { path: { id } } }),
    ),
  };
}

/** The active filters as a sentence ("status In uitvoering of Niet gestart; spoor …"). */
export function filtersInWords(
  t: Messages,
  filters: ActionFilters,
  choices: Choices,
  titles: Titles = {},
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
  if (filters.commitment) parts.push(words.commitment(titles.commitment ?? t.actionList.unknown));
  if (filters.parent) parts.push(words.parent(titles.parent ?? t.actionList.unknown));
  if (filters.verification) parts.push(words.verification(t.verification[filters.verification]));
  if (filters.tag) parts.push(words.tag(filters.tag));
  if (filters.q) parts.push(words.q(filters.q));
  return parts.length ? `${parts.join('; ')}.` : t.actionList.all;
}
