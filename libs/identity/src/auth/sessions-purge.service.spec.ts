import { SessionsPurge } from './sessions-purge.service';
import type { SessionsRepository } from './sessions.repository';

describe('SessionsPurge', () => {
  it('goes through every session in batches, a statement each, with a day of grace', async () => {
    const batches = [
      { last: 'family-1000', deleted: 7 },
      { last: 'family-1500', deleted: 2 },
      { last: null, deleted: 0 },
    ];
    const purgeEnded = jest.fn(() => Promise.resolve(batches.shift()!));
    const purgeLoginStates = jest.fn(() => Promise.resolve(3));
    const purge = new SessionsPurge({
      purgeEnded,
      purgeLoginStates,
    } as unknown as SessionsRepository);
    expect(await purge.purge()).toBe(9);
    // ... and the started sign-ins through identity providers, expired a day ago.
    expect(purgeLoginStates.mock.calls).toEqual([[86_400]]);
    expect(purgeEnded.mock.calls).toEqual([
      [null, 1000, 86_400],
      ['family-1000', 1000, 86_400],
      ['family-1500', 1000, 86_400],
    ]);
  });
});
