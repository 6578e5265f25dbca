import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';

type Track = Schemas['TrackResponse'];

/** The programme's tracks, to filter by (none until they have come). */
export function useTracks(programmeId: string): Track[] {
  const [tracks, setTracks] = useState<Track[]>([]);
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/tracks', {
        params: { path: { id: programmeId }, query: { limit: 200 } },
      })
      .then(({ data }) => current && data && setTracks(data.data));
    return () => {
      current = false;
    };
  }, [programmeId]);
  return tracks;
}
