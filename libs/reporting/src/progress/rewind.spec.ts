import type { RecordedChange } from '@app/audit';
import { differences, rewind, type RewoundState } from './rewind';

const now: RewoundState = {
  trackId: 't2',
  commitmentId: null,
  title: 'Herzien',
  ownerOrganisationId: 'o1',
  ownerUserId: null,
  deadline: '2031-01-15',
  status: 'in_progress',
  health: 'off_track',
  verification: 'self_reported',
  percentComplete: 40,
  rollupWeight: null,
  escalationLevel: 'official',
  partners: ['p1:contributor'],
};

const change = (
  changes: RecordedChange['changes'],
  at = '2026-06-01T10:00:00Z',
): RecordedChange => ({
  entityId: 'a1',
  sequence: '1',
  occurredAt: new Date(at),
  operation: 'update',
  changes,
});

describe('rewind', () => {
  it('puts back the old value of every recorded change, newest first', () => {
    const earlier = rewind(now, [
      change({ escalationLevel: { old: null, new: 'official' } }),
      change({
        health: { old: 'at_risk', new: 'off_track' },
        percentComplete: { old: 20, new: 40 },
      }),
      change({
        title: { old: 'Origineel', new: 'Herzien' },
        deadline: { old: '2030-01-15', new: '2031-01-15' },
      }),
      change({ health: { old: 'on_track', new: 'at_risk' } }),
      change({ partners: { old: [], new: ['p1:contributor'] }, trackId: { old: 't1', new: 't2' } }),
    ]);
    expect(earlier).toEqual({
      ...now,
      trackId: 't1',
      title: 'Origineel',
      deadline: '2030-01-15',
      health: 'on_track',
      percentComplete: 20,
      escalationLevel: null,
      partners: [],
    });
    // The state it started from is left as it was.
    expect(now.partners).toEqual(['p1:contributor']);
  });

  it('ignores fields a report does not show and changes without an old value', () => {
    expect(
      rewind(now, [
        change({ description: { old: 'x', new: 'y' }, tags: { old: [], new: ['a'] } }),
        change({ title: { new: 'Herzien' } }),
        change(null),
      ]),
    ).toEqual(now);
  });
});

describe('differences', () => {
  it('lists the fields that differ, in report order', () => {
    const earlier = { ...now, title: 'Origineel', health: 'at_risk' as const, partners: [] };
    expect(differences(earlier, now)).toEqual([
      { field: 'title', from: 'Origineel', to: 'Herzien' },
      { field: 'health', from: 'at_risk', to: 'off_track' },
      { field: 'partners', from: [], to: ['p1:contributor'] },
    ]);
    expect(differences(now, { ...now, partners: [...now.partners] })).toEqual([]);
  });
});
