import type { ActionHealth, ActionStatus } from '../actions/action-states';
import { addRollupSums, emptyRollupSums, rollupOf, sumsOfAction } from './rollup';

const action = (
  status: ActionStatus,
  percentComplete: number,
  values: { health?: ActionHealth; rollupWeight?: number | null; overdue?: boolean } = {},
) => ({
  status,
  percentComplete,
  health: values.health ?? 'not_set',
  rollupWeight: values.rollupWeight ?? null,
  overdue: values.overdue ?? false,
});

const rollup = (actions: ReturnType<typeof action>[]) =>
  rollupOf(actions.map(sumsOfAction).reduce(addRollupSums, emptyRollupSums()));

describe('roll-ups', () => {
  it('averages equally by default: met counts 100, partially met its own, lapsed not at all', () => {
    const r = rollup([
      action('in_progress', 40, { health: 'on_track' }),
      // A met action counts as done, whatever percentage it carries.
      action('met', 80),
      action('partially_met', 60),
      action('lapsed', 0),
    ]);
    expect(r.percentComplete).toBe(66.7); // (40 + 100 + 60) / 3
    expect(r).toMatchObject({ total: 4, open: 1, closed: 3, overdue: 0 });
  });

  it('weights the percentage by rollupWeight (null: 1)', () => {
    expect(
      rollup([action('in_progress', 10, { rollupWeight: 3 }), action('in_progress', 90)])
        .percentComplete,
    ).toBe(30); // (3 × 10 + 90) / 4
  });

  it('takes the worst health of the open actions, with its count', () => {
    const r = rollup([
      action('in_progress', 0, { health: 'at_risk', overdue: true }),
      action('in_progress', 0, { health: 'at_risk' }),
      action('not_started', 0, { health: 'on_track' }),
      // A closed action's health does not count.
      action('met', 100, { health: 'off_track' }),
    ]);
    expect(r).toMatchObject({ health: 'at_risk', healthCount: 2, overdue: 1 });
    expect(r.byHealth).toEqual({ not_set: 0, on_track: 1, at_risk: 2, off_track: 0 });
    expect(rollup([action('not_started', 0)]).health).toBe('not_set');
  });

  it('has no percentage and no health without actions that count', () => {
    expect(rollup([])).toEqual({
      percentComplete: null,
      health: null,
      healthCount: 0,
      byHealth: { not_set: 0, on_track: 0, at_risk: 0, off_track: 0 },
      total: 0,
      open: 0,
      closed: 0,
      overdue: 0,
    });
    expect(rollup([action('lapsed', 50)])).toMatchObject({ percentComplete: null, health: null });
  });
});
