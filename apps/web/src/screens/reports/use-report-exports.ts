import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import type { ReportFormat, ReportOptions } from './report-query';

export type ReportExport = Schemas['ReportExportResponse'];

/** How often an unfinished export is asked for its progress. */
const POLL_MS = 1_000;
/** How many of a person's exports the page remembers. */
const KEEP = 10;

/**
 * The exports this person asked for, remembered in this browser so that leaving the page (or
 * reloading it) does not lose them: the API has no list of one's exports, only each export by
 * its id, and shows it to no one else (README "Exports"). Only ids are kept, per person, never
 * a token or a file; an id the API no longer knows (deleted after its retention) is forgotten.
 */
function storageKey(userId: string, programmeId: string): string {
  return `sbt.reportExports.${userId}.${programmeId}`;
}

function remembered(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function remember(key: string, ids: string[]): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(ids.slice(0, KEEP)));
  } catch {
    // Storage full or refused (private mode): the exports still show while the page is open.
  }
}

/** The API's refusal of an export request: its status and problem. */
export class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`report export refused: ${status}`);
  }
}

const finished = (item: ReportExport) => item.status === 'done' || item.status === 'failed';

export interface ReportExports {
  items: ReportExport[];
  /** Asks for an export; resolves to the export, or throws the API's answer. */
  start(
    format: ReportFormat,
    options: ReportOptions,
    idempotencyKey: string,
  ): Promise<ReportExport>;
  forget(id: string): void;
}

export function useReportExports(
  userId: string,
  programmeId: string,
  onFinished: (item: ReportExport) => void,
): ReportExports {
  const key = storageKey(userId, programmeId);
  const [items, setItems] = useState<ReportExport[]>([]);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // The remembered exports, as the API sees them now.
  useEffect(() => {
    let current = true;
    const ids = remembered(key);
    void Promise.all(
      ids.map((id) =>
        api
          .GET('/report-exports/{id}', { params: { path: { id } } })
          .then(({ data, response }) => ({ id, data, gone: response.status === 404 }))
          .catch(() => ({ id, data: undefined, gone: false })),
      ),
    ).then((answers) => {
      if (!current) return;
      remember(
        key,
        answers.filter((answer) => !answer.gone).map((answer) => answer.id),
      );
      setItems(answers.flatMap((answer) => (answer.data ? [answer.data] : [])));
    });
    return () => {
      current = false;
    };
  }, [key]);

  // Polls the unfinished ones until they are done or failed.
  const unfinished = items.filter((item) => !finished(item)).map((item) => item.id);
  const polling = unfinished.join(',');
  useEffect(() => {
    if (!polling) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void Promise.all(
        polling.split(',').map((id) =>
          api
            .GET('/report-exports/{id}', { params: { path: { id } } })
            .then(({ data }) => data)
            .catch(() => undefined),
        ),
      ).then((answers) => {
        if (!current) return;
        const fresh = new Map(answers.flatMap((answer) => (answer ? [[answer.id, answer]] : [])));
        const before = itemsRef.current;
        setItems(before.map((item) => fresh.get(item.id) ?? item));
        for (const item of before) {
          const next = fresh.get(item.id);
          if (next && !finished(item) && finished(next)) finishedRef.current(next);
        }
      });
    }, POLL_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [polling, items]);

  const start = useCallback(
    async (format: ReportFormat, options: ReportOptions, idempotencyKey: string) => {
      const { data, error, response } = await api.POST('/report-exports', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: { ...options, programmeId, format },
      });
      if (!data) throw new ExportRefused(response.status, error);
      setItems((before) => [data, ...before.filter((item) => item.id !== data.id)]);
      remember(key, [data.id, ...remembered(key).filter((id) => id !== data.id)]);
      return data;
    },
    [key, programmeId],
  );

  const forget = useCallback(
    (id: string) => {
      setItems((before) => before.filter((item) => item.id !== id));
      remember(
        key,
        remembered(key).filter((kept) => kept !== id),
      );
    },
    [key],
  );

  return { items, start, forget };
}
