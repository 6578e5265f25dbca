import { StatementParameters } from './statement';

describe('StatementParameters', () => {
  it('numbers placeholders in the order values are added, with an optional cast', () => {
    const parameters = new StatementParameters();
    expect(parameters.add('a')).toBe('$1');
    expect(parameters.add({ b: 1 }, 'jsonb')).toBe('$2::jsonb');
    expect(parameters.add(null)).toBe('$3');
    expect(parameters.values).toEqual(['a', { b: 1 }, null]);
  });
});
