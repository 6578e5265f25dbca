import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import type { ActionFilters } from '../action-list/action-filters';

export type SummaryDocument = Schemas['ReportSummaryDocument'];
export type UpdateRound = Schemas['UpdateRoundResponse'];

/** The overview's own filters: those of the report summary that the action list shares. */
export type OverviewFilters = Pick<ActionFilters, 'track' | 'ownerOrganisation' | 'commitmentKind'>;

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'invalid' }
  | { status: 'loaded'; value: T };

/**
 * The progress report's summary of now for the filters
 * (GET /programmes/{id}/reports/progress/summary): the overview shows the report's own
 * figures, so the two never disagree. It is kept per programme data version by the API, so
 * opening the overview again costs a lookup.
 */
export function useSummary(programmeId: string, filters: OverviewFilters): Loaded<SummaryDocument> {
  const [state, setState] = useState<Loaded<SummaryDocument>>({ status: 'loading' });
  const key = JSON.stringify([programmeId, filters]);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void api
      .GET('/programmes/{id}/reports/progress/summary', {
        params: { path: { id: programmeId }, query: { ...filters } },
      })
      .then(({ data, response }) => {
        if (!current) return;
        if (data) setState({ status: 'loaded', value: data });
        else setState({ status: response.status === 400 ? 'invalid' : 'failed' });
      })
      .catch(() => current && setState({ status: 'failed' }));
    return () => {
      current = false;
    };
    // The key is the filters' value; the object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value
  }, [key]);
  return state;
}

/** The programme's open update rounds (GET /programmes/{id}/update-rounds?state=open). */
export function useOpenRounds(programmeId: string): Loaded<UpdateRound[]> {
  const [state, setState] = useState<Loaded<UpdateRound[]>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/update-rounds', {
        params: { path: { id: programmeId }, query: { state: 'open', limit: 20 } },
      })
      .then(({ data }) => {
        if (!current) return;
        setState(data ? { status: 'loaded', value: data.data } : { status: 'failed' });
      })
      .catch(() => current && setState({ status: 'failed' }));
    return () => {
      current = false;
    };
  }, [programmeId]);
  return state;
}
