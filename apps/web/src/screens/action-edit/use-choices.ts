import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';

export type Track = Schemas['TrackResponse'];
export type Organisation = Schemas['OrganisationResponse'];
export type CommitmentChoice = { id: string; title: string };

export interface Choices {
  tracks: Track[];
  organisations: Organisation[];
  commitments: CommitmentChoice[];
}

export type ChoicesState =
  { status: 'loading' } | { status: 'failed' } | ({ status: 'loaded' } & Choices);

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

/**
 * What the action forms offer to choose from: the programme's tracks (in their order), the
 * organisations (by name) and the programme's commitments (by title), the most the API gives
 * in one page (200). `extraCommitmentId` (a preset or current commitment) is added when it is
 * not among them, so that it is never shown as missing.
 */
export function useChoices(
  programmeId: string | null,
  extraCommitmentId?: string | null,
): ChoicesState {
  const [state, setState] = useState<ChoicesState>({ status: 'loading' });
  useEffect(() => {
    if (!programmeId) return;
    let current = true;
    setState({ status: 'loading' });
    const path = { params: { path: { id: programmeId }, query: { limit: 200 } } };
    void Promise.all([
      api.GET('/programmes/{id}/tracks', path),
      api.GET('/organisations', { params: { query: { limit: 200 } } }),
      api.GET('/commitments', {
        params: { query: { programme: programmeId, limit: 200, sort: 'title' } },
      }),
    ])
      .then(async ([tracks, organisations, commitments]) => {
        if (!tracks.data || !organisations.data || !commitments.data) throw new Error('failed');
        const list: CommitmentChoice[] = commitments.data.data.map((c) => ({
          id: c.id,
          title: c.title,
        }));
        if (extraCommitmentId && !list.some((c) => c.id === extraCommitmentId)) {
          const { data } = await api.GET('/commitments/{id}', {
            params: { path: { id: extraCommitmentId } },
          });
          if (data) list.unshift({ id: data.id, title: data.title });
        }
        if (!current) return;
        setState({
          status: 'loaded',
          tracks: [...tracks.data.data].sort((a, b) => a.position - b.position),
          organisations: [...organisations.data.data].sort(byName),
          commitments: list,
        });
      })
      .catch(() => current && setState({ status: 'failed' }));
    return () => {
      current = false;
    };
  }, [programmeId, extraCommitmentId]);
  return state;
}
