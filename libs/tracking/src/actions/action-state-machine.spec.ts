import { DomainError } from '@app/core';
import { type ActionState, applyChange, applyVerification } from './action-state-machine';
import { ACTION_STATUSES, type ActionStatus } from './action-states';

const NOW = new Date('2026-11-23T10:00:00Z');
const open: ActionState = {
  status: 'in_progress',
  health: 'on_track',
  verification: 'self_reported',
  percentComplete: 40,
  deadline: '2027-03-31',
  closedAt: null,
};
const closed = (
  status: ActionStatus,
  verification: ActionState['verification'] = 'verified',
): ActionState => ({
  ...open,
  status,
  health: 'not_set',
  verification,
  closedAt: new Date('2026-10-01T00:00:00Z'),
});

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('the action state machine', () => {
  describe('status', () => {
    const allowed: Record<ActionStatus, ActionStatus[]> = {
      not_started: ['in_progress', 'lapsed'],
      in_progress: ['met', 'partially_met', 'lapsed'],
      met: ['in_progress'],
      partially_met: ['in_progress'],
      lapsed: ['in_progress'],
    };
    const from = (status: ActionStatus): ActionState =>
      ['met', 'partially_met', 'lapsed'].includes(status) ? closed(status) : { ...open, status };

    for (const start of ACTION_STATUSES) {
      for (const target of ACTION_STATUSES.filter((status) => status !== start)) {
        const permitted = allowed[start].includes(target);
        it(`${permitted ? 'allows' : 'refuses with 409'} ${start} → ${target}`, () => {
          const change = { status: target, reason: 'toelichting' };
          if (permitted) {
            expect(applyChange(from(start), change, NOW).next.status).toBe(target);
          } else {
            expect(failure(() => applyChange(from(start), change, NOW))).toMatchObject({
              kind: 'conflict',
              code: 'INVALID_STATUS_TRANSITION',
            });
          }
        });
      }
    }

    it('treats the same status as no change', () => {
      expect(applyChange(open, { status: 'in_progress' }, NOW).changed).toEqual([]);
    });
  });

  describe('reasons', () => {
    it.each([
      ['partially met', { status: 'partially_met' as const }, open],
      ['lapsed', { status: 'lapsed' as const }, open],
      ['at risk', { health: 'at_risk' as const }, open],
      ['off track', { health: 'off_track' as const }, open],
      ['a moved deadline', { deadline: '2027-06-30' }, open],
      ['reopening', { status: 'in_progress' as const }, closed('met')],
    ])('are required for %s: 400 naming `reason`', (_, change, state) => {
      const error = failure(() => applyChange(state, change, NOW));
      expect(error).toMatchObject({ kind: 'invalid_input', code: 'VALIDATION_FAILED' });
      expect(error.invalidParams).toEqual([
        { name: 'reason', reason: expect.stringMatching(/^is required when /) },
      ]);
      expect(
        applyChange(state, { ...change, reason: 'Vertraging door wetgevingsproces' }, NOW).changed
          .length,
      ).toBeGreaterThan(0);
    });

    it('rejects a blank reason', () => {
      expect(failure(() => applyChange(open, { health: 'at_risk', reason: '   ' }, NOW)).code).toBe(
        'VALIDATION_FAILED',
      );
    });

    it('are not required to close as met, to start, or to go back on track', () => {
      expect(applyChange(open, { status: 'met' }, NOW).next.status).toBe('met');
      expect(
        applyChange({ ...open, status: 'not_started' }, { status: 'in_progress' }, NOW).next.status,
      ).toBe('in_progress');
      expect(
        applyChange({ ...open, health: 'off_track' }, { health: 'on_track' }, NOW).next.health,
      ).toBe('on_track');
    });
  });

  describe('closing and reopening', () => {
    it('closing clears health, resets verification, stamps the time; met means 100 %', () => {
      const result = applyChange(
        { ...open, verification: 'partner_reviewed' },
        { status: 'met' },
        NOW,
      );
      expect(result.closed).toBe(true);
      expect(result.next).toMatchObject({
        status: 'met',
        health: 'not_set',
        verification: 'self_reported',
        percentComplete: 100,
        closedAt: NOW,
      });
    });

    it('keeps the percentage of an action that closes as partially met', () => {
      expect(
        applyChange(open, { status: 'partially_met', reason: 'deels' }, NOW).next.percentComplete,
      ).toBe(40);
    });

    it('reopening clears the closing time and the verification', () => {
      const result = applyChange(
        closed('met'),
        { status: 'in_progress', reason: 'nieuw feit' },
        NOW,
      );
      expect(result.reopened).toBe(true);
      expect(result.next).toMatchObject({
        closedAt: null,
        verification: 'self_reported',
        health: 'not_set',
      });
    });

    it('refuses health and progress on a closed action with 409', () => {
      expect(failure(() => applyChange(closed('met'), { health: 'on_track' }, NOW)).code).toBe(
        'ACTION_CLOSED',
      );
      expect(failure(() => applyChange(closed('met'), { percentComplete: 50 }, NOW)).code).toBe(
        'ACTION_CLOSED',
      );
      expect(
        failure(() => applyChange(open, { status: 'met', health: 'at_risk', reason: 'x' }, NOW))
          .code,
      ).toBe('ACTION_CLOSED');
    });

    it('allows health and progress while reopening', () => {
      const result = applyChange(
        closed('lapsed'),
        { status: 'in_progress', health: 'at_risk', percentComplete: 10, reason: 'toch nodig' },
        NOW,
      );
      expect(result.next).toMatchObject({ health: 'at_risk', percentComplete: 10 });
    });
  });

  it('lists exactly the fields that changed', () => {
    expect(applyChange(open, { percentComplete: 60, health: 'on_track' }, NOW).changed).toEqual([
      'percentComplete',
    ]);
  });

  describe('verification', () => {
    it('only applies to closed actions', () => {
      expect(failure(() => applyVerification(open, 'verified')).code).toBe('ACTION_NOT_CLOSED');
      expect(
        applyVerification(closed('met', 'self_reported'), 'partner_reviewed').verification,
      ).toBe('partner_reviewed');
      expect(applyVerification(closed('met', 'partner_reviewed'), 'verified').verification).toBe(
        'verified',
      );
    });

    it('does not let a partner confirmation undo a coordinator verification', () => {
      expect(
        failure(() => applyVerification(closed('met', 'verified'), 'partner_reviewed')).code,
      ).toBe('ALREADY_VERIFIED');
    });
  });
});
