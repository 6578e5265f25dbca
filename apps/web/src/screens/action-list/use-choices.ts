import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface Choice {
  id: string;
  name: string;
}

export interface Choices {
  /** The programme's tracks, in the programme's order. */
  tracks: Choice[];
  /** The organisations of the platform, by name (code and name). */
  organisations: Array<Choice & { code: string }>;
}

/**
 * What the filters offer and the words for the ids in the address: the programme's tracks
 * (GET /programmes/{id}/tracks) and the organisations (GET /organisations), one page of the
 * most the API gives each; every member may read both.
 */
export function useChoices(programmeId: string | null): Choices {
  const [choices, setChoices] = useState<Choices>({ tracks: [], organisations: [] });
  useEffect(() => {
    if (!programmeId) return;
    let current = true;
    void Promise.all([
      api
        .GET('/programmes/{id}/tracks', {
          params: { path: { id: programmeId }, query: { limit: 200 } },
        })
        .catch(() => ({ data: undefined })),
      api
        .GET('/organisations', { params: { query: { limit: 200 } } })
        .catch(() => ({ data: undefined })),
    ]).then(([tracks, organisations]) => {
      if (!current) return;
      setChoices({
        tracks: tracks.data?.data.map(({ id, name }) => ({ id, name })) ?? [],
        organisations:
          organisations.data?.data.map(({ id, name, code }) => ({ id, name, code })) ?? [],
      });
    });
    return () => {
      current = false;
    };
  }, [programmeId]);
  return choices;
}
