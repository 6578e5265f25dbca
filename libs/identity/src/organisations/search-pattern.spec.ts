import { containsPattern } from './search-pattern';

describe('containsPattern', () => {
  it('matches anywhere and takes LIKE wildcards in the search text literally', () => {
    expect(containsPattern('VNG')).toBe('%VNG%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
