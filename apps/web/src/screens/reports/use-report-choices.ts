import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';

export type Organisation = Schemas['OrganisationResponse'];
export type Track = Schemas['TrackResponse'];

export function useChoices(programmeId: string): {
  tracks: Track[];
  organisations: Organisation[];
} {
  const [choices, setChoices] = useState<{ tracks: Track[]; organisations: Organisation[] }>({
    tracks: [],
    organisations: [],
  });
  useEffect(() => {
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
        tracks: tracks.data?.data ?? [],
        organisations: [...(organisations.data?.data ?? [])].sort((a, b) =>
          a.code.localeCompare(b.code),
        ),
      });
    });
    return () => {
      current = false;
    };
  }, [programmeId]);
  return choices;
}
