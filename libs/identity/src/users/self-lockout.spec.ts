import { isSelfLockout } from './self-lockout';

describe('isSelfLockout', () => {
  it.each([
    ['deactivating yourself', 'me', { isActive: false }, true],
    ['demoting yourself', 'me', { isPlatformAdmin: false }, true],
    ['renaming yourself', 'me', {}, false],
    ['confirming your own flags', 'me', { isActive: true, isPlatformAdmin: true }, false],
    [
      'deactivating and demoting someone else',
      'other',
      { isActive: false, isPlatformAdmin: false },
      false,
    ],
  ])('%s', (_name, target, change, expected) => {
    expect(isSelfLockout('me', target, change)).toBe(expected);
  });
});
