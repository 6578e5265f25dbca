import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';

export type Commitment = Schemas['CommitmentResponse'];
export type CommitmentKind = Schemas['CommitmentKind'];
export type LineageRelation = Schemas['LineageRelation'];
export type Organisation = Schemas['OrganisationResponse'];

export const KINDS: readonly CommitmentKind[] = [
  'udo_trajectory',
  'bofv_agreement',
  'overhedenoverleg_agreement',
  'rob_recommendation',
  'parliamentary_pledge',
  'agenda_item',
];
export const RELATIONS: readonly LineageRelation[] = ['repeats', 'supplements', 'amends'];

export type CommitmentState =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'failed' }
  | { status: 'loaded'; commitment: Commitment; etag: string };

export async function fetchCommitment(
  id: string,
): Promise<Exclude<CommitmentState, { status: 'loading' }>> {
  const { data, response } = await api
    .GET('/commitments/{id}', { params: { path: { id } } })
    .catch(() => ({ data: undefined, response: undefined }));
  if (data && response)
    return {
      status: 'loaded',
      commitment: data,
      etag: response.headers.get('ETag') ?? `"${data.version}"`,
    };
  // A malformed id is as absent as an unknown one.
  if (response?.status === 404 || response?.status === 400) return { status: 'notFound' };
  return { status: 'failed' };
}

/** One commitment with its ETag (the version a change names in If-Match). */
export function useCommitment(id: string): CommitmentState {
  const [state, setState] = useState<CommitmentState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void fetchCommitment(id).then((next) => current && setState(next));
    return () => {
      current = false;
    };
  }, [id]);
  return state;
}

/**
 * The organisations, by name (GET /organisations, the most one page gives): for the party
 * filter and the form's party and ministry choices.
 */
export function useOrganisations(): Organisation[] {
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  useEffect(() => {
    let current = true;
    void api
      .GET('/organisations', { params: { query: { limit: 200 } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (current && data)
          setOrganisations([...data.data].sort((a, b) => a.name.localeCompare(b.name, 'nl')));
      });
    return () => {
      current = false;
    };
  }, []);
  return organisations;
}

/** Whether the person may record and change commitments here (API: commitments:manage). */
export function mayManageCommitments(role: Schemas['ProgrammeRole'] | null): boolean {
  return role === 'coordinator' || role === 'editor';
}

/** A function that names an organisation by id, from a list already loaded. */
export function useOrganisationName(organisations: Organisation[]) {
  return useCallback(
    (id: string) => organisations.find((organisation) => organisation.id === id)?.name,
    [organisations],
  );
}
