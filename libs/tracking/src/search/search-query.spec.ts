import { kamerstukKey, SEARCHABLE } from './search-query';

describe('search', () => {
  it('reads a Kamerstuk as people write it', () => {
    expect(kamerstukKey('29362-290')).toBe('29362-290');
    expect(kamerstukKey('29362 nr. 290')).toBe('29362-290');
    expect(kamerstukKey(' 35 896, nr. 10 ')).toBe('35896-10');
    expect(kamerstukKey('35300-vii-133')).toBe('35300-VII-133');
    expect(kamerstukKey('29362')).toBe('29362');
    expect(kamerstukKey('opschalingskorting')).toBeNull();
    expect(kamerstukKey('29362 opschaling')).toBeNull();
  });

  it('wants a letter or a digit', () => {
    expect(SEARCHABLE.test('ë')).toBe(true);
    expect(SEARCHABLE.test('"-" !')).toBe(false);
  });
});
