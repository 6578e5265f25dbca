import { identifier, StatementParameters } from './statement';

describe('StatementParameters', () => {
  it('numbers placeholders in the order values are added, with an optional cast', () => {
    const parameters = new StatementParameters();
    expect(parameters.add('a')).toBe('$1');
    expect(parameters.add({ b: 1 }, 'jsonb')).toBe('$2::jsonb');
    expect(parameters.add(null)).toBe('$3');
    expect(parameters.values).toEqual(['a', { b: 1 }, null]);
  });

  it('lets only plain identifiers into SQL text', () => {
    expect(identifier('changed')).toBe('changed');
    expect(identifier('part_2')).toBe('part_2');
    for (const name of ['', 'Changed', 'a b', 'x; DROP TABLE y', '"q"', '1st']) {
      expect(() => identifier(name)).toThrow('not a plain SQL identifier');
    }
  });
});
