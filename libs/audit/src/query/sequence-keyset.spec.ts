import { decodeCursor, DomainError, encodeCursor } from '@app/core';
import {
  decodeSequenceCursor,
  NEWEST_FIRST,
  sequencePage,
  sequenceWindow,
} from './sequence-keyset';

const rows = (...sequences: number[]) => sequences.map((n) => ({ sequence: String(n) }));
const cursorOf = (direction: 'next' | 'prev', sequence: string, inclusive?: boolean) =>
  encodeCursor({ direction, sort: NEWEST_FIRST, values: [sequence], inclusive });
const decoded = (raw: string | undefined) =>
  raw === undefined ? undefined : decodeSequenceCursor(raw);

describe('sequence keyset', () => {
  it('reads the first page newest first and links only onwards', () => {
    expect(sequenceWindow(undefined)).toEqual({ order: 'DESC' });
    const page = sequencePage(rows(9, 8, 7), 2, undefined);
    expect(page.items).toEqual(rows(9, 8));
    expect(decoded(page.nextCursor)).toEqual({
      direction: 'next',
      sort: '-sequence',
      values: ['8'],
    });
    expect(page.prevCursor).toBeUndefined();
  });

  it('bounds a next page below the cursor and a previous page above it, read upwards', () => {
    expect(sequenceWindow(decoded(cursorOf('next', '8')))).toEqual({
      bound: { operator: '<', sequence: '8' },
      order: 'DESC',
    });
    expect(sequenceWindow(decoded(cursorOf('prev', '7', true)))).toEqual({
      bound: { operator: '>=', sequence: '7' },
      order: 'ASC',
    });
    const back = sequencePage(rows(8, 9, 10), 2, decoded(cursorOf('prev', '7')));
    expect(back.items).toEqual(rows(9, 8));
    expect(decoded(back.prevCursor)?.values).toEqual(['9']);
    expect(decoded(back.nextCursor)?.values).toEqual(['8']);
  });

  it('ends at the last page and keeps the way back from an emptied one', () => {
    const last = sequencePage(rows(2, 1), 2, decoded(cursorOf('next', '3')));
    expect(last.nextCursor).toBeUndefined();
    expect(decoded(last.prevCursor)?.values).toEqual(['2']);
    const emptied = sequencePage([], 2, decoded(cursorOf('next', '3')));
    expect(emptied.nextCursor).toBeUndefined();
    expect(decodeCursor(emptied.prevCursor!, NEWEST_FIRST, 1)).toEqual({
      direction: 'prev',
      sort: NEWEST_FIRST,
      values: ['3'],
      inclusive: true,
    });
  });

  it.each([
    ['another list', encodeCursor({ direction: 'next', sort: 'name', values: ['a', 'b'] })],
    ['a value that is no sequence', cursorOf('next', '1; DROP TABLE audit_events')],
    ['a sequence beyond bigint', cursorOf('next', '9223372036854775808')],
    ['zero', cursorOf('next', '0')],
  ])('refuses a cursor of %s with a 400', (_name, raw) => {
    expect(() => decodeSequenceCursor(raw)).toThrow(DomainError);
  });
});
