import type { EntityManager } from 'typeorm';
import { ActionReportReader } from './action-report.reader';

/** A manager whose cursor reads answer `batches` in turn (an Error rejects). */
function cursorManager(batches: (unknown[] | Error)[]): EntityManager {
  let fetches = 0;
  return {
    query: (sql: string) => {
      if (!sql.startsWith('FETCH')) return Promise.resolve([]);
      const batch = batches[fetches++] ?? [];
      return batch instanceof Error ? Promise.reject(batch) : Promise.resolve(batch);
    },
  } as unknown as EntityManager;
}

const row = (id: string) => ({ id, positions: {}, partners: [] });

describe('ActionReportReader.rows', () => {
  it('reports a read that fails while the caller holds a batch at the next read, not as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const lost = new Error('the connection was ended');
      const rows = new ActionReportReader().rows(
        cursorManager([[row('a'), row('b')], lost]),
        'programme',
        { asOf: new Date(), since: null },
        {},
        2,
      );
      const first = await rows.next();
      expect((first.value as { id: string }[]).map((r) => r.id)).toEqual(['a', 'b']);
      // The caller is slow: the next read fails meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(rows.next()).rejects.toBe(lost);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('reads batch after batch until a short one', async () => {
    const rows = new ActionReportReader().rows(
      cursorManager([[row('a'), row('b')], [row('c')]]),
      'programme',
      { asOf: new Date(), since: null },
      {},
      2,
    );
    const ids: string[] = [];
    for await (const batch of rows) ids.push(...batch.map((r) => r.id));
    expect(ids).toEqual(['a', 'b', 'c']);
  });
});
