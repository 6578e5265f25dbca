import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** Names for the ids an action and its history carry: people, organisations and tracks. */
export interface Names {
  person(id: string | null | undefined): string | undefined;
  organisation(id: string | null | undefined): string | undefined;
  track(id: string | null | undefined): string | undefined;
}

type Table = ReadonlyMap<string, string>;
const EMPTY: Table = new Map();

/**
 * The programme's members (GET /programmes/{id}/members: every member may read it), the
 * organisations (GET /organisations) and the programme's tracks, each one page of the most
 * the API gives; an id it does not know has no name and the screen says "unknown".
 */
export function useNames(programmeId: string): Names {
  const [tables, setTables] = useState<{ people: Table; organisations: Table; tracks: Table }>({
    people: EMPTY,
    organisations: EMPTY,
    tracks: EMPTY,
  });
  useEffect(() => {
    let current = true;
    const path = { params: { path: { id: programmeId }, query: { limit: 200 } } };
    void Promise.all([
      api.GET('/programmes/{id}/members', path).catch(() => ({ data: undefined })),
      api.GET('/organisations', { params: { query: { limit: 200 } } }).catch(() => ({
        data: undefined,
      })),
      api.GET('/programmes/{id}/tracks', path).catch(() => ({ data: undefined })),
    ]).then(([members, organisations, tracks]) => {
      if (!current) return;
      setTables({
        people: new Map(members.data?.data.map((member) => [member.userId, member.displayName])),
        organisations: new Map(
          organisations.data?.data.map((organisation) => [organisation.id, organisation.name]),
        ),
        tracks: new Map(tracks.data?.data.map((track) => [track.id, track.name])),
      });
    });
    return () => {
      current = false;
    };
  }, [programmeId]);
  const lookup = (table: Table) => (id: string | null | undefined) =>
    id ? table.get(id) : undefined;
  return {
    person: lookup(tables.people),
    organisation: lookup(tables.organisations),
    track: lookup(tables.tracks),
  };
}
