import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './cursor';
import { keysetCondition } from './keyset';
import { formatSort, parseSort } from './sort';

describe('parseSort', () => {
  const allowed = ['deadline', 'updatedAt', 'title'];

  it('reads a leading minus as descending, in the given order', () => {
    expect(parseSort('-deadline,title', allowed, [])).toEqual([
      { key: 'deadline', direction: 'desc' },
      { key: 'title', direction: 'asc' },
    ]);
  });

  it('falls back to the default when absent', () => {
    expect(parseSort(undefined, allowed, [{ key: 'title', direction: 'asc' }])).toEqual([
      { key: 'title', direction: 'asc' },
    ]);
  });

  it.each([['owner'], ['title,-title'], ['deadline;drop table']])(
    'rejects %p with a 400 on sort',
    (raw) => {
      expect(() => parseSort(raw, allowed, [])).toThrow(DomainError);
      try {
        parseSort(raw, allowed, []);
      } catch (error) {
        expect((error as DomainError).invalidParams?.[0].name).toBe('sort');
      }
    },
  );

  it('formats back to the same string', () => {
    expect(formatSort(parseSort('-deadline,title', allowed, []))).toBe('-deadline,title');
  });
});

describe('cursors', () => {
  it('round-trips', () => {
    const cursor = { direction: 'prev' as const, sort: '-deadline', values: ['2026-01-01', 'abc'] };
    expect(decodeCursor(encodeCursor(cursor), '-deadline', 2)).toEqual(cursor);
  });

  it('rejects a cursor made for another sort or of another shape', () => {
    const cursor = encodeCursor({ direction: 'next', sort: 'title', values: ['a', 'b'] });
    expect(() => decodeCursor(cursor, '-deadline', 2)).toThrow(DomainError);
    expect(() => decodeCursor(cursor, 'title', 3)).toThrow(DomainError);
    expect(() => decodeCursor('not a cursor!', 'title', 2)).toThrow(DomainError);
    expect(() => decodeCursor(Buffer.from('{"x":1}').toString('base64url'), 'title', 2)).toThrow(
      DomainError,
    );
  });
});

describe('keysetCondition', () => {
  it('spells out the lexicographic comparison, one direction per key', () => {
    const { sql, parameterNames } = keysetCondition(
      [
        { expression: 'a.deadline', direction: 'desc' },
        { expression: 'a.title', direction: 'asc' },
        { expression: 'a.id', direction: 'asc' },
      ],
      'k',
    );
    expect(parameterNames).toEqual(['k0', 'k1', 'k2']);
    expect(sql).toBe(
      '(a.deadline < :k0) OR (a.deadline = :k0 AND a.title > :k1) OR (a.deadline = :k0 AND a.title = :k1 AND a.id > :k2)',
    );
  });

  it('uses a row comparison, one index range, when every key sorts the same way', () => {
    const terms = [
      { expression: 'a.deadline', direction: 'desc' as const },
      { expression: 'a.id', direction: 'desc' as const },
    ];
    expect(keysetCondition(terms, 'k').sql).toBe('(a.deadline, a.id) < (:k0, :k1)');
    expect(keysetCondition(terms, 'k', true).sql).toBe('(a.deadline, a.id) <= (:k0, :k1)');
    expect(
      keysetCondition(
        [
          { expression: 'lower(a.title)', direction: 'asc' },
          { expression: 'a.id', direction: 'asc' },
        ],
        'k',
      ).sql,
    ).toBe('(lower(a.title), a.id) > (:k0, :k1)');
  });
});
